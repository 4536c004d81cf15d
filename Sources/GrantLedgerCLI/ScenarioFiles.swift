import GrantLedgerCore

/// The one way the CLI turns scenarios into allocations: scenario files read, and options made into
/// a draft (`AllocationFlags`), then loaded and allocated by the core's `ScenarioLoader.allocate`, as
/// `allocate` and `export --xlsx` both do it. Problems come back as located diagnostics.
struct ScenarioFiles {
    /// One cache for every scenario of the run, so a ledger named by several pots is read once.
    let ledgers = LedgerCache(sources: Run.sources)

    /// The scenario file at `path`, given on the command line at `origin`; its floors and caps are
    /// named in messages as the options are, as they always have been.
    func read(_ path: String, origin: SettingOrigin?) -> (ScenarioDraft?, [Diagnostic]) {
        var (draft, problems) = ScenarioFile.read(path: path, origin: origin, sources: Run.sources)
        draft?.wording.limitNames = AllocationFlags.wording(missing: [:]).limitNames
        return (draft, problems)
    }

    /// A scenario for the workbook: the draft loaded and allocated, named and described as its file
    /// (or, for options, as `name` and `description` say).
    func workbookScenario(_ draft: ScenarioDraft, name: String? = nil, description: String? = nil)
        -> (AllocationScenario?, [Diagnostic]) {
        let (loaded, diagnostics) = ScenarioLoader.allocate([draft], ledgers: ledgers)
        guard let (scenario, allocation) = loaded.first else { return (nil, diagnostics) }
        let info = scenario.info
        // The short name heads the sheet's tab; the title and description say what it is.
        let described = [info.title, info.description].compactMap { $0 }.joined(separator: ". ")
        return (AllocationScenario(name: name ?? info.name, description: described.isEmpty ? description : described,
                                   source: draft.file, allocation: allocation), diagnostics)
    }

    /// The files a workbook scenario was made from, for the Provenance sheet.
    static func inputs(_ scenario: AllocationScenario) -> [(path: String, role: String)] {
        var inputs: [(path: String, role: String)] = scenario.source.map { [($0, "scenario")] } ?? []
        inputs.append((scenario.allocation.areaFile, "area data"))
        if let previous = scenario.allocation.previousFile { inputs.append((previous, "previous allocation")) }
        return inputs
    }

    /// The ledger files the scenarios' pots were read from.
    var ledgerFiles: [String] { ledgers.files }
}
