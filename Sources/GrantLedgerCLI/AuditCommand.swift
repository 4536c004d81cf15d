import ArgumentParser
import GrantLedgerCore

/// `grantledger audit [PATH…] [--statement FILE.csv --rules RULES]`: the year-end question — do the
/// books agree with themselves and with the finance system? Runs every check, the funders'
/// conditions among them, and reconciles with a statement when one is given. The findings go to
/// standard error as located diagnostics, the report to standard output; exit 0 clean, 1 findings,
/// 2 bad input. `--xlsx` writes the committee workbook with an Audit sheet, and takes the same
/// allocation-sheet options as `export --xlsx` (one option group, read by the same code).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the books against the funders' conditions and reconcile them with a finance-system statement.",
        discussion: """
        Internal checks: balances, lines within awards, line budgets, grant periods and deadlines, balance assertions, tranches (year, spend-by date, cap), match funding (postings tagged match:GRANT), capital and revenue caps, bids against the grants they became, duplicate transactions. With --statement and --rules: the statement's rows are paired with the ledger's spend on the grants the rules map to, by reference, then by exact amount with dates within the rules' date-tolerance; every difference is a finding naming its reference and grant line. 
        """
    )

    @Argument(help: "Ledger files or folders (default: ledgers/).", completion: ShellCompletion.books)
    var paths: [String] = []

    @Option(help: ArgumentHelp("A finance-system export to reconcile with.", valueName: "FILE.csv"), completion: ShellCompletion.tables)
    var statement: String?

    @Option(help: ArgumentHelp("The rules file for the statement.", valueName: "RULES"), completion: .file(extensions: ["rules"]))
    var rules: String?

    @Option(name: .customLong("fy"), help: ArgumentHelp("Reconcile only entries dated in this financial year (both sides).", valueName: "2022-23"))
    var financialYear: String?

    @Option(help: ArgumentHelp("Reconcile only entries dated in this quarter (Q1 is April to June), on both sides.", valueName: "2022-23-Q3"))
    var quarter: String?

    @Option(help: ArgumentHelp("Reconcile only entries dated in this month, on both sides.", valueName: "2022-10"))
    var month: String?

    @Option(help: ArgumentHelp("Reconcile only entries dated on or after this day, on both sides.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("Reconcile only entries dated on or before this day, on both sides.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(help: "table (for people), csv or json.")
    var format: ReportFormat = .table

    @Option(help: ArgumentHelp("Also write the committee workbook with an Audit sheet of the findings.", valueName: "FILE.xlsx"),
            completion: ShellCompletion.workbook)
    var xlsx: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day money at risk is forecast to, and the workbook's date (default: today); "
                                                           + "the same date gives the same bytes.", valueName: "DATE"))
    var asOf: String?

    @Option(name: .customLong("at-risk-above"), help: ArgumentHelp(
        "Money at risk (or lost) is a finding when more than this of a tranche, or of an award with a deadline, is forecast "
        + "not to be spent by its date (default: any).", valueName: "AMOUNT"))
    var atRiskAbove: String?

    @OptionGroup(title: "Allocation sheets (with --xlsx, as export takes them)")
    var allocationSheets: AllocationSheetFlags

    @OptionGroup(title: "Input files")
    var inputOptions: InputOptions

    /// The year as before; a quarter, a month or days by the report filter's rules (and words).
    func auditDates(_ locator: ArgumentLocator, problems: inout [Diagnostic]) -> (year: FinancialYear?, dates: AuditDates?) {
        let year = DateOptions.financialYear(financialYear, locator, problems: &problems) { text in
            ("\"\(text)\" is not a financial year", "write it like 2022-23")
        }
        guard quarter != nil || month != nil || from != nil || to != nil else { return (year, year.map(AuditDates.init)) }
        do {
            let filter = try ReportFilter.parse(financialYear: year == nil ? nil : financialYear, quarter: quarter, month: month,
                                                from: from, to: to)
            let dates = AuditDates(filter)
            // As the reports refuse them: dates that hold no day would compare nothing and look clean.
            if let period = dates?.period, period.end < period.start {
                problems.append(ReportError.emptyRange(from: period.start, to: period.end).diagnostic)
            }
            return (year, dates)
        } catch {
            problems.append(error.diagnostic)
            return (year, year.map(AuditDates.init))
        }
    }

    func run() throws {
        Run.start(inputOptions)
        let locator = ArgumentLocator()
        var problems: [Diagnostic] = []
        let (year, dates) = auditDates(locator, problems: &problems)
        let asOfDay = DateOptions.asOf(asOf, locator, problems: &problems)
        var risk = MoneyAtRisk.Threshold(asOf: asOfDay)
        if let atRiskAbove {
            do throws(SettingError) {
                let above = try AllocationSettings.amount(atRiskAbove, option: "--at-risk-above",
                                                          origin: locator.origin(option: "--at-risk-above", value: atRiskAbove)).value
                if above.isNegative {
                    problems.append(Diagnostic(.badAmount, "--at-risk-above \(atRiskAbove): a threshold is not below nothing",
                                               hint: "write £0.00 for any money at risk, or the least worth a finding",
                                               origin: locator.origin(option: "--at-risk-above", value: atRiskAbove)))
                } else {
                    risk.above = above
                }
            } catch {
                problems.append(error.diagnostic)
            }
        }
        if let option = allocationSheets.firstOption, xlsx == nil {
            problems.append(Diagnostic(.missingField, "\(option) puts an allocation sheet in the workbook, so it needs --xlsx FILE",
                                       hint: "add --xlsx audit.xlsx, or leave out the allocation options", origin: locator.origin(option: option)))
        }
        // The allocation sheets are read before the audit, so that every problem with the options is told in one go.
        let sheets = xlsx == nil ? (scenarios: [], inputs: [], diagnostics: []) : allocationSheets.allocations(locator)
        problems += sheets.diagnostics
        if (statement == nil) != (rules == nil) {
            let (option, missing) = statement == nil ? ("--rules", "--statement FILE.csv") : ("--statement", "--rules RULES")
            problems.append(Diagnostic(.missingField, "\(option) needs \(missing) too", hint: "a statement is read with the rules that describe its columns",
                                       origin: locator.origin(option: option)))
        }
        try Run.stopOnErrors(problems)

        let given = statement.flatMap { path in rules.map { rules in
            Auditor.Statement(path: path, rules: rules, origin: locator.origin(option: "--statement", value: path),
                              rulesOrigin: locator.origin(option: "--rules", value: rules))
        } }
        let ledger: Ledger, result: AuditResult
        switch Auditor.run(books: paths.isEmpty ? ["ledgers"] : paths, statement: given, dates: dates, risk: risk,
                            sources: Run.sources) {
        case .stopped(let errors):
            try Run.stopOnErrors(errors)
            return
        case .audited(let read, let audit):
            (ledger, result) = (read, audit)
        }
        if !result.findings.isEmpty {
            Console.error(Run.report(result.diagnostics))
        }
        // A figure too large to total is bad input: no report of made-up figures.
        if result.status != .badInput { Console.out(AuditReport.render(result, format: format)) }
        if let xlsx, result.status != .badInput {
            // The findings, reconciliation differences among them, go to the workbook's Audit sheet.
            var inputs: [(path: String, role: String)] = ledger.files.map { ($0, "ledger") }
            if let given { inputs += [(given.path, "finance-system statement"), (given.rules, "statement rules")] }
            try CommitteeWorkbookFile.write(
                ledger, to: xlsx, asOf: asOfDay, financialYear: year, scenarios: sheets.scenarios,
                findings: result.diagnostics.filter { $0.severity == .finding }, inputs: inputs + sheets.inputs,
                commandLine: locator.line, author: nil, company: nil)
        }
        if result.status != .clean { throw ExitCode(result.status.rawValue) }
    }
}
