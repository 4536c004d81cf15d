/// Per grant line: budget, spend tagged with the line, remaining and percent spent. Each grant with
/// award or spend on no line gets a `(none)` row, so the total spend agrees with the grants report.
/// As there, dates with a start add a "Spent before" column and remaining is what is left at the end.
public enum LinesReport {
    public static func build(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> Report {
        let scope = try ReportScope(ledger, filter)
        let tally = try SpendTally(scope)
        let before = try scope.before.map { scope throws(ReportError) in try SpendTally(scope) }
        var columns: [ReportColumn] = [
            .text("grant", "Grant", label: true), .text("line", "Line"), .text("name", "Name"), .money("budget", "Budget"),
        ]
        if before != nil { columns.append(.money("spent_before", "Spent before")) }
        columns += [.money("spent", "Spent"), .money("remaining", "Remaining")]
        let spentColumns = before != nil ? [4, 5] : [4]
        columns.append(.percent("spent_percent", "Spent %", parts: spentColumns, whole: 3))
        var rows: [ReportRow] = []
        for index in scope.grants {
            let grant = ledger.grants[index]
            for line in try LineFigures.of(grant: index, ledger, tally, before: before) {
                var cells: [ReportCell] = [.text(grant.id), .text(line.id), .text(line.name), .money(line.budget)]
                if before != nil { cells.append(.money(line.before)) }
                cells += [.money(line.spent), .money(line.remaining), .empty]
                rows.append(ReportRow(cells))
            }
        }
        return try Report(title: scope.title("Grant lines"), columns: columns, rows: rows)
    }
}
