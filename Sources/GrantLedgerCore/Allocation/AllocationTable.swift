/// The allocation as an aligned table for people: each indicator's share, the blended share and the
/// amount in pounds, with a totals row that equals the pot. Percentages are rounded to four places
/// for reading only; the amounts are the exact rounded results.
public enum AllocationTable {
    public static func text(_ allocation: Allocation) -> String {
        let withFloor = allocation.floor != nil
        var header = ["Area"] + allocation.indicators.map { "\($0.name) share" } + ["Blended share"]
        if withFloor { header.append("Before floor") }
        header.append("Amount")

        var rows: [[String]] = []
        for area in allocation.areas {
            var row = [area.name + (area.isFloored ? " *" : "")]
            row += area.shares.map { ExactText.percent($0) }
            row.append(ExactText.percent(area.blendedShare))
            if withFloor { row.append(Money(pence: WideConversion.clampedInt64(area.formulaAmount.rounded(.standard))).formatted(.display)) }
            row.append(area.amount.formatted(.display))
            rows.append(row)
        }
        var totals = ["Total"]
        totals += allocation.indicators.indices.map { k in
            ExactText.percent(Rational.sum(allocation.areas.map { $0.shares[k] }))
        }
        totals.append(ExactText.percent(Rational.sum(allocation.areas.map(\.blendedShare))))
        if withFloor { totals.append(allocation.pot.formatted(.display)) }
        totals.append(allocation.total.formatted(.display))

        var out = "Allocation of \(allocation.pot.formatted(.display)) across \(allocation.areas.count) areas"
        out += " (\(allocation.areaFile))\n"
        out += "Weights: \(ExactText.weights(allocation.indicators))\n"
        out += "Rounded to \(allocation.unit.formatted(.display)) by largest remainder"
        out += " (\(allocation.leftoverUnits) leftover unit\(allocation.leftoverUnits == 1 ? "" : "s") to the largest remainders)\n"
        if let flooring = allocation.flooring {
            out += "Floor \(flooring.floor.formatted(.display)): \(flooring.flooredCount) area"
            out += flooring.flooredCount == 1 ? "" : "s"
            out += " lifted to it (*), the others scaled by \(ExactText.fraction(flooring.factor, places: 6))\n"
        }
        out += "\n"
        out += layout([header] + rows, totals: totals)
        return out
    }

    /// Columns padded to their widest cell: the first left-aligned, the rest right-aligned, with a rule
    /// above the totals.
    static func layout(_ rows: [[String]], totals: [String]) -> String {
        let all = rows + [totals]
        var widths = [Int](repeating: 0, count: totals.count)
        for row in all { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ row: [String]) -> String {
            var text = ""
            for (index, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                text += index == 0 ? cell + pad : "  " + pad + cell
            }
            return text + "\n"
        }
        var out = ""
        for row in rows { out += line(row) }
        out += line(widths.map { String(repeating: "-", count: $0) })
        out += line(totals)
        return out
    }
}
