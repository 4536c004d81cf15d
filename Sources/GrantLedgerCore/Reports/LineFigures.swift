/// One budget line's figures, shared by the grants and lines reports so both say the same thing.
struct LineFigures {
    /// The id shown for the row that holds what is on no line: ids cannot contain parentheses,
    /// so it cannot be mistaken for a real line.
    static let notOnALine = "(none)"

    let id: String
    let name: String
    let budget: Money
    let spent: Money
    let remaining: Money

    /// A grant's lines, then, when anything is left over, one row for the award no line holds and
    /// the spend tagged with no line: so the rows always add up to the grant's own figures.
    static func of(grant index: Int, _ ledger: Ledger, _ tally: SpendTally) throws(ReportError) -> [LineFigures] {
        let grant = ledger.grants[index]
        var rows: [LineFigures] = []
        for (lineIndex, line) in grant.lines.enumerated() {
            let spent = tally.byLine[index][lineIndex]
            rows.append(LineFigures(id: line.id, name: line.name, budget: line.budget, spent: spent,
                                    remaining: try line.budget.minus(spent, "remaining")))
        }
        let allocated = try Money.total(grant.lines.map(\.budget), "allocated")
        let unallocated = try (grant.award ?? .zero).minus(allocated, "unallocated")
        let unlined = tally.unlined[index]
        if !unallocated.isZero || !unlined.isZero {
            rows.append(LineFigures(id: notOnALine, name: "not on any line",
                                    budget: unallocated, spent: unlined,
                                    remaining: try unallocated.minus(unlined, "remaining")))
        }
        return rows
    }
}
