/// The comparison for people (a table with a key to the scenarios), for spreadsheets (CSV) and for
/// programs (JSON with every scenario's full allocation).
public enum ComparisonTable {
    public static func text(_ comparison: AllocationComparison) -> String {
        let allocations = comparison.allocations
        var out = "Comparison of \(allocations.count) scenarios (differences against A)\n"
        // Every scenario of the run shares one underspend: say once where it came from.
        if let underspend = allocations.first?.underspend { out += "Pot: \(underspend.description)\n" }
        for (s, allocation) in allocations.enumerated() {
            let letter = AllocationComparison.letter(s)
            let pad = String(repeating: " ", count: letter.count)
            out += "  \(letter)  \(comparison.name(s))"
            if let title = allocation.scenario?.title { out += ": \(title)" }
            out += "\n"
            out += "  \(pad)  \(allocation.pot.formatted(.display)) across \(allocation.areas.count) areas (\(allocation.areaFile)); "
            out += "weights \(ExactText.weights(allocation.indicators))\n"
            var options: [String] = []
            // The formula pot is a part of the pot, within `Money.spreadsheetLimit`: this cannot overflow.
            if !allocation.topSlices.isEmpty { options.append("top-slices \(Money(pence: allocation.pot.pence - allocation.formulaPot.pence).formatted(.display))") }
            if let floor = allocation.floor { options.append("floor \(floor.formatted(.display))") }
            if let cap = allocation.cap { options.append("cap \(cap.formatted(.display))") }
            if let damping = allocation.damping { options.append("damping \(damping.band.description)") }
            if allocation.unit.pence != 1 { options.append("rounded to \(allocation.unit.formatted(.display))") }
            if !options.isEmpty { out += "  \(pad)  " + options.joined(separator: ", ") + "\n" }
        }
        out += "\n"
        var header = ["Area"]
        for s in allocations.indices {
            let letter = AllocationComparison.letter(s)
            header.append(letter)
            if s > 0 { header.append("\(letter) − A") }
        }
        var rows: [[String]] = []
        for (a, name) in comparison.areaNames.enumerated() {
            var row = [name]
            for s in allocations.indices {
                row.append(comparison.amounts[a][s]?.formatted(.display) ?? "—")
                if s > 0 { row.append(comparison.difference(area: a, scenario: s).map { SensitivityTable.change($0.pence) } ?? "—") }
            }
            rows.append(row)
        }
        let anyRetained = !comparison.retainedNames.isEmpty
        var totals = [anyRetained ? "Total to areas" : "Total"]
        var retained = ["Retained centrally"]
        var pots = ["Pot"]
        for (s, allocation) in allocations.enumerated() {
            totals.append(allocation.total.formatted(.display))
            retained.append(allocation.retained.formatted(.display))
            pots.append(allocation.pot.formatted(.display))
            if s > 0 {
                // Figures of two pots, each within `Money.spreadsheetLimit`: the checked differences cannot overflow.
                totals.append(SensitivityTable.change(allocation.total.pence - allocations[0].total.pence))
                retained.append(SensitivityTable.change(allocation.retained.pence - allocations[0].retained.pence))
                pots.append(SensitivityTable.change(allocation.pot.pence - allocations[0].pot.pence))
            }
        }
        out += AllocationTable.layout([header] + rows, totals: totals, footer: anyRetained ? [retained, pots] : [])
        return out
    }

    /// `area,<A>,<B>,<B> - <A>,…`: amounts in plain pounds, empty where a scenario has no such area.
    /// When any scenario retains top-slices centrally, a last column `kind` marks each row `area` or
    /// `retained`, and a `retained` row per top-slice name follows the areas (its name in `area`,
    /// `0.00` in a scenario without it), so that each scenario's column adds up to its pot.
    public static func csv(_ comparison: AllocationComparison) -> String {
        let count = comparison.allocations.count
        let kind = !comparison.retainedNames.isEmpty
        var header = ["area"]
        for s in 0..<count {
            header.append(CSVCell.text(comparison.name(s)))
            if s > 0 { header.append(CSVCell.text("\(comparison.name(s)) - \(comparison.name(0))")) }
        }
        if kind { header.append(AllocationCSV.kindColumn) }
        var out = header.joined(separator: ",") + "\n"
        for (a, name) in comparison.areaNames.enumerated() {
            var row = [CSVCell.text(name)]
            for s in 0..<count {
                row.append(comparison.amounts[a][s]?.formatted(.plain) ?? "")
                if s > 0 { row.append(comparison.difference(area: a, scenario: s)?.formatted(.plain) ?? "") }
            }
            if kind { row.append(AllocationCSV.areaKind) }
            out += row.joined(separator: ",") + "\n"
        }
        for (r, name) in comparison.retainedNames.enumerated() {
            var row = [CSVCell.text(name)]
            for s in 0..<count {
                row.append(comparison.retained[r][s].formatted(.plain))
                if s > 0 { row.append(comparison.retainedDifference(name: r, scenario: s).formatted(.plain)) }
            }
            row.append(AllocationCSV.retainedKind)
            out += row.joined(separator: ",") + "\n"
        }
        return out
    }

    /// `{"scenarios": [allocation, …], "comparison": [{"area", "amounts", "differences"}, …],
    /// "retained_centrally": [{"name", "amounts", "differences"}, …]}`: the retained rows are the
    /// CSV's `kind=retained` rows (`"0.00"` in a scenario without the top-slice), so each scenario's
    /// comparison amounts and retained amounts add up to its pot.
    public static func json(_ comparison: AllocationComparison) -> String {
        typealias J = JSONWriter
        // Each allocation is its own JSON document, indented to sit in the array.
        let scenarios = comparison.allocations.map { allocation in
            AllocationJSON.text(allocation).split(separator: "\n").joined(separator: "\n    ")
        }
        let rows = comparison.areaNames.enumerated().map { a, name in
            let amounts = comparison.amounts[a].map { $0.map(J.amount) ?? "null" }
            let differences = comparison.allocations.indices.dropFirst().map { s in
                comparison.difference(area: a, scenario: s).map(J.amount) ?? "null"
            }
            return J.object([("area", J.string(name)), ("amounts", J.inlineArray(amounts)),
                             ("differences", J.inlineArray(differences))])
        }
        let retained = comparison.retainedNames.enumerated().map { r, name in
            let differences = comparison.allocations.indices.dropFirst().map { J.amount(comparison.retainedDifference(name: r, scenario: $0)) }
            return J.object([("name", J.string(name)), ("amounts", J.inlineArray(comparison.retained[r].map(J.amount))),
                             ("differences", J.inlineArray(differences))])
        }
        return J.document([("scenarios", J.array(scenarios)), ("comparison", J.array(rows)), ("retained_centrally", J.array(retained))])
    }
}
