import ArgumentParser
import GrantLedgerCore

/// `allocate --underspend GRANT --fy YEAR [--as-of DAY] [--ledger PATH]`: the pot is what the
/// grant's window in that year is forecast to leave unspent (the core's `UnderspendPot`), replacing
/// every scenario's pot as `--pot` would. Here the options are only read and located; the rest of
/// them mean nothing without `--underspend`, so they are refused alone rather than ignored.
struct UnderspendOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Share out what this grant is forecast to leave unspent by a spend-by date (its tranche "
                               + "for the year given by --fy, or its award to its deadline), in place of a pot.", valueName: "GRANT"),
            completion: ShellCompletion.ids(.grant))
    var underspend: String?

    @Option(name: .customLong("fy"), help: ArgumentHelp("With --underspend: the financial year the window's spend-by date "
                                                        + "falls in (needed when the grant has more than one).", valueName: "2023-24"))
    var financialYear: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("With --underspend: forecast to this day, as report budget does "
                                                           + "(default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: ArgumentHelp("With --underspend: the books, a ledger file or folder (default: ledgers).", valueName: "PATH"),
            completion: ShellCompletion.books)
    var ledger: String?

    static let labels = UnderspendPot.Request.Labels(grant: "--underspend", financialYear: "--fy", asOf: "--as-of", books: "--ledger")

    /// The values given, by option, for the text rule every option is held to.
    var textOptions: [(option: String, values: [String])] {
        [("--underspend", underspend.map { [$0] } ?? []), ("--ledger", ledger.map { [$0] } ?? [])]
    }

    /// The pot every scenario takes instead of its own, or nil when `--underspend` is not given;
    /// each problem (an option without `--underspend`, `--pot` with it, a bad date or year, books
    /// that cannot be read, no window or nothing at risk in it) is added to `problems`, located.
    func potOverride(pot: String?, _ locator: ArgumentLocator, ledgers: LedgerCache, problems: inout [Diagnostic]) -> PotOverride? {
        guard let underspend else {
            for (option, value) in [("--fy", financialYear), ("--as-of", asOf), ("--ledger", ledger)] {
                guard let value else { continue }
                problems.append(Diagnostic(.badValue, "\(option) says which underspend to share, and is given without --underspend",
                                           hint: "add --underspend GRANT, or leave \(option) out",
                                           origin: locator.origin(option: option, value: value)))
            }
            return nil
        }
        let grantOrigin = locator.origin(option: "--underspend", value: underspend)
        var unavailable = false
        if let pot {
            problems.append(Diagnostic(.badValue, "--pot and --underspend both name the pot: the underspend is the pot",
                                       hint: "leave out --pot to share the underspend, or --underspend to share the amount",
                                       origin: locator.origin(option: "--pot", value: pot)))
            unavailable = true
        }
        var dateProblems: [Diagnostic] = []
        let day = DateOptions.asOf(asOf, locator, problems: &dateProblems)
        let year = DateOptions.financialYear(financialYear, locator, problems: &dateProblems)
        problems += dateProblems
        guard dateProblems.isEmpty else { return .unavailable }
        let request = UnderspendPot.Request(
            grant: Located(underspend, at: grantOrigin),
            financialYear: year.map { Located($0, at: locator.origin(option: "--fy", value: financialYear ?? "")) },
            asOf: day, books: Located(ledger ?? "ledgers", at: ledger.map { locator.origin(option: "--ledger", value: $0) } ?? nil),
            labels: Self.labels)
        let (found, more) = UnderspendPot.read(request, ledgers: ledgers)
        problems += more
        guard let found, !unavailable else { return .unavailable }
        return .underspend(Located(found, at: grantOrigin))
    }
}
