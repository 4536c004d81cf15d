import ArgumentParser
import GrantLedgerCore
import GrantLedgerXlsx

/// `export --xlsx FILE`: gathers the settings (as-of date, year, allocations, provenance), has the
/// core build the workbook model, and has GrantLedgerXlsx write it. Every problem with an option or
/// an input is reported, located, in one go (exit 2) before anything is written.
struct WorkbookExport {
    let command: ExportCommand
    let path: String

    func run(_ ledger: Ledger, findings: [Diagnostic]) throws {
        let locator = ArgumentLocator()
        // Text the workbook keeps (its properties) is held to the rule the readers keep.
        var diagnostics = locator.textProblems([("--author", command.author.map { [$0] } ?? []),
                                                ("--company", command.company.map { [$0] } ?? [])])

        let asOf = DateOptions.asOf(command.asOf, locator, problems: &diagnostics)
        let year = DateOptions.financialYear(command.financialYear, locator, problems: &diagnostics)
        if let year, asOf < year.period.start, let text = command.asOf {
            diagnostics.append(located(locator, "--as-of", text, .badPeriod,
                                       "--as-of \(text) is before \(year) begins (\(year.period.start))",
                                       hint: "use a date on or after \(year.period.start), or another --fy"))
        }

        var scenarios: [Allocation] = []
        var inputs: [(path: String, role: String)] = ledger.files.map { ($0, "ledger") }
        let files = ScenarioFiles()
        if command.allocation.isGiven || command.allocationName != nil {
            let (scenario, problems) = oneOff(locator, files)
            diagnostics += problems
            if let scenario {
                scenarios.append(scenario)
                inputs += ScenarioFiles.inputs(scenario)
            }
        }
        var occurrences: [String: Int] = [:]
        for file in command.scenarios {
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
        if diagnostics.contains(where: { $0.severity == .error }) {
            Console.error(Run.report(diagnostics))
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        try CommitteeWorkbookFile.write(
            ledger, to: path, asOf: asOf, financialYear: year, scenarios: scenarios,
            findings: findings.filter { $0.severity == .finding }, inputs: inputs, commandLine: locator.line,
            author: command.author, company: command.company)
    }

    /// The allocation sheet given by options: the same scenario `allocate` makes of them, named by
    /// `--allocation-name`. A missing setting is shown at the first allocation option given, which
    /// is what asked for the sheet.
    private func oneOff(_ locator: ArgumentLocator, _ files: ScenarioFiles) -> (Allocation?, [Diagnostic]) {
        let flags = command.allocation
        let textOptions = flags.textOptions + [("--allocation-name", command.allocationName.map { [$0] } ?? [])]
        let problems = locator.textProblems(textOptions)
        let name = command.allocationName ?? "Allocation"
        var draft = flags.draft(locator, name: Located(name, at: locator.origin(option: "--allocation-name", value: name)),
                                missing: Self.missing)
        draft.headerOrigin = textOptions.first { !$0.values.isEmpty }.flatMap { locator.origin(option: $0.option) }
        let (scenario, loading) = files.workbookScenario(draft, description: "From the command line")
        return (scenario, problems + loading)
    }

    /// What the allocation sheet says when a setting it needs is missing.
    static let missing = AllocationFlags.missing(
        pot: "an allocation sheet needs a pot", areas: "an allocation sheet needs area data",
        weights: "an allocation sheet needs weights")

    private func located(_ locator: ArgumentLocator, _ option: String, _ value: String, _ code: DiagnosticCode,
                         _ message: String, hint: String) -> Diagnostic {
        Diagnostic(code, message, hint: hint, origin: locator.origin(option: option, value: value))
    }

}
