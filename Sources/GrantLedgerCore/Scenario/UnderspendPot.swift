/// The pot of an underspend reallocation (`allocate --underspend GRANT --fy YEAR`): what one of a
/// grant's windows (a tranche, or its award to its deadline) is forecast to leave unspent by its
/// spend-by date. The forecast is `MoneyAtRisk`'s, never worked out again here, so the money shared
/// out is the sum `report budget --rows tranches` and `audit` say is at risk.
public struct UnderspendPot: Sendable {
    /// The window, forecast to the day asked for.
    public let window: SpendWindow
    /// The books it was read from, as named.
    public let books: String

    /// What is shared out: the window's money at risk.
    public var money: Money { window.atRisk }

    /// `Underspend of ss4-bns's 2023-24 tranche: £478.55 forecast unspent by 30 September 2023 (to 2023-06-30)`:
    /// where the pot came from, for an allocation's heading.
    public var description: String {
        "Underspend of \(window.grantID)'s \(window.label): \(money.formatted(.display)) forecast unspent by "
            + "\(WorkbookText.long(window.spendBy)) (to \(window.position))"
    }

    /// What is asked for, each value where it was written and named as its writer names it (the
    /// core never spells an option).
    public struct Request: Sendable {
        public var grant: Located<String>
        public var financialYear: Located<FinancialYear>?
        /// The day the forecast is made to.
        public var asOf: Day
        public var books: Located<String>
        public var labels: Labels

        /// `--underspend`, `--fy`, `--as-of`, `--ledger` on the command line.
        public struct Labels: Sendable {
            public var grant: String, financialYear: String, asOf: String, books: String

            public init(grant: String, financialYear: String, asOf: String, books: String) {
                (self.grant, self.financialYear, self.asOf, self.books) = (grant, financialYear, asOf, books)
            }
        }

        public init(grant: Located<String>, financialYear: Located<FinancialYear>?, asOf: Day, books: Located<String>, labels: Labels) {
            self.grant = grant
            self.financialYear = financialYear
            self.asOf = asOf
            self.books = books
            self.labels = labels
        }
    }

    /// The pot asked for, from the books read through `ledgers` (so a workbook's provenance and a
    /// scenario's ledger pot share one reading); their input errors come back as the loader gives
    /// them, else every reason there is nothing to share, located where the value was written.
    public static func read(_ request: Request, ledgers: LedgerCache) -> (UnderspendPot?, [Diagnostic]) {
        let (books, problems) = ledgers.load(request.books.value)
        // Books that are not there are a problem with the option that named them: show it there.
        let located = problems.map { problem in
            guard problem.code == .fileNotFound, problem.location == nil else { return problem }
            return Diagnostic(.fileNotFound, "the books \(request.books.value) named by \(request.labels.books) are not there",
                              hint: "\(request.labels.books) names a ledger file or a folder of them; the default is ledgers",
                              origin: request.books.origin ?? request.grant.origin)
        }
        guard located.isEmpty else { return (nil, located) }
        do throws(Refusal) {
            return (try find(books, request), [])
        } catch {
            return (nil, [error.diagnostic])
        }
    }

    /// Why there is no pot: one located problem.
    struct Refusal: Error {
        let diagnostic: Diagnostic

        init(diagnostic: Diagnostic) { self.diagnostic = diagnostic }

        /// A report's problem, worded with the request's labels and shown at the grant asked for.
        init(_ error: ReportError, _ request: Request) {
            let labels = request.labels
            let said = error.diagnostic { setting in
                switch setting {
                case .grant: return labels.grant
                case .financialYear: return labels.financialYear
                default: return "\(setting)"
                }
            }
            diagnostic = Diagnostic(said.code, said.message, hint: said.hint, origin: request.grant.origin)
        }
    }

