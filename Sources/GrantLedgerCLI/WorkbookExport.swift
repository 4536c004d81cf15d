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

        let sheets = command.allocationSheets.allocations(locator)
        diagnostics += sheets.diagnostics
        let inputs = ledger.files.map { (path: $0, role: "ledger") } + sheets.inputs
        if diagnostics.contains(where: { $0.severity == .error }) {
            Console.error(Run.report(diagnostics))
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        try CommitteeWorkbookFile.write(
            ledger, to: path, asOf: asOf, financialYear: year, scenarios: sheets.scenarios,
            findings: findings.filter { $0.severity == .finding }, inputs: inputs, commandLine: locator.line,
            author: command.author, company: command.company)
    }

    private func located(_ locator: ArgumentLocator, _ option: String, _ value: String, _ code: DiagnosticCode,
                         _ message: String, hint: String) -> Diagnostic {
        Diagnostic(code, message, hint: hint, origin: locator.origin(option: option, value: value))
    }
}
