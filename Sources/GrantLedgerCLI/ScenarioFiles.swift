import GrantLedgerCore

/// `export --xlsx --scenario FILE`: each scenario file read, loaded and allocated exactly as
/// `allocate FILE` does it, then handed to the workbook as an `AllocationScenario`, with every file
/// it read (the scenario, its area data, last year's allocation, any ledger its pot came from) for
/// the Provenance sheet. Problems come back as located diagnostics, all reported before writing.
struct ScenarioFiles {
    struct Loaded {
        let scenario: AllocationScenario
        let inputs: [(path: String, role: String)]
    }

    /// One cache for every scenario of the export, so a ledger named by several pots is read once.
    let ledgers = LedgerCache(sources: Run.sources)

    func load(_ path: String, _ locator: ArgumentLocator, occurrence: Int) -> (Loaded?, [Diagnostic]) {
        let origin = locator.origin(option: "--scenario", value: path, occurrence: occurrence)
        let (draft, problems) = ScenarioFile.read(path: path, origin: origin, sources: Run.sources)
        guard let draft else { return (nil, problems) }
        let (scenario, loading) = ScenarioLoader.load(draft, ledgers: ledgers)
        guard let scenario else { return (nil, problems + loading) }
        let (allocation, allocating) = scenario.allocate()
        let diagnostics = problems + loading + allocating
        guard let allocation else { return (nil, diagnostics) }
        var inputs: [(path: String, role: String)] = [(path, "scenario"), (scenario.table.file, "area data")]
        if let previous = allocation.previousFile { inputs.append((previous, "previous allocation")) }
        let info = scenario.info
        // The short name heads the sheet's tab; the title and description say what it is.
        let description = [info.title, info.description].compactMap { $0 }.joined(separator: ". ")
        return (Loaded(scenario: AllocationScenario(name: info.name, description: description.isEmpty ? nil : description,
                                                    source: path, allocation: allocation),
                       inputs: inputs), diagnostics)
    }

    /// The ledger files the scenarios' pots were read from.
    var ledgerFiles: [String] { ledgers.files }
}
