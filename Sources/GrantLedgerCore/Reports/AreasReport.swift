/// Spend per area, from postings tagged `area:`, each area counting only its own postings (no
/// roll-up into parents, so no spend is counted twice). Spend with no area gets a `(none)` row.
public enum AreasReport {
    public static func build(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> Report {
        let scope = try ReportScope(ledger, filter)
        let tally = try SpendTally(scope)
        let columns: [ReportColumn] = [
            .text("area", "Area", label: true), .text("name", "Name"), .text("type", "Type"),
            .text("within", "Within"), .money("spent", "Spent"), .count("postings", "Postings"),
        ]
        var rows: [ReportRow] = []
        for (index, area) in ledger.areas.enumerated() where scope.includesArea(index) {
            rows.append(ReportRow([
                .text(area.id), .text(area.name), area.kind.map { .text($0.rawValue) } ?? .empty, area.parentID.cell,
                .money(tally.byArea[index]), .count(tally.areaCounts[index]),
            ]))
        }
        if tally.noAreaCount > 0 {
            rows.append(ReportRow([
                .text("(none)"), .text("spend with no area: tag"), .empty, .empty,
                .money(tally.noArea), .count(tally.noAreaCount),
            ]))
        }
        return try Report(title: scope.title("Areas"), columns: columns, rows: rows)
    }
}
