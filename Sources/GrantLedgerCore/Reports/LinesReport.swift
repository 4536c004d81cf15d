/// Per grant line: budget, spend tagged with the line, remaining and percent spent. Each grant with
/// award or spend on no line gets a `(none)` row, so the total spend agrees with the grants report.
public enum LinesReport {
    public static func build(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> Report {
        let scope = try ReportScope(ledger, filter)
        let tally = try SpendTally(scope)
        let columns: [ReportColumn] = [
            .text("grant", "Grant", label: true), .text("line", "Line"), .text("name", "Name"),
            .money("budget", "Budget"), .money("spent", "Spent"), .money("remaining", "Remaining"),
            .percent("spent_percent", "Spent %", part: 4, whole: 3),
        ]
        var rows: [ReportRow] = []
        for index in scope.grants {
            let grant = ledger.grants[index]
            for line in try LineFigures.of(grant: index, ledger, tally) {
                rows.append(ReportRow([
                    .text(grant.id), .text(line.id), .text(line.name),
                    .money(line.budget), .money(line.spent), .money(line.remaining), .empty,
                ]))
            }
        }
        return try Report(title: scope.title("Grant lines"), columns: columns, rows: rows)
    }
}
