import ArgumentParser
import GrantLedgerCore

/// `grantledger claim GRANT --quarter 2022-23-Q3 [PATH…]`: the return for one claim of a grant's
/// claims schedule, built from the postings of its period and traced back to them, as a table,
/// CSV (its lines) or JSON (everything), and with `--xlsx` a workbook with one sheet per claim and a
/// certification block. Without a period: the grant's claims and where each stands.
struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim",
        abstract: "Build a grant's claim return to its funder, traced to the postings behind every figure.",
        discussion: """
        A claim covers one period of the grant's claims schedule (claims arrears quarterly: --quarter). Its eligible spend is \
        the grant's spend dated in the period, by line and by capital and revenue, against profile and budget, cumulative \
        to the period's end; with match funding, the year's tranche, the period's variance notes, what was claimed \
        (claim GRANT PERIOD in the books) and received (income tagged claim:PERIOD). Every posting behind it is listed \
        with its file and line, and the input files' SHA-256, so the same books rebuild the same return byte for byte.

        Examples:
          grantledger claim ss4-bns --quarter 2022-23-Q3
          grantledger claim ss4-bns --xlsx claims.xlsx --as-of 2023-11-30
        """
    )

    @Argument(help: "The grant (its id).", completion: ShellCompletion.ids(.grant))
    var grant: String

    @Argument(help: "Ledger files or folders (default: ledgers/).", completion: ShellCompletion.books)
    var paths: [String] = []

    @Option(help: ArgumentHelp("The claim for this quarter (Q1 is April to June).", valueName: "2022-23-Q3"))
    var quarter: String?

    @Option(help: ArgumentHelp("The claim for this month.", valueName: "2022-10"))
    var month: String?

    @Option(name: .customLong("fy"), help: ArgumentHelp("The claim for this financial year (claims annually).", valueName: "2022-23"))
    var financialYear: String?

    @Option(help: "table (for people), csv (the return's lines) or json (everything, postings and inputs among it).")
    var format: ReportFormat = .table

    @Option(help: ArgumentHelp("Also write the return as a workbook: one sheet per claim (every claim that can be made by the as-of day, without a period).",
                               valueName: "FILE.xlsx"), completion: ShellCompletion.workbook)
    var xlsx: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day the claims stand on, and the workbook's date (default: today).", valueName: "DATE"))
    var asOf: String?

    @OptionGroup(title: "Input files")
    var inputOptions: InputOptions

    func run() throws {
        Run.start(inputOptions)
        let locator = ArgumentLocator()
        var problems: [Diagnostic] = []
        let day = DateOptions.asOf(asOf, locator, problems: &problems)
        let period = periodAsked(locator, &problems)
        try Run.stopOnErrors(problems)
        // The return lists every input's SHA-256 (but CSV): worked out while the books are read.
        Run.sources.hashesAsRead = format != .csv || xlsx != nil
        let ledger = try LedgerInput.load(paths)
        guard let index = ledger.grantIndex[grant] else {
            // The report filter's words for an unknown grant, with its suggestion, pointed at the argument.
            let said = ReportError.unknownGrant(grant, suggestion: ledger.suggestedGrant(for: grant)).diagnostic(naming: { _ in "grant" })
            throw LedgerInput.fail(Diagnostic(.unknownGrant, said.message, hint: said.hint, origin: grantOrigin(locator)))
        }
        if let xlsx { try CommitteeWorkbookFile.refuseInput(xlsx, ledger.files.map { (path: $0, role: "ledger") }) }
        let returns: [ClaimReturn]
        if let (option, text, period) = period {
            let claim = try build(ledger, index, period, day: asOf == nil ? nil : day, origin: locator.origin(option: option, value: text))
            returns = [claim]
            let inputs = try CommitteeWorkbookFile.fingerprints(ledger.files.map { ($0, "ledger") })
            do {
                switch format {
                case .table: Console.out(try ClaimReturnWriter.text(claim, inputs: inputs))
                case .csv: Console.out(try ClaimReturnWriter.csv(claim))
                case .json: Console.out(try ClaimReturnWriter.json(claim, inputs: inputs))
                }
            } catch {
                throw LedgerInput.fail(error.diagnostic)
            }
        } else {
            let claims = ClaimFigures.all(ledger, grants: [index])
            if claims.isEmpty { throw fail(.noSchedule(grant: grant), origin: nil) }
            // Every claim that can be made by the day (an advance claim, from its period's start).
            returns = try claims.filter { ($0.schedule.timing == .advance ? $0.due.covers.start : $0.due.opens) <= day }.map { figures in
                try build(ledger, index, figures.due.period, day: day, origin: grantOrigin(locator))
            }
            if let xlsx, returns.isEmpty {
                throw LedgerInput.fail(Diagnostic(.badValue, "grant \(grant) has no claim that can be made by \(day), so there is no return to write",
                                                  hint: "give a later --as-of, or a period: --quarter 2022-23-Q3",
                                                  origin: locator.origin(option: "--xlsx", value: xlsx)))
            }
            do {
                Console.out(format.render(try ClaimsReport.build(ledger, ReportFilter(grantID: grant), asOf: day)))
            } catch {
                throw LedgerInput.fail(error.diagnostic)
            }
        }
        if let xlsx { try write(returns, ledger, to: xlsx, asOf: day, locator) }
    }

    /// The period asked for, by the one option given, with the option and its text for pointing at it.
    private func periodAsked(_ locator: ArgumentLocator, _ problems: inout [Diagnostic]) -> (String, String, FinancialPeriod)? {
        let given = [("--quarter", quarter, FinancialPeriod.Length.quarter), ("--month", month, .month), ("--fy", financialYear, .year)]
            .compactMap { option, text, length in text.map { (option, $0, length) } }
        if given.count > 1 {
            problems.append(Diagnostic(.badValue, "\(given[1].0) and \(given[0].0) both name the claim's period",
                                       hint: "give one: a claim is for one period", origin: locator.origin(option: given[1].0, value: given[1].1)))
            return nil
        }
        guard let (option, text, length) = given.first else { return nil }
        guard let period = FinancialPeriod.parse(text), period.length == length else {
            let example = length == .quarter ? "2022-23-Q3" : (length == .month ? "2022-10" : "2022-23")
            problems.append(Diagnostic(.badPeriod, "\(option) \(text): not a \(length.noun)",
                                       hint: "write it like \(example)", origin: locator.origin(option: option, value: text)))
            return nil
        }
        return (option, text, period)
    }

    /// Where the grant argument is written: the first argument after the command's own name
    /// equal to it (`claim claim` is a grant called claim).
    private func grantOrigin(_ locator: ArgumentLocator) -> SettingOrigin? {
        locator.origin(argument: grant, occurrence: grant == Self.configuration.commandName ? 1 : 0)
    }

    private func build(_ ledger: Ledger, _ index: Int, _ period: FinancialPeriod, day: Day?, origin: SettingOrigin?) throws -> ClaimReturn {
        do {
            return try ClaimReturn.build(ledger, grant: index, period: period, through: day)
        } catch {
            throw fail(error, origin: origin)
        }
    }

    /// A return that cannot be built, told at the grant (no schedule) or at the period asked for.
    private func fail(_ problem: ClaimReturn.Problem, origin: SettingOrigin?) -> ExitCode {
        let at: SettingOrigin?
        if case .noSchedule = problem { at = grantOrigin(ArgumentLocator()) } else { at = origin }
        return LedgerInput.fail(Diagnostic(.badValue, problem.message, hint: problem.hint, origin: at))
    }

    private func write(_ returns: [ClaimReturn], _ ledger: Ledger, to path: String, asOf: Day, _ locator: ArgumentLocator) throws {
        let inputs = ledger.files.map { (path: $0, role: "ledger") }
        let provenance = Provenance(toolVersion: GrantLedger.version, commandLine: locator.line,
                                    inputs: try CommitteeWorkbookFile.fingerprints(inputs))
        let model: WorkbookModel
        do {
            model = try ClaimWorkbook.build(returns, asOf: asOf, provenance: provenance)
        } catch {
            throw LedgerInput.fail(error.diagnostic)
        }
        try CommitteeWorkbookFile.write(model, to: path, asOf: asOf, sayingOnStandardError: format != .table)
    }
}
