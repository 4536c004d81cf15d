/// The allocation as an aligned table for people: each indicator's share, the blended share and the
/// amount in pounds, with a totals row that equals the pot (less what is retained centrally, which
/// is shown below it). Percentages are rounded to four places for reading only; the amounts are the
/// exact rounded results. Columns for limits, top-slices, last year and per-head figures appear
/// only when those options are in use.
public enum AllocationTable {
    public static func text(_ allocation: Allocation) -> String {
        let columns = AllocationCSV.Columns(allocation)
        let limits = allocation.flooring != nil || allocation.damping != nil
        let showFormula = limits || columns.topSlice
        var header = ["Area"] + allocation.indicators.map { "\($0.name) share" } + ["Blended share"]
        if showFormula { header.append("Formula amount") }
        if columns.topSlice { header.append("Top-slice") }
        if limits { header.append("Limit") }
        header.append("Amount")
        if columns.perHead { header.append("Per head") }
        if columns.previous { header += ["Last year", "Change", "Change %"] }

        var rows: [[String]] = []
        for area in allocation.areas {
            var row = [area.name]
            row += area.shares.map { ExactText.percent($0) }
            row.append(ExactText.percent(area.blendedShare))
            if showFormula { row.append(ExactText.money(area.formulaAmount)) }
            if columns.topSlice { row.append(area.topSlice.isZero ? "" : area.topSlice.formatted(.display)) }
            if limits { row.append(limitWord(area)) }
            row.append(area.amount.formatted(.display))
            if columns.perHead { row.append(area.perHead.map { ExactText.perHead($0) } ?? "n/a") }
            if columns.previous {
                row.append(area.previous?.formatted(.display) ?? "")
                row.append(area.change.map { SensitivityTable.change($0.pence) } ?? "")
                row.append(area.changeFraction.map { ExactText.signedPercent($0) } ?? "n/a")
            }
            rows.append(row)
        }
        let areaTotal = allocation.total
        var totals = [allocation.retainedSlices.isEmpty ? "Total" : "Total to areas"]
        totals += allocation.indicators.indices.map { k in
            ExactText.percent(Rational.sum(allocation.areas.map { $0.shares[k] }))
        }
        totals.append(ExactText.percent(Rational.sum(allocation.areas.map(\.blendedShare))))
        if showFormula { totals.append(allocation.formulaPot.formatted(.display)) }
        if columns.topSlice {
            // Top-slices add up to at most the pot (the settings' checks): the checked sum cannot overflow.
            totals.append(Money(pence: allocation.areas.reduce(0) { $0 + $1.topSlice.pence }).formatted(.display))
        }
        if limits { totals.append("") }
        totals.append(areaTotal.formatted(.display))
        if columns.perHead { totals.append(allocation.totalPerHead.map { ExactText.perHead($0) } ?? "n/a") }
        if columns.previous, let last = allocation.previousTotal, let change = allocation.totalChange {
            totals.append(last.formatted(.display))
            totals.append(SensitivityTable.change(change.pence))
            totals.append(allocation.totalChangeFraction.map { ExactText.signedPercent($0) } ?? "n/a")
        }
        // Below the totals: what is retained centrally, and the pot, so the last line is the whole pot.
        var footer: [[String]] = []
        let retained = allocation.retainedSlices
        if !retained.isEmpty {
            let amountColumn = header.firstIndex(of: "Amount") ?? header.count - 1
            for slice in retained {
                var row = [String](repeating: "", count: header.count)
                row[0] = "Retained: \(slice.name)"
                row[amountColumn] = slice.amount.formatted(.display)
                footer.append(row)
            }
            var pot = [String](repeating: "", count: header.count)
            pot[0] = "Pot"
            pot[amountColumn] = allocation.pot.formatted(.display)
            footer.append(pot)
        }

        var out = heading(allocation)
        out += "\n"
        out += layout([header] + rows, totals: totals, footer: footer)
        return out
    }

