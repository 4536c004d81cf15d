/// Per grant: award, what its lines allocate, spend, what remains and the percent spent. With
/// `--grant` or `--fy`, each grant's lines follow it as detail rows whose budgets, spend and
/// remaining add up to the grant's (see `LineFigures`); the totals add grants only.
///
/// When the dates asked for have a start (`--fy`, `--from`), spend before it is shown in its own
/// column, so that a grant running over several years still shows what is truly left at the end of
/// the period: remaining = award − spent before − spent, and the percent is of both.
public enum GrantsReport {
    public static func build(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> Report {
        try table(figures(ledger, filter))
    }

    /// The grants in scope, with their lines when `withLines` (by default, when the report shows them).
    public static func figures(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter(), withLines: Bool? = nil)
        throws(ReportError) -> ReportFigures<GrantFigures>
    {
        let scope = try ReportScope(ledger, filter)
        let (tally, before) = try SpendTally.withBefore(scope)
        let lines = withLines ?? showsLines(filter)
        var rows: [GrantFigures] = []
        for index in scope.grants {
            rows.append(try GrantFigures(grant: index, ledger, tally, before: before, withLines: lines))
        }
        return ReportFigures(filter: filter, rows: rows)
    }

    /// Whether the report shows each grant's lines under it: with `--grant` or `--fy`.
    static func showsLines(_ filter: ReportFilter) -> Bool { filter.grantID != nil || filter.span != nil }

    /// The table the writers print: the grants' figures, each grant's lines under it when shown.
    public static func table(_ figures: ReportFigures<GrantFigures>) throws(ReportError) -> Report {
        let withLines = figures.showsLines, before = figures.hasBefore
        var columns: [ReportColumn] = [.text("grant", "Grant", label: true)]
        if withLines { columns.append(.text("line", "Line")) }
        columns += [.text("name", "Name"), .text("funder", "Funder"), .text("period", "Period")]
        let budgetColumn = columns.count
        columns += [.money("budget", "Award"), .money("allocated", "Allocated")]
        var spentColumns: [Int] = []
        if before {
            spentColumns.append(columns.count)
            columns.append(.money("spent_before", "Spent before"))
        }
        spentColumns.append(columns.count)
        columns += [.money("spent", "Spent"), .money("remaining", "Remaining")]
        columns.append(.percent("spent_percent", "Spent %", parts: spentColumns, whole: budgetColumn))

        var rows: [ReportRow] = []
        for figures in figures.rows {
            let grant = figures.grant
            var cells: [ReportCell] = [.text(grant.id)]
            if withLines { cells.append(.empty) }
            cells += [.text(grant.name), grant.funderID.cell, grant.period.map { ReportCell.text($0.description) } ?? .empty,
                      .money(figures.award), .money(figures.allocated)]
            if before { cells.append(.money(figures.spentBefore ?? .zero)) }
            cells += [.money(figures.spent), .money(figures.remaining), .empty]
            rows.append(ReportRow(cells))
            guard withLines else { continue }
            for line in figures.lines {
                var cells: [ReportCell] = [.text(grant.id), .text(line.key.label), .text(line.name), .empty, .empty,
                                           .money(line.budget), .empty]
                if before { cells.append(.money(line.spentBefore ?? .zero)) }
                cells += [.money(line.spent), .money(line.remaining), .empty]
                rows.append(ReportRow(level: 1, cells))
            }
        }
        return try Report(title: figures.title("Grants"), columns: columns, rows: rows)
    }
}
