/// Per initiative: spend tagged with it and how many postings. Spend tagged with no initiative gets
/// a `(none)` row, so the total agrees with the grants report. With `--grant` or `--area`, an
/// initiative is listed when it is declared for them or has spend in them.
public enum InitiativesReport {
    public static func build(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> Report {
        try table(figures(ledger, filter))
    }

    /// The initiatives listed, then the untagged row when any spend has no initiative. With
    /// `withBefore` and dates that have a start, each row also holds the spend before them.
    public static func figures(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter(), withBefore: Bool = false)
        throws(ReportError) -> ReportFigures<InitiativeFigures>
    {
        let scope = try ReportScope(ledger, filter)
        let tally = try SpendTally(scope).initiatives
        let before = withBefore ? try scope.before.map { scope throws(ReportError) in try SpendTally(scope).initiatives } : nil
        var rows: [InitiativeFigures] = []
        for (index, initiative) in ledger.initiatives.enumerated() {
            let count = tally.counts[index]
            guard count > 0 || declared(initiative, in: scope) else { continue }
            rows.append(InitiativeFigures(key: .id(initiative.id), name: initiative.name, lead: initiative.lead,
                                          areaID: initiative.areaID, grantID: initiative.grantID,
                                          spentBefore: before?.sums[index], spent: tally.sums[index], postings: count))
        }
        if tally.untaggedCount > 0 {
            rows.append(InitiativeFigures(key: .untagged, name: "spend with no initiative: tag", lead: nil, areaID: nil,
                                          grantID: nil, spentBefore: before?.untagged, spent: tally.untagged,
                                          postings: tally.untaggedCount))
        }
        return ReportFigures(filter: filter, rows: rows)
    }

    public static func table(_ figures: ReportFigures<InitiativeFigures>) throws(ReportError) -> Report {
        try figures.spendTable("Initiatives", key: .text("initiative", "Initiative", label: true),
                               details: [.text("lead", "Lead"), .text("area", "Area")])
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
