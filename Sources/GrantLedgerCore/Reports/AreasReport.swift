/// Spend per area, from postings tagged `area:`, each area counting only its own postings (no
/// roll-up into parents, so no spend is counted twice). Spend with no area gets a `(none)` row.
public enum AreasReport {
    public static func build(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> Report {
        try table(figures(ledger, filter))
    }

    public static func figures(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> ReportFigures<AreaFigures> {
        let scope = try ReportScope(ledger, filter)
        let tally = try SpendTally(scope).areas
        var rows: [AreaFigures] = []
        for (index, area) in ledger.areas.enumerated() where scope.includesArea(index) {
            rows.append(AreaFigures(key: .id(area.id), name: area.name, kind: area.kind?.rawValue, within: area.parentID,
                                    spent: tally.sums[index], postings: tally.counts[index]))
        }
        if tally.untaggedCount > 0 {
            rows.append(AreaFigures(key: .untagged, name: "spend with no area: tag", kind: nil, within: nil,
                                    spent: tally.untagged, postings: tally.untaggedCount))
        }
        return ReportFigures(filter: filter, rows: rows)
    }

    public static func table(_ figures: ReportFigures<AreaFigures>) throws(ReportError) -> Report {
        try figures.spendTable("Areas", key: .text("area", "Area", label: true),
                               details: [.text("type", "Type"), .text("within", "Within")])
    }
}
