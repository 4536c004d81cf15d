import ArgumentParser
import GrantLedgerCore

/// The committee workbook's allocation sheets as options, one group shared by `export --xlsx` and
/// `audit --xlsx` so both take exactly the same: scenario files (`--scenario`, repeatable) and a
/// one-off allocation given by the settings `allocate` takes, with its sheet's name. Help lists
/// them together under one heading; `allocations` is the one place they become allocations.
struct AllocationSheetFlags: ParsableArguments {
    @Option(name: .customLong("scenario"), help: ArgumentHelp("An allocation scenario file, on a sheet of its own; repeat for several.",
                                                              valueName: "FILE"), completion: .file(extensions: ["scenario"]))
    var scenarios: [String] = []

    @OptionGroup
    var settings: AllocationFlags

    @Option(name: .customLong("allocation-name"), help: ArgumentHelp("Allocation sheet: its name (default Allocation).", valueName: "NAME"))
    var name: String?

    /// Whether any allocation sheet was asked for.
    var isGiven: Bool { !scenarios.isEmpty || settings.isGiven || name != nil }

    /// The first of these options on the command line, for a message about them all.
    var firstOption: String? {
        if !scenarios.isEmpty { return "--scenario" }
        return (settings.textOptions + [("--allocation-name", name.map { [$0] } ?? [])]).first { !$0.values.isEmpty }?.option
    }

    /// The allocations for the workbook's sheets, the one-off first, then each scenario file in
    /// order; the files they were made from, for the Provenance sheet; and every problem, located.
    func allocations(_ locator: ArgumentLocator) -> (scenarios: [Allocation], inputs: [(path: String, role: String)], diagnostics: [Diagnostic]) {
        var scenarios: [Allocation] = []
        var inputs: [(path: String, role: String)] = []
        var diagnostics: [Diagnostic] = []
        let files = ScenarioFiles()
        if settings.isGiven || name != nil {
            let (scenario, problems) = oneOff(locator, files)
            diagnostics += problems
            if let scenario {
                scenarios.append(scenario)
                inputs += ScenarioFiles.inputs(scenario)
            }
        }
        var occurrences: [String: Int] = [:]
        for file in self.scenarios {
            let occurrence = occurrences[file, default: 0]
            occurrences[file] = occurrence + 1
            let (draft, problems) = files.read(file, origin: locator.origin(option: "--scenario", value: file, occurrence: occurrence))
            diagnostics += problems
            guard let draft else { continue }
            let (scenario, loading) = files.workbookScenario(draft)
            diagnostics += loading
            if let scenario {
                scenarios.append(scenario)
                inputs += ScenarioFiles.inputs(scenario)
            }
        }
        inputs += files.ledgerFiles.map { ($0, "ledger (a scenario's pot)") }
        return (scenarios, inputs, diagnostics)
    }

    /// The allocation sheet given by options: the same scenario `allocate` makes of them, named by
    /// `--allocation-name`. A missing setting is shown at the first allocation option given, which
    /// is what asked for the sheet.
    private func oneOff(_ locator: ArgumentLocator, _ files: ScenarioFiles) -> (Allocation?, [Diagnostic]) {
        let textOptions = settings.textOptions + [("--allocation-name", name.map { [$0] } ?? [])]
        let problems = locator.textProblems(textOptions)
        let title = name ?? "Allocation"
        // Beside --scenario files the options make a sheet of their own: say so, or "needs a pot" reads
        // as though they were meant to change a file's settings (as they do for allocate).
        var draft = settings.draft(locator, name: Located(title, at: locator.origin(option: "--allocation-name", value: title)),
                                   missing: scenarios.isEmpty ? Self.missing : Self.missingBesideFiles)
        draft.headerOrigin = textOptions.first { !$0.values.isEmpty }.flatMap { locator.origin(option: $0.option) }
        let (scenario, loading) = files.workbookScenario(draft, description: "From the command line")
        return (scenario, problems + loading)
    }

    /// What the allocation sheet says when a setting it needs is missing.
    static let missing = AllocationFlags.missing(
        pot: "an allocation sheet needs a pot", areas: "an allocation sheet needs area data",
        weights: "an allocation sheet needs weights")

    /// The same, when --scenario files are given too: the options make a one-off sheet beside them.
    static let missingBesideFiles = AllocationFlags.missing(
        pot: "allocation options make a one-off sheet beside the --scenario files (they do not change them), and it needs a pot",
        areas: "allocation options make a one-off sheet beside the --scenario files (they do not change them), and it needs area data",
        weights: "allocation options make a one-off sheet beside the --scenario files (they do not change them), and it needs weights")
}
