import ArgumentParser
import GrantLedgerCore

extension ReportKind: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

/// `report`'s formats: every report's (`ReportFormat`, by the same names), and iCalendar for
/// `report calendar` alone, which Core's writers of tables do not take.
enum ReportOutput: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json, ics
}

/// `grantledger report KIND [PATH…]`: one report, as a table, CSV or JSON. A report is for reading:
/// findings in the books do not stop it and it exits 0; unreadable books or a bad filter exit 2.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print a report: grants, lines, budget, initiatives, areas, bids, balance, register, calendar or claims.",
        discussion: ReportKind.allCases.map { "\($0.rawValue): \($0.summary)" }.joined(separator: "\n")
            + "\n\nSpend is a posting to an expenses account tagged grant:. Dates filter postings by transaction date, "
            + "both ends included; --fy and --grant also choose the grants listed. When the dates have a start, the "
            + "grants and lines reports show spend before it, so remaining is what is left at the end of the period.\n"
            + "Findings in the books do not stop a report (exit 0); unreadable books or a bad filter exit 2."
    )

    @Argument(help: "Which report.")
    var kind: ReportKind

    @Argument(help: "Ledger files or folders (default: ledgers/).", completion: ShellCompletion.books)
    var paths: [String] = []

    @Option(name: .customLong("fy"), help: ArgumentHelp("A financial year, April to March.", valueName: "2019-20"))
    var financialYear: String?

    @Option(help: ArgumentHelp("A quarter of the financial year (Q1 is April to June).", valueName: "2019-20-Q3"))
    var quarter: String?

    @Option(help: ArgumentHelp("A month.", valueName: "2019-10"))
    var month: String?

    @Option(help: ArgumentHelp("Count postings dated on or after this day.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("Count postings dated on or before this day.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(help: ArgumentHelp("Only this grant (its id).", valueName: "ID"), completion: ShellCompletion.ids(.grant))
    var grant: String?

    @Option(help: ArgumentHelp("Only this area and the areas within it (its id).", valueName: "ID"), completion: ShellCompletion.ids(.area))
    var area: String?

    @Option(help: "table (for people), csv or json (for programs; amounts as exact decimal strings); ics (report calendar only).")
    var format: ReportOutput = .table

    @OptionGroup(title: "Budget monitoring (report budget)")
    var budget: BudgetOptions

    @OptionGroup(title: "Register (report register)")
    var register: RegisterOptions

    @OptionGroup(title: "Input files")
    var inputOptions: InputOptions

    func run() throws {
        Run.start(inputOptions)
        let filter: ReportFilter
        do {
            filter = try ReportFilter.parse(financialYear: financialYear, quarter: quarter, month: month, from: from, to: to,
                                            grant: grant, area: area)
        } catch {
            throw LedgerInput.fail(error.diagnostic)
        }
        try refuseOthersOptions(filter)
        // Budget monitoring's own options are read (and held to) for report budget only; the calendar
        // and the claims take its as-of day.
        var settings = kind == .budget ? try budget.settings(ArgumentLocator()) : nil
        if takesAsOfAlone {
            var problems: [Diagnostic] = []
            settings = BudgetSettings(asOf: DateOptions.asOf(budget.asOf, ArgumentLocator(), problems: &problems))
            try Run.stopOnErrors(problems)
        }
        let query = kind == .register ? try register.query(ArgumentLocator()) : RegisterReport.Query()
        let ledger = try LedgerInput.load(paths)
        do {
            Console.progress?.begin("making the \(kind.rawValue) report")
            if kind == .register, let plain = ReportFormat(rawValue: format.rawValue) {
                // Every posting: written as it is walked, never held whole (see RegisterStream).
                let stream = try RegisterStream(ledger, filter, query)
                let layout = try stream.measure(for: plain)
                Console.stream { send in try stream.write(layout, to: send) }
            } else if let plain = ReportFormat(rawValue: format.rawValue) {
                Console.out(plain.render(try kind.build(ledger, filter, budget: settings, register: query), style: Console.outStyle))
            } else if let day = settings?.asOf {
                // iCalendar (the calendar alone: refused above for any other report) is written from the
                // calendar's events themselves, stamped with the as-of day.
                Console.out(CalendarWriter.render(try CalendarReport.events(ledger, filter), name: CalendarReport.name(filter), stamp: day))
            }
        } catch {
            throw LedgerInput.fail(error.diagnostic)
        }
    }

    /// The reports that take budget monitoring's --as-of and none of its other options.
    private var takesAsOfAlone: Bool { kind == .calendar || kind == .claims }

    /// Each report's own options are refused for another, never ignored (a bad value would pass
    /// unread); so is iCalendar for any report but the calendar.
    private func refuseOthersOptions(_ filter: ReportFilter) throws {
        let locator = ArgumentLocator()
        let budgetOwn = budget.given.filter { !takesAsOfAlone || $0.option != "--as-of" }
        for (owner, given) in [(ReportKind.budget, budgetOwn), (.register, register.given)] where kind != owner {
            guard let (option, value) = given.first else { continue }
            let also = option == "--as-of" ? " (and of report calendar and report claims)" : ""
            throw LedgerInput.fail(Diagnostic(.badValue, "\(option) is an option of report \(owner.rawValue)\(also), not of report \(kind.rawValue)",
                                              hint: "leave it out, or ask for report \(owner.rawValue)",
                                              origin: locator.origin(option: option, value: value)))
        }
        if filter.areaID != nil && takesAsOfAlone {
            throw LedgerInput.fail(Diagnostic(.badValue, "--area does not narrow report \(kind.rawValue): its dates are grants', not areas'",
                                              hint: "use --grant", origin: locator.origin(option: "--area", value: filter.areaID ?? "")))
        }
        if format == .ics && kind != .calendar {
            throw LedgerInput.fail(Diagnostic(.badValue, "--format ics is for report calendar: report \(kind.rawValue) has no dates to put in a calendar",
                                              hint: "choose table, csv or json", origin: locator.origin(option: "--format", value: "ics")))
        }
    }

}
