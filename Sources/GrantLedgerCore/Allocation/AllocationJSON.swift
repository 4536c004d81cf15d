/// The allocation as JSON with every figure exact: fractions are strings such as `"421/8247"`,
/// amounts of money are plain decimal strings (`"46234.57"`), never JSON numbers, which readers
/// parse as binary floating point.
public enum AllocationJSON {
    public static func text(_ allocation: Allocation) -> String {
        var out = "{\n"
        out += "  \"area_file\": \(string(allocation.areaFile)),\n"
        out += "  \"pot\": \(string(allocation.pot.formatted(.plain))),\n"
        out += "  \"unit\": \(string(allocation.unit.formatted(.plain))),\n"
        out += "  \"floor\": \(allocation.floor.map { string($0.formatted(.plain)) } ?? "null"),\n"
        out += "  \"indicators\": [\n"
        out += allocation.indicators.map {
            "    {\"name\": \(string($0.name)), \"weight\": \(string($0.weight.description)), \"total\": \(string($0.total.description))}"
        }.joined(separator: ",\n")
        out += "\n  ],\n"
        if let flooring = allocation.flooring {
            out += "  \"flooring\": {\"floored_areas\": \(flooring.flooredCount), "
            out += "\"remaining_pot_pence\": \(string(flooring.remainingPot.description)), "
            out += "\"scaled_total_pence\": \(string(flooring.scaledTotal.description)), "
            out += "\"factor\": \(string(flooring.factor.description))},\n"
        } else {
            out += "  \"flooring\": null,\n"
        }
        out += "  \"leftover_units\": \(allocation.leftoverUnits),\n"
        out += "  \"areas\": [\n"
        out += allocation.areas.map { area in
            var fields: [String] = []
            fields.append("\"area\": \(string(area.name))")
            let shares = zip(allocation.indicators, area.shares).map { "\(string($0.name)): \(string($1.description))" }
            fields.append("\"indicator_shares\": {\(shares.joined(separator: ", "))}")
            fields.append("\"blended_share\": \(string(area.blendedShare.description))")
            fields.append("\"share\": \(string(area.blendedShare.decimalString(places: AllocationCSV.sharePlaces)))")
            fields.append("\"formula_amount_pence\": \(string(area.formulaAmount.description))")
            fields.append("\"floored\": \(area.isFloored)")
            fields.append("\"exact_amount_pence\": \(string(area.exactAmount.description))")
            fields.append("\"whole_units\": \(area.wholeUnits)")
            fields.append("\"remainder\": \(string(area.remainder.description))")
            fields.append("\"leftover_unit\": \(area.receivesLeftoverUnit)")
            fields.append("\"amount\": \(string(area.amount.formatted(.plain)))")
            return "    {" + fields.joined(separator: ", ") + "}"
        }.joined(separator: ",\n")
        out += "\n  ],\n"
        out += "  \"total\": \(string(allocation.total.formatted(.plain)))\n"
        out += "}\n"
        return out
    }

    /// A JSON string literal.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
