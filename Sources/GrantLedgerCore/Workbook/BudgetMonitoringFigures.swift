/// Budget monitoring's figures for the committee workbook, worked out once: the lines' and the
/// initiatives', to the position, by the one forecast method and RAG rule. The Budget monitoring
/// sheet shows them and the Summary adds each grant's lines up, so the two cannot disagree.
struct BudgetMonitoringFigures {
    let settings: BudgetSettings
    let lines: ReportFigures<BudgetLineFigures>
    let initiatives: ReportFigures<BudgetLineFigures>

    init(_ ledger: Ledger, _ workbook: CommitteeWorkbookSettings) throws(ReportError) {
        let position = workbook.filter.end ?? workbook.asOf
        settings = BudgetSettings(asOf: position, method: .entries, status: ForecastStatusRule())
        // The same lines as the report, with no period of their own: everything is to date.
        let filter = ReportFilter(financialYear: workbook.financialYear, to: position)
        lines = try BudgetReport.figures(ledger, filter, settings)
        var byInitiative = settings
        byInitiative.rows = .initiatives
        initiatives = try BudgetReport.figures(ledger, filter, byInitiative)
    }

    /// Each grant's forecast outturn: the sum of its lines', by grant id.
    func forecastOutturns() throws(ReportError) -> [String: Money] {
        var outturns: [String: Money] = [:]
        for line in lines.rows { outturns[line.grantID] = try (outturns[line.grantID] ?? .zero).plus(line.forecast, "forecast") }
        return outturns
    }
}
