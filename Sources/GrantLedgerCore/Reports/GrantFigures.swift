/// One grant's figures: its award, what its lines allocate, spend before and in the period, what
/// remains at the end of it, and (when asked for) its lines, which add up to the grant's figures.
public struct GrantFigures: Hashable, Sendable {
    public let grant: Grant
    /// Zero when the grant has no award.
    public let award: Money
    public let allocated: Money
    /// Spend dated before the period asked for; nil when the dates have no start.
    public let spentBefore: Money?
    public let spent: Money
    /// award − spent before − spent.
    public let remaining: Money
    /// Empty unless the lines were asked for.
    public let lines: [LineFigures]

    init(grant index: Int, _ ledger: Ledger, _ tally: SpendTally, before: SpendTally?, withLines: Bool) throws(ReportError) {
        grant = ledger.grants[index]
        award = grant.award ?? .zero
        allocated = try Money.total(grant.lines.map(\.budget), "allocated")
        spentBefore = before?.byGrant[index]
        spent = tally.byGrant[index]
        remaining = try award.minus(spentBefore ?? .zero, "remaining").minus(spent, "remaining")
        lines = withLines ? try LineFigures.of(grant: index, ledger, tally, before: before) : []
    }

    /// Spend before the period and in it: what has gone by the period's end.
    public func spentToDate() throws(ReportError) -> Money { try (spentBefore ?? .zero).plus(spent, "spent to date") }
}

/// The grants report's totals: award, allocated, spent before, spent and remaining.
public struct GrantTotals: Hashable, Sendable {
    public let award: Money
    public let allocated: Money
    /// Zero when the dates have no start.
    public let spentBefore: Money
    public let spent: Money
    public let remaining: Money

    public func spentToDate() throws(ReportError) -> Money { try spentBefore.plus(spent, "spent to date") }
}

extension ReportFigures where Row == GrantFigures {
    /// Whether the grants report shows each grant's lines under it.
    public var showsLines: Bool { GrantsReport.showsLines(filter) }

    /// The grants' totals (their lines are detail, never totalled again), in the report's column order.
    public func totals() throws(ReportError) -> GrantTotals {
        GrantTotals(award: try Money.total(rows.map(\.award), "Award"),
                    allocated: try Money.total(rows.map(\.allocated), "Allocated"),
                    spentBefore: try Money.total(rows.compactMap(\.spentBefore), "Spent before"),
                    spent: try Money.total(rows.map(\.spent), "Spent"),
                    remaining: try Money.total(rows.map(\.remaining), "Remaining"))
    }

    /// Every grant's lines, in order: the lines report's rows.
    public var lines: ReportFigures<LineFigures> { ReportFigures<LineFigures>(filter: filter, rows: rows.flatMap(\.lines)) }
}
