import GrantLedgerCore

/// A scenario loaded, then everything `allocate` and `export --xlsx` do with it: the allocation,
/// its table, CSV and JSON, the explanation of every area, the sensitivity sweep, a comparison and
/// the workbook's scenario sheet.
public enum AllocationStages {
    /// Loads `draft` through `ledgers` (its area file, last year's file and its pot's ledger come in
    /// by the same door), allocates and renders; returns every diagnostic, each checked by `Promises`.
    @discardableResult
    public static func run(_ draft: ScenarioDraft, ledgers: LedgerCache) -> [Diagnostic] {
        let (scenario, loadProblems) = ScenarioLoader.load(draft, ledgers: ledgers)
        Promises.reported(loadProblems, sources: ledgers.sources, located: true)
        guard let scenario, !loadProblems.contains(where: { $0.severity == .error }) else { return loadProblems }
        let (allocation, problems) = scenario.allocate()
        Promises.reported(problems, sources: ledgers.sources, located: false)
        guard let allocation else { return loadProblems + problems }
        outputs(allocation, scenario)
        return loadProblems + problems
    }

    static func outputs(_ allocation: Allocation, _ scenario: Scenario) {
        // DESIGN.md: an allocation's parts sum to the pot exactly.
        let paid = allocation.areas.reduce(Int128(0)) { $0 + Int128($1.amount.pence) }
        let retained = allocation.topSlices.filter { $0.area == nil }.reduce(Int128(0)) { $0 + Int128($1.amount.pence) }
        expect(paid + retained == Int128(allocation.pot.pence),
               "areas \(paid)p + retained \(retained)p != pot \(allocation.pot.pence)p")
        _ = AllocationTable.text(allocation)
        _ = AllocationCSV.text(allocation)
        _ = AllocationJSON.text(allocation)
        for area in allocation.areas.prefix(12) { _ = AllocationExplanation.text(allocation, area: area) }
        if let step = Rational(1, 20) {
            let sensitivity = Sensitivity.run(scenario.table, scenario.settings, base: allocation, step: step)
            _ = SensitivityTable.text(sensitivity)
            _ = SensitivityTable.csv(sensitivity)
        }
        let comparison = AllocationComparison([allocation, allocation])
        _ = ComparisonTable.text(comparison)
        _ = ComparisonTable.csv(comparison)
        _ = ComparisonTable.json(comparison)
        let name = allocation.scenario?.name ?? "fuzz"
        let settings = CommitteeWorkbookSettings(
            asOf: Day(year: 2021, month: 3, day: 31)!,
            scenarios: [allocation.named(name, description: allocation.scenario?.description),
                        allocation.named(name)],
            provenance: Provenance(toolVersion: "fuzz", commandLine: "grantledger export --xlsx fuzz.xlsx", inputs: []))
        _ = try? CommitteeWorkbook.build(Ledger(), settings)
    }
}
