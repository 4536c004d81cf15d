/// One budget line's figures, shared by the grants and lines reports so both say the same thing.
struct LineFigures {
    /// The id shown for the row that holds what is on no line: ids cannot contain parentheses,
    /// so it cannot be mistaken for a real line.
    static let notOnALine = "(none)"

    let id: String
    let name: String
    let budget: Money
    /// Spend dated before the period asked for (zero when it has no start).
    let before: Money
    let spent: Money
    /// What is left at the end of the period: budget − before − spent.
    let remaining: Money

    /// A grant's lines, then, when anything is left over, one row for the award no line holds and
    /// the spend tagged with no line: so the rows always add up to the grant's own figures.
    static func of(grant index: Int, _ ledger: Ledger, _ tally: SpendTally, before: SpendTally?) throws(ReportError) -> [LineFigures] {
        let grant = ledger.grants[index]
        var rows: [LineFigures] = []
        for (lineIndex, line) in grant.lines.enumerated() {
            let spent = tally.byLine[index][lineIndex]
            let earlier = before?.byLine[index][lineIndex] ?? .zero
            rows.append(LineFigures(id: line.id, name: line.name, budget: line.budget, before: earlier, spent: spent,
                                    remaining: try line.budget.minus(earlier, "remaining").minus(spent, "remaining")))
        }
        let allocated = try Money.total(grant.lines.map(\.budget), "allocated")
        let unallocated = try (grant.award ?? .zero).minus(allocated, "unallocated")
        let unlined = tally.unlined[index]
        let unlinedBefore = before?.unlined[index] ?? .zero
        if !unallocated.isZero || !unlined.isZero || !unlinedBefore.isZero {
            rows.append(LineFigures(id: notOnALine, name: "not on any line",
                                    budget: unallocated, before: unlinedBefore, spent: unlined,
                                    remaining: try unallocated.minus(unlinedBefore, "remaining").minus(unlined, "remaining")))
        }
        return rows
    }
}
