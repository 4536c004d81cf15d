/// `--explain AREA`: how one area's amount was reached, step by step, every figure exact (fractions
/// in lowest terms, with decimals marked ≈ where they do not end), so that an officer can check it
/// by hand or in a spreadsheet.
public enum AllocationExplanation {
    public static func text(_ allocation: Allocation, area: AreaAllocation) -> String {
        let unit = allocation.unit.formatted(.display)
        var out = "How \(area.name) receives \(area.amount.formatted(.display))\n"
        out += "Pot \(allocation.pot.formatted(.display)) across \(allocation.areas.count) areas of \(allocation.areaFile);"
        out += " weights \(ExactText.weights(allocation.indicators))\n\n"

        out += "Step 1. Indicator shares: \(area.name)'s value / the column total\n"
        var rows: [[String]] = []
        for (k, indicator) in allocation.indicators.enumerated() {
            rows.append([indicator.name, "\(ExactText.value(area.values[k])) / \(ExactText.value(indicator.total))",
                         "= \(ExactText.fraction(area.shares[k]))"])
        }
        out += indent(rows)

        out += "\nStep 2. Blended share: the sum of weight × share\n"
        rows = []
        for (k, indicator) in allocation.indicators.enumerated() {
            rows.append([indicator.name, "\(ExactText.value(indicator.weight)) × \(area.shares[k])",
                         "= \(ExactText.fraction(area.contributions[k]))"])
        }
        rows.append(["blended share", "", "= \(ExactText.fraction(area.blendedShare))"])
        out += indent(rows)

        out += "\nStep 3. Formula amount: pot × blended share\n"
        out += "  \(allocation.pot.formatted(.display)) × \(area.blendedShare)\n"
        out += "  = \(ExactText.pounds(pence: area.formulaAmount))\n"

        out += "\nStep 4. Floor\n"
        if let flooring = allocation.flooring {
            let floor = flooring.floor.formatted(.display)
            out += "  Every area receives at least \(floor). \(flooring.flooredCount) area"
            out += flooring.flooredCount == 1 ? " was" : "s were"
            out += " below it and lifted to it; the \(allocation.areas.count - flooring.flooredCount) others share the remaining "
            out += "\(ExactText.pounds(pence: flooring.remainingPot)) in proportion to their formula amounts.\n"
            out += "  Their formula amounts total \(ExactText.pounds(pence: flooring.scaledTotal)),\n"
            out += "  so each is multiplied by \(ExactText.pounds(pence: flooring.remainingPot)) / that total "
            out += "= \(ExactText.fraction(flooring.factor))\n"
            out += "  (the lifting and scaling are repeated until no area falls below the floor).\n"
            if area.isFloored {
                out += "  \(area.name) was below the floor: its amount is \(floor).\n"
            } else {
                out += "  \(area.name): \(area.formulaAmount) pence × \(flooring.factor)\n"
                out += "  = \(ExactText.pounds(pence: area.exactAmount))\n"
            }
        } else {
            out += "  No floor was set: the exact amount is the formula amount.\n"
        }

        out += "\nStep 5. Rounding to \(unit) by largest remainder\n"
        let down = Money(pence: area.wholeUnits &* allocation.unit.pence).formatted(.display)
        out += "  Rounded down to whole units of \(unit): \(down) (\(ExactText.grouped(String(area.wholeUnits))) units), "
        out += "leaving \(ExactText.fraction(area.remainder)) of a unit.\n"
        let leftover = allocation.leftoverUnits
        out += "  With every area rounded down, \(leftover) unit\(leftover == 1 ? " was" : "s were") left over; "
        out += "they go one each to the largest remainders, ties to the area first in the file.\n"
        if let rank = area.remainderRank {
            out += "  \(area.name)'s remainder is number \(rank) of \(allocation.areas.filter { $0.remainderRank != nil }.count): "
            out += area.receivesLeftoverUnit ? "it receives one unit.\n" : "it receives none.\n"
        } else {
            out += "  \(area.name) has no remainder: its amount was already whole units.\n"
        }
        out += "  Amount: \(area.amount.formatted(.display))\n"
        return out
    }

    /// Rows with their columns aligned, indented two spaces.
    static func indent(_ rows: [[String]]) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        var out = ""
        for row in rows {
            var line = " "
            for (index, cell) in row.enumerated() {
                line += " " + cell + (index == row.count - 1 ? "" : String(repeating: " ", count: widths[index] - cell.count))
            }
            out += line + "\n"
        }
        return out
    }
}
