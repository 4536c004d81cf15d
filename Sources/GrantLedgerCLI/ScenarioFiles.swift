import GrantLedgerCore

/// The one way the CLI turns scenarios into allocations: scenario files read, and options made into
/// a draft (`AllocationFlags`), then loaded and allocated by the core's `ScenarioLoader.allocate`, as
/// `allocate` and `export --xlsx` both do it. Problems come back as located diagnostics.
struct ScenarioFiles {
    /// One cache for every scenario of the run, so a ledger named by several pots is read once.
    let ledgers = LedgerCache(sources: Run.sources)

    /// The scenario file at `path`, given on the command line at `origin`; its problems are worded
    /// in the file's own terms (`floor`, not `--floor`).
    func read(_ path: String, origin: SettingOrigin?) -> (ScenarioDraft?, [Diagnostic]) {
        ScenarioFile.read(path: path, origin: origin, sources: Run.sources)
    }

    /// An allocation for the workbook: the draft loaded and allocated, under its scenario's name,
    /// title and description (`description` when the draft has neither title nor description).
    func workbookScenario(_ draft: ScenarioDraft, description: String? = nil) -> (Allocation?, [Diagnostic]) {
        let (loaded, diagnostics) = ScenarioLoader.allocate([draft], ledgers: ledgers)
        guard let (scenario, allocation) = loaded.first else { return (nil, diagnostics) }
        var info = scenario.info
        if (info.summary ?? "").isEmpty, let description {
            info = ScenarioInfo(name: info.name, description: description, file: info.file, potSource: info.potSource)
        }
        return (allocation.named(info), diagnostics)
    }

    /// The files a workbook allocation was made from, for the Provenance sheet.
    static func inputs(_ allocation: Allocation) -> [(path: String, role: String)] {
        var inputs: [(path: String, role: String)] = allocation.scenario?.file.map { [($0, "scenario")] } ?? []
        inputs.append((allocation.areaFile, "area data"))
        if let previous = allocation.previousFile { inputs.append((previous, "previous allocation")) }
        return inputs
    }

    /// The ledger files the scenarios' pots were read from.
    var ledgerFiles: [String] { ledgers.files }
}
