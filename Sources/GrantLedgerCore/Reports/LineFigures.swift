/// One budget line's figures, shared by the grants and lines reports and the Budget sheet, so all
/// of them say the same thing. The untagged key is the row for the award no line holds and the
/// spend tagged with no line.
public struct LineFigures: Hashable, Sendable {
    public let grantID: String
    public let key: TagKey
    public let name: String
    public let budget: Money
    /// Spend dated before the period asked for; nil when the dates have no start.
    public let spentBefore: Money?
    public let spent: Money
    /// What is left at the end of the period: budget − spent before − spent.
    public let remaining: Money

    init(grantID: String, key: TagKey, name: String, budget: Money, before: Money?, spent: Money) throws(ReportError) {
        self.grantID = grantID
        self.key = key
        self.name = name
        self.budget = budget
        spentBefore = before
        self.spent = spent
        remaining = try budget.minus(before ?? .zero, "remaining").minus(spent, "remaining")
    }

    /// A grant's lines, then, when anything is left over, one row for the award no line holds and
    /// the spend tagged with no line: so the rows always add up to the grant's own figures.
    static func of(grant index: Int, _ ledger: Ledger, _ tally: SpendTally, before: SpendTally?) throws(ReportError) -> [LineFigures] {
        let grant = ledger.grants[index]
        var rows: [LineFigures] = []
        for (lineIndex, line) in grant.lines.enumerated() {
            rows.append(try LineFigures(grantID: grant.id, key: .id(line.id), name: line.name, budget: line.budget,
                                        before: before.map { $0.byLine[index][lineIndex] }, spent: tally.byLine[index][lineIndex]))
        }
        let allocated = try Money.total(grant.lines.map(\.budget), "allocated")
        let unallocated = try (grant.award ?? .zero).minus(allocated, "unallocated")
        let unlined = tally.unlined[index]
        let unlinedBefore = before?.unlined[index]
        if !unallocated.isZero || !unlined.isZero || !(unlinedBefore ?? .zero).isZero {
            rows.append(try LineFigures(grantID: grant.id, key: .untagged, name: "not on any line", budget: unallocated,
                                        before: unlinedBefore, spent: unlined))
        }
        return rows
    }
}

extension ReportFigures where Row == LineFigures {
    /// The lines report's totals, in its column order, each overflow named by the column's title
    /// (spent before is zero when the dates have no start).
    public func totals() throws(ReportError) -> (budget: Money, spentBefore: Money, spent: Money, remaining: Money) {
        (try Money.total(rows.map(\.budget), "Budget"), try Money.total(rows.compactMap(\.spentBefore), "Spent before"),
         try Money.total(rows.map(\.spent), "Spent"), try Money.total(rows.map(\.remaining), "Remaining"))
    }
}
