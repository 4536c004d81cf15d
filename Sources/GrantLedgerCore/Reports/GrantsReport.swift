/// Per grant: award, what its lines allocate, spend, what remains (award − spend) and the percent
/// spent. With `--grant` or `--fy`, each grant's lines follow it as detail rows whose budgets,
/// spend and remaining add up to the grant's (see `LineFigures`); the totals add grants only.
public enum GrantsReport {
    public static func build(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> Report {
        let scope = try ReportScope(ledger, filter)
        let tally = try SpendTally(scope)
        let withLines = scope.showsLines
        var columns: [ReportColumn] = [.text("grant", "Grant", label: true)]
        if withLines { columns.append(.text("line", "Line")) }
        columns += [
            .text("name", "Name"), .text("funder", "Funder"), .text("period", "Period"),
            .money("budget", "Award"), .money("allocated", "Allocated"), .money("spent", "Spent"),
            .money("remaining", "Remaining"),
        ]
        let spentColumn = columns.count - 2
        let budgetColumn = columns.count - 4
        columns.append(.percent("spent_percent", "Spent %", part: spentColumn, whole: budgetColumn))

        var rows: [ReportRow] = []
        for index in scope.grants {
            let grant = ledger.grants[index]
            let award = grant.award ?? .zero
            let spent = tally.byGrant[index]
            var cells: [ReportCell] = [.text(grant.id)]
            if withLines { cells.append(.empty) }
            cells += [
                .text(grant.name), grant.funderID.cell, grant.period.map { ReportCell.text($0.description) } ?? .empty,
                .money(award), .money(try Money.total(grant.lines.map(\.budget), "allocated")), .money(spent),
                .money(try award.minus(spent, "remaining")), .empty,
            ]
            rows.append(ReportRow(cells))
            guard withLines else { continue }
            for line in try LineFigures.of(grant: index, ledger, tally) {
                rows.append(ReportRow(level: 1, [
                    .text(grant.id), .text(line.id), .text(line.name), .empty, .empty,
                    .money(line.budget), .empty, .money(line.spent), .money(line.remaining), .empty,
                ]))
            }
        }
        return try Report(title: scope.title("Grants"), columns: columns, rows: rows)
    }
}