    /// The lines above the table: scenario, pot, weights, derived indicators, top-slices, rounding,
    /// limits and damping.
    static func heading(_ allocation: Allocation) -> String {
        var out = ""
        if let scenario = allocation.scenario {
            out += "Scenario \(scenario.name)"
            if let title = scenario.title { out += ": \(title)" }
            out += "\n"
            if let description = scenario.description { out += "\(description)\n" }
        }
        out += "Allocation of \(allocation.pot.formatted(.display)) across \(allocation.areas.count) areas"
        out += " (\(allocation.areaFile))\n"
        // Where the pot came from: the scenario's source, or a one-off run's underspend.
        if let source = allocation.scenario?.potSource ?? allocation.underspend?.description, source != allocation.pot.formatted(.display) {
            out += "Pot: \(source)\n"
        }
        out += "Weights: \(ExactText.weights(allocation.indicators))\n"
        for indicator in allocation.indicators {
            if let definition = indicator.definition { out += "  \(indicator.name) = \(definition.formulaText)\n" }
        }
        if !allocation.topSlices.isEmpty {
            let slices = allocation.topSlices.map { slice in
                "\(slice.name) \(slice.amount.formatted(.display)) " + (slice.area.map { "to \($0)" } ?? "retained")
            }
            out += "Top-slices: \(slices.joined(separator: "; ")); the formula shares \(allocation.formulaPot.formatted(.display))\n"
        }
        out += "Rounded to \(allocation.unit.formatted(.display)) by largest remainder"
        out += " (\(allocation.leftoverUnits) leftover unit\(allocation.leftoverUnits == 1 ? "" : "s") to the largest remainders)\n"
        if let flooring = allocation.flooring {
            out += limitsLine(allocation, flooring)
        }
        if let damping = allocation.damping {
            out += "Damping \(damping.band.description) against last year (\(damping.previousFile)): "
            out += "\(plural(damping.raisedCount, "area")) lifted to the bottom of the band, \(damping.heldCount) held at the top"
            switch damping.scaledGroup {
            case .gainers: out += "; the gainers keep \(ExactText.fraction(damping.factor, places: 6)) of their gains to pay for it\n"
            case .losers: out += "; the losers bear \(ExactText.fraction(damping.factor, places: 6)) of their losses, sharing what it saved\n"
            case .none: out += "\n"
            }
        } else if let file = allocation.previousFile {
            out += "Last year: \(file)\n"
        }
        if let column = allocation.perHeadColumn { out += "Per head: amount / \(column)\n" }
        return out
    }

    static func limitsLine(_ allocation: Allocation, _ flooring: Flooring) -> String {
        var named: [String] = []
        if let floor = allocation.floor { named.append("floor \(floor.formatted(.display))") }
        if let cap = allocation.cap { named.append("cap \(cap.formatted(.display))") }
        let own = allocation.areas.filter { ($0.floorAmount != nil && $0.floorAmount != allocation.floor)
            || ($0.capAmount != nil && $0.capAmount != allocation.cap) }.count
        if own > 0 { named.append("limits of \(plural(own, "area"))'s own") }
        var out = named.joined(separator: ", ").capitalizedFirst + ": "
        var parts: [String] = []
        if allocation.floor != nil || allocation.areas.contains(where: { $0.floorAmount != nil }) {
            parts.append("\(plural(flooring.flooredCount, "area")) lifted to the floor")
        }
        if allocation.cap != nil || allocation.areas.contains(where: { $0.capAmount != nil }) {
            parts.append("\(flooring.cappedCount) held at the cap")
        }
        out += parts.joined(separator: ", ")
        out += ", the others' formula amounts scaled by \(ExactText.fraction(flooring.factor, places: 6))\n"
        return out
    }

    /// `floor`, `cap`, `band min`, `band max`, `gain scaled`, or nothing.
    static func limitWord(_ area: AreaAllocation) -> String {
        if let damping = area.damping {
            switch damping.position {
            case .low: return area.isFloored && damping.low == area.limitedAmount ? "floor" : "band min"
            case .high: return area.isCapped && damping.high == area.limitedAmount ? "cap" : "band max"
            case .free: if damping.isScaled { return damping.isGainer ? "gain scaled" : "loss scaled" }
            }
        }
        if area.isFloored { return "floor" }
        if area.isCapped { return "cap" }
        return ""
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    /// Columns padded to their widest cell: the first left-aligned, the rest right-aligned, with a rule
    /// above the totals; `footer` rows follow the totals.
    static func layout(_ rows: [[String]], totals: [String], footer: [[String]] = []) -> String {
        let all = rows + [totals] + footer
        var widths = [Int](repeating: 0, count: totals.count)
        for row in all { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ row: [String]) -> String {
            var text = ""
            for (index, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                text += index == 0 ? cell + pad : "  " + pad + cell
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        var out = ""
        for row in rows { out += line(row) }
        out += line(widths.map { String(repeating: "-", count: $0) })
        out += line(totals)
        for row in footer { out += line(row) }
        return out
    }
}

extension String {
    /// The first letter in upper case: `floor £20,000.00` → `Floor £20,000.00`.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