    /// The window of the grant asked for whose spend-by date falls in the year asked for (the only
    /// one, when no year is given), with something still at risk in it.
    static func find(_ ledger: Ledger, _ request: Request) throws(Refusal) -> UnderspendPot {
        let (id, labels) = (request.grant.value, request.labels)
        // A mistyped id is worded as report's --grant is, with the nearest id the books have.
        guard ledger.grantIndex[id] != nil else {
            throw Refusal(.unknownGrant(id, suggestion: ledger.suggestedGrant(for: id)), request)
        }
        let windows: [SpendWindow]
        do throws(ReportError) {
            windows = try MoneyAtRisk.windows(ledger, ReportFilter(grantID: id), BudgetSettings(asOf: request.asOf))
        } catch {
            throw Refusal(error, request)
        }
        let window = try choose(windows, request)
        if window.ended {
            let left = window.atRisk.isZero ? "all of it was spent" : "the \(window.atRisk.formatted(.display)) not spent of it is lost"
            throw Refusal(diagnostic: Diagnostic(
                .badValue, "\(id)'s \(window.label) had to be spent by \(WorkbookText.long(window.spendBy)), before \(labels.asOf) "
                    + "\(request.asOf): \(left), and there is nothing to share",
                hint: "money not spent by the date cannot be carried over; \(labels.asOf) on or before \(window.spendBy) "
                    + "shares its forecast underspend",
                origin: request.grant.origin))
        }
        guard !window.atRisk.isZero else {
            let more = window.over.isZero ? "" : " (and \(window.over.formatted(.display)) more)"
            throw Refusal(diagnostic: Diagnostic(
                .badPot, "nothing of \(id)'s \(window.label) is at risk: the forecast spends all \(window.mustSpend.formatted(.display)) "
                    + "of it\(more) by \(WorkbookText.long(window.spendBy)) (to \(request.asOf)), so there is nothing to share",
                hint: "report budget --rows tranches --grant \(id) \(labels.asOf) \(request.asOf) shows the forecast; "
                    + "report budget --grant \(id) \(labels.asOf) \(request.asOf) shows it line by line",
                origin: request.grant.origin))
        }
        return UnderspendPot(window: window, books: request.books.value)
    }

    /// The window asked for, or why there is none: the year is needed when there are several, and
    /// must be one a window's spend-by date falls in.
    static func choose(_ windows: [SpendWindow], _ request: Request) throws(Refusal) -> SpendWindow {
        let (id, labels) = (request.grant.value, request.labels)
        let years = windows.map { window in
            "\(labels.financialYear) \(window.spendBy.financialYear) (the \(window.label), to spend by \(WorkbookText.long(window.spendBy)))"
        }
        guard !windows.isEmpty else {
            throw Refusal(diagnostic: Diagnostic(
                .badValue, "\(labels.grant) \(id): grant \(id) has no money that must be spent by a date",
                hint: "an underspend is shared from a tranche (tranche 2022-23 £500,000.00 by 2023-03-31), "
                    + "or from an award with a deadline, over the grant's period",
                origin: request.grant.origin))
        }
        guard let year = request.financialYear else {
            guard windows.count == 1 else {
                throw Refusal(diagnostic: Diagnostic(
                    .missingField, "\(labels.grant) \(id): grant \(id) has \(windows.count) tranches; say which year's underspend to share",
                    hint: "add " + years.joined(separator: " or "),
                    origin: request.grant.origin))
            }
            return windows[0]
        }
        let matching = windows.filter { $0.spendBy.financialYear == year.value }
        guard matching.count == 1 else {
            let what = matching.isEmpty ? "no money of grant \(id) must be spent by a date in \(year.value)"
                : "\(matching.count) windows of grant \(id) must be spent by dates in \(year.value): which is meant cannot be told"
            throw Refusal(diagnostic: Diagnostic(
                .badValue, "\(labels.financialYear) \(year.value): \(what)",
                hint: "give " + years.joined(separator: " or "),
                origin: year.origin ?? request.grant.origin))
        }
        return matching[0]
    }
}
