/// Per grant: award, what its lines allocate, spend, what remains and the percent spent. With
/// `--grant` or `--fy`, each grant's lines follow it as detail rows whose budgets, spend and
/// remaining add up to the grant's (see `LineFigures`); the totals add grants only.
///
/// When the dates asked for have a start (`--fy`, `--from`), spend before it is shown in its own
/// column, so that a grant running over several years still shows what is truly left at the end of
/// the period: remaining = award − spent before − spent, and the percent is of both.
public enum GrantsReport {
    public static func build(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> Report {
        let scope = try ReportScope(ledger, filter)
        let tally = try SpendTally(scope)
        let before = try scope.before.map { scope throws(ReportError) in try SpendTally(scope) }
        let withLines = scope.showsLines
        var columns: [ReportColumn] = [.text("grant", "Grant", label: true)]
        if withLines { columns.append(.text("line", "Line")) }
        columns += [.text("name", "Name"), .text("funder", "Funder"), .text("period", "Period")]
        let budgetColumn = columns.count
        columns += [.money("budget", "Award"), .money("allocated", "Allocated")]
        var spentColumns: [Int] = []
        if before != nil {
            spentColumns.append(columns.count)
            columns.append(.money("spent_before", "Spent before"))
        }
        spentColumns.append(columns.count)
        columns += [.money("spent", "Spent"), .money("remaining", "Remaining")]
        columns.append(.percent("spent_percent", "Spent %", parts: spentColumns, whole: budgetColumn))

        var rows: [ReportRow] = []
        for index in scope.grants {
            let grant = ledger.grants[index]
            let award = grant.award ?? .zero
            let spent = tally.byGrant[index]
            let earlier = before?.byGrant[index] ?? .zero
            var cells: [ReportCell] = [.text(grant.id)]
            if withLines { cells.append(.empty) }
            cells += [
                .text(grant.name), grant.funderID.cell, grant.period.map { ReportCell.text($0.description) } ?? .empty,
                .money(award), .money(try Money.total(grant.lines.map(\.budget), "allocated")),
            ]
            if before != nil { cells.append(.money(earlier)) }
            cells += [.money(spent), .money(try award.minus(earlier, "remaining").minus(spent, "remaining")), .empty]
            rows.append(ReportRow(cells))
            guard withLines else { continue }
            for line in try LineFigures.of(grant: index, ledger, tally, before: before) {
                var cells: [ReportCell] = [.text(grant.id), .text(line.id), .text(line.name), .empty, .empty,
                                           .money(line.budget), .empty]
                if before != nil { cells.append(.money(line.before)) }
                cells += [.money(line.spent), .money(line.remaining), .empty]
                rows.append(ReportRow(level: 1, cells))
            }
        }
        return try Report(title: scope.title("Grants"), columns: columns, rows: rows)
    }
}
