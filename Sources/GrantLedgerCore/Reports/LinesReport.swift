/// Per grant line: budget, spend tagged with the line, remaining and percent spent. Each grant with
/// award or spend on no line gets a `(none)` row, so the total spend agrees with the grants report.
/// As there, dates with a start add a "Spent before" column and remaining is what is left at the end.
public enum LinesReport {
    public static func build(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> Report {
        try table(figures(ledger, filter))
    }

    /// Every line of the grants in scope, grant by grant.
    public static func figures(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> ReportFigures<LineFigures> {
        try GrantsReport.figures(ledger, filter, withLines: true).lines
    }

    public static func table(_ figures: ReportFigures<LineFigures>) throws(ReportError) -> Report {
        let before = figures.hasBefore
        var columns: [ReportColumn] = [
            .text("grant", "Grant", label: true), .text("line", "Line"), .text("name", "Name"), .money("budget", "Budget"),
        ]
        if before { columns.append(.money("spent_before", "Spent before")) }
        columns += [.money("spent", "Spent"), .money("remaining", "Remaining")]
        columns.append(.percent("spent_percent", "Spent %", parts: before ? [4, 5] : [4], whole: 3))
        let rows = figures.rows.map { line in
            ReportRow([.text(line.grantID), .text(line.key.label), .text(line.name), .money(line.budget)]
                      + (before ? [.money(line.spentBefore ?? .zero)] : [])
                      + [.money(line.spent), .money(line.remaining), .empty])
        }
        return try Report(title: figures.title("Grant lines"), columns: columns, rows: rows)
    }
}
