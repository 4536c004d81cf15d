/// The allocation as JSON with every figure exact (`total` is what the areas receive: the pot less
/// `retained`): fractions are strings such as `"421/8247"`,
/// amounts of money are plain decimal strings (`"46234.57"`), never JSON numbers, which readers
/// parse as binary floating point.
public enum AllocationJSON {
    public static func text(_ allocation: Allocation) -> String {
        var out = "{\n"
        if let scenario = allocation.scenario {
            out += "  \"scenario\": {\"name\": \(string(scenario.name)), \"title\": \(scenario.title.map(string) ?? "null"), "
            out += "\"description\": \(scenario.description.map(string) ?? "null"), "
            out += "\"file\": \(scenario.file.map(string) ?? "null"), \"pot_source\": \(string(scenario.potSource))},\n"
        } else {
            out += "  \"scenario\": null,\n"
        }
        out += "  \"area_file\": \(string(allocation.areaFile)),\n"
        out += "  \"pot\": \(string(allocation.pot.formatted(.plain))),\n"
        out += "  \"unit\": \(string(allocation.unit.formatted(.plain))),\n"
        out += "  \"floor\": \(allocation.floor.map { string($0.formatted(.plain)) } ?? "null"),\n"
        out += "  \"cap\": \(allocation.cap.map { string($0.formatted(.plain)) } ?? "null"),\n"
        out += "  \"top_slices\": ["
        out += allocation.topSlices.map {
            "{\"name\": \(string($0.name)), \"amount\": \(string($0.amount.formatted(.plain))), \"area\": \($0.area.map(string) ?? "null")}"
        }.joined(separator: ", ")
        out += "],\n"
        out += "  \"formula_pot\": \(string(allocation.formulaPot.formatted(.plain))),\n"
        out += "  \"indicators\": [\n"
        out += allocation.indicators.map {
            "    {\"name\": \(string($0.name)), \"weight\": \(string($0.weight.description)), \"total\": \(string($0.total.description)), "
                + "\"definition\": \($0.definition.map { string($0.formulaText) } ?? "null")}"
        }.joined(separator: ",\n")
        out += "\n  ],\n"
        if let flooring = allocation.flooring {
            out += "  \"flooring\": {\"floored_areas\": \(flooring.flooredCount), "
            out += "\"remaining_pot_pence\": \(string(flooring.remainingPot.description)), "
            out += "\"scaled_total_pence\": \(string(flooring.scaledTotal.description)), "
            out += "\"capped_areas\": \(flooring.cappedCount), "
            out += "\"factor\": \(string(flooring.factor.description))},\n"
        } else {
            out += "  \"flooring\": null,\n"
        }
        if let damping = allocation.damping {
            out += "  \"damping\": {\"band_down\": \(damping.band.down.map { string($0.description) } ?? "null"), "
            out += "\"band_up\": \(damping.band.up.map { string($0.description) } ?? "null"), "
            out += "\"previous_file\": \(string(damping.previousFile)), \"scaled_group\": \(string(damping.scaledGroup.rawValue)), \"factor\": \(string(damping.factor.description)), "
            out += "\"lifted_areas\": \(damping.raisedCount), \"held_areas\": \(damping.heldCount), \"gainers\": \(damping.gainerCount)},\n"
        } else {
            out += "  \"damping\": null,\n"
        }
        out += "  \"previous_file\": \(allocation.previousFile.map(string) ?? "null"),\n"
        out += "  \"per_head_column\": \(allocation.perHeadColumn.map(string) ?? "null"),\n"
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
            fields.append("\"top_slice\": \(string(area.topSlice.formatted(.plain)))")
            fields.append("\"floor\": \(area.floorAmount.map { string($0.formatted(.plain)) } ?? "null")")
            fields.append("\"cap\": \(area.capAmount.map { string($0.formatted(.plain)) } ?? "null")")
            fields.append("\"floored\": \(area.isFloored)")
            fields.append("\"capped\": \(area.isCapped)")
            fields.append("\"limited_amount_pence\": \(string(area.limitedAmount.description))")
            if let damping = area.damping {
                fields.append("\"damping\": {\"low_pence\": \(string(damping.low.description)), "
                    + "\"high_pence\": \(damping.high.map { string($0.description) } ?? "null"), "
                    + "\"gainer\": \(damping.isGainer), \"scaled\": \(damping.isScaled), \"position\": \(string(damping.position.rawValue))}")
            } else {
                fields.append("\"damping\": null")
            }
            fields.append("\"exact_amount_pence\": \(string(area.exactAmount.description))")
            fields.append("\"whole_units\": \(area.wholeUnits)")
            fields.append("\"remainder\": \(string(area.remainder.description))")
            fields.append("\"leftover_unit\": \(area.receivesLeftoverUnit)")
            fields.append("\"amount\": \(string(area.amount.formatted(.plain)))")
            fields.append("\"previous\": \(area.previous.map { string($0.formatted(.plain)) } ?? "null")")
            fields.append("\"change\": \(area.change.map { string($0.formatted(.plain)) } ?? "null")")
            fields.append("\"change_fraction\": \(area.changeFraction.map { string($0.description) } ?? "null")")
            fields.append("\"per_head_base\": \(area.perHeadBase.map { string($0.description) } ?? "null")")
            fields.append("\"per_head_pence\": \(area.perHead.map { string($0.description) } ?? "null")")
            return "    {" + fields.joined(separator: ", ") + "}"
        }.joined(separator: ",\n")
        out += "\n  ],\n"
        out += "  \"retained\": \(string(allocation.retained.formatted(.plain))),\n"
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
