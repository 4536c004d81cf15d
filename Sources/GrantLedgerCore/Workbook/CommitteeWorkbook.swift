/// The committee workbook as a format-neutral model, built from the ledger by pure functions:
/// Summary, Budget v actual, Budget monitoring, Bids, Spend, one sheet per allocation scenario, Comparison (with two or
/// more scenarios), Audit (when the books have findings) and Provenance.
///
/// Nothing here writes a file or prints; GrantLedgerXlsx renders the model.
public enum CommitteeWorkbook {
    public static let title = "Community safety grants: committee workbook"

    public static func build(_ ledger: Ledger, _ settings: CommitteeWorkbookSettings) throws(ReportError) -> WorkbookModel {
        var (sheets, names) = try LedgerSheets.build(ledger, settings)
        var scenarioSheets: [String] = []
        var amountCells: [[String: CellRef]] = []
        var amountBounds: [[String: SpreadsheetBound]] = []
        var retainedCells: [[String: [CellRef]]] = []
        var taken = SheetNameKeys()
        for name in sheets.map(\.name) + [SheetNames.reserved, ComparisonSheet.name, AuditSheet.name, ProvenanceSheet.name] {
            taken.insert(name)
        }
        for scenario in settings.scenarios {
            let name = SheetNames.unique(scenario.sheetTitle, keys: &taken)
            let checks = ScenarioChecks(scenario)
            let built = ScenarioSheet.build(scenario, sheetName: name, checks: checks, stepsShownBy: settings.stepsShownBy,
                                            reallocateBy: settings.reallocateBy, &names)
            sheets.append(built.sheet)
            scenarioSheets.append(name)
            amountCells.append(built.amountCells)
            retainedCells.append(built.retainedCells)
            var bounds: [String: SpreadsheetBound] = [:]
            for (area, bound) in zip(scenario.areas, checks.amountBounds) where bounds[area.name] == nil {
                bounds[area.name] = bound
            }
            amountBounds.append(bounds)
        }
        if settings.scenarios.count >= 2 {
            sheets.append(try ComparisonSheet.build(settings.scenarios, sheets: scenarioSheets, amountCells: amountCells,
                                                amountBounds: amountBounds, retainedCells: retainedCells, &names))
        }
        if !settings.findings.isEmpty { sheets.append(AuditSheet.build(settings.findings)) }
        sheets.append(ProvenanceSheet.build(settings, &names))
        return WorkbookModel(properties: properties(ledger, settings), sheets: sheets, names: names)
    }

    static func properties(_ ledger: Ledger, _ settings: CommitteeWorkbookSettings) -> WorkbookProperties {
        let position = settings.filter.end ?? settings.asOf
        let scope = settings.financialYear.map { "\($0) " } ?? ""
        let provenance = settings.provenance
        return WorkbookProperties(
            title: title,
            subject: "Community safety grants \(scope)to \(WorkbookText.long(position)): summary, budget against actual, "
                + "bids, spend\(settings.scenarios.isEmpty ? "" : ", allocations")",
            author: settings.author,
            company: settings.company ?? ledger.grants.lazy.compactMap(\.recipient).first,
            keywords: "grants, community safety, OFFICIAL",
            comments: "Made by grantledger \(provenance.toolVersion) from \(WorkbookText.count(provenance.inputs.count, "input file")); "
                + "see the Provenance sheet.",
            created: settings.asOf,
            custom: provenance.properties(asOf: settings.asOf))
    }
}
