/// Per initiative: spend tagged with it and how many postings. Spend tagged with no initiative gets
/// a `(none)` row, so the total agrees with the grants report. With `--grant` or `--area`, an
/// initiative is listed when it is declared for them or has spend in them.
public enum InitiativesReport {
    public static func build(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> Report {
        let scope = try ReportScope(ledger, filter)
        let tally = try SpendTally(scope)
        let columns: [ReportColumn] = [
            .text("initiative", "Initiative", label: true), .text("name", "Name"), .text("lead", "Lead"),
            .text("area", "Area"), .money("spent", "Spent"), .count("postings", "Postings"),
        ]
        var rows: [ReportRow] = []
        for (index, initiative) in ledger.initiatives.enumerated() {
            let count = tally.initiativeCounts[index]
            guard count > 0 || declared(initiative, in: scope) else { continue }
            rows.append(ReportRow([
                .text(initiative.id), .text(initiative.name), initiative.lead.cell, initiative.areaID.cell,
                .money(tally.byInitiative[index]), .count(count),
            ]))
        }
        if tally.noInitiativeCount > 0 {
            rows.append(ReportRow([
                .text("(none)"), .text("spend with no initiative: tag"), .empty, .empty,
                .money(tally.noInitiative), .count(tally.noInitiativeCount),
            ]))
        }
        return try Report(title: scope.title("Initiatives"), columns: columns, rows: rows)
    }

    private static func declared(_ initiative: Initiative, in scope: ReportScope) -> Bool {
        if let grant = scope.filter.grantID, initiative.grantID != grant { return false }
        if scope.areas != nil {
            guard let area = initiative.areaID.flatMap({ scope.ledger.areaIndex[$0] }) else { return false }
            return scope.includesArea(area)
        }
        return true
    }
}
