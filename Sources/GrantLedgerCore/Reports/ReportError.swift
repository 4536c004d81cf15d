/// Why a report could not be made: a filter that names nothing in the books, a date that is not a
/// date, or totals too large to hold. Each converts to a `Diagnostic` so the CLI renders it like any
/// other problem (exit 2). The error says which setting is wrong (`ReportFilter.Setting`) and the
/// value given; how a setting is spelled (`--fy` on the command line) is the caller's word.
public enum ReportError: Error, Hashable, Sendable {
    case unknownGrant(String, suggestion: SuggestedName)
    case unknownArea(String, suggestion: SuggestedName)
    case unknownLine(String, suggestion: SuggestedName)
    case unknownInitiative(String, suggestion: SuggestedName)
    case unknownAccount(String, suggestion: SuggestedName)
    case badDate(ReportFilter.Setting, text: String)
    case badFinancialYear(String)
    /// A quarter or month not written as one (`2019-20-Q3`, `2019-10`).
    case badFinancialPeriod(ReportFilter.Setting, text: String)
    /// A quarter and a month both given.
    case twoPeriods
    /// An area asked of budget monitoring, whose budgets, profiles and commitments are a grant line's.
    case budgetByArea
    /// A column per period asked for over more periods than a report holds.
    case tooManyPeriods(Int, Int)
    case emptyRange(from: Day, to: Day)
    case overflow(String)
    /// A builder made a row that does not fit its columns: a bug, reported rather than trapped.
    case malformedRow(row: Int, cells: Int, columns: Int)
    /// A percent column whose ratio does not name money columns of the same report: also a bug.
    case malformedColumn(String)

    /// The problem as people read it, with each setting spelled by `name` (the CLI's option names).
    public func diagnostic(naming name: (ReportFilter.Setting) -> String) -> Diagnostic {
        switch self {
        case .unknownGrant(let id, let suggestion):
            return Diagnostic(.unknownGrant, "\(name(.grant)) \(shown(id)): no grant has that id",
                              hint: suggestion.hint("grants", listedBy: "report grants", declaredAs: "grant ID  Name"))
        case .unknownArea(let id, let suggestion):
            return Diagnostic(.unknownArea, "\(name(.area)) \(shown(id)): no area has that id",
                              hint: suggestion.hint("areas", listedBy: "report areas", declaredAs: "area ID  Name"))
        case .unknownLine(let id, let suggestion):
            return Diagnostic(.unknownLine, "\(name(.line)) \(shown(id)): no grant asked for has that line",
                              hint: suggestion.hint("lines", listedBy: "report lines", declaredAs: "line ID  AMOUNT  Name, under its grant"))
        case .unknownInitiative(let id, let suggestion):
            return Diagnostic(.unknownInitiative, "\(name(.initiative)) \(shown(id)): no initiative has that id",
                              hint: suggestion.hint("initiatives", listedBy: "report initiatives", declaredAs: "initiative ID  Name"))
        case .unknownAccount(let name_, let suggestion):
            return Diagnostic(.unknownAccount, "\(name(.account)) \(shown(name_)): no account is that or under it",
                              hint: suggestion.hint("accounts", listedBy: "report balance", declaredAs: "account expenses:…"))
        case .badDate(let setting, let text):
            let option = name(setting), impossible = Period.looksLikeDate(text)
            return Diagnostic(impossible ? .impossibleDate : .badDate,
                              impossible ? "\(option) \(text): there is no such date" : "\(option) \(text): not a date",
                              hint: "write dates as YYYY-MM-DD, for example \(option) 2019-04-01")
        case .badFinancialYear(let text):
            return Diagnostic(.badPeriod, "\(name(.financialYear)) \(text): not a financial year",
                              hint: "write the year it starts and the two digits of the next, for example \(name(.financialYear)) 2019-20")
        case .badFinancialPeriod(let setting, let text):
            let quarter = setting == .quarter
            return Diagnostic(.badPeriod, "\(name(setting)) \(text): not a \(quarter ? "quarter" : "month")",
                              hint: quarter ? "write the financial year and the quarter, Q1 being April to June, for example \(name(setting)) 2019-20-Q3"
                                  : "write the year and the month, for example \(name(setting)) 2019-10")
        case .tooManyPeriods(let count, let most):
            return Diagnostic(.badPeriod, "the dates asked for hold \(count) periods, more than the \(most) a report gives columns for",
                              hint: "narrow the dates (\(name(.financialYear)), \(name(.from))/\(name(.to))), or ask for longer periods")
        case .budgetByArea:
            return Diagnostic(.badValue, "\(name(.area)) does not narrow budget monitoring: budgets, profiles and commitments belong to a grant's lines, not to areas",
                              hint: "leave it out, and use the areas report for spend by area")
        case .twoPeriods:
            return Diagnostic(.badPeriod, "\(name(.quarter)) and \(name(.month)) cannot both be given",
                              hint: "give one: a quarter, or a month within it")
        case .emptyRange(let from, let to):
            return Diagnostic(.badPeriod, "the dates asked for are empty: from \(from) to \(to)",
                              hint: "\(name(.from)) must be on or before \(name(.to)), and inside \(name(.financialYear)) when both are given")
        case .overflow(let what):
            return Diagnostic(.amountOverflow, "the \(what) total is too large to hold",
                              hint: "check the amounts it adds for extra digits")
        case .malformedRow(let row, let cells, let columns):
            return Diagnostic(.badValue, "internal error: report row \(row) has \(cells) cells for \(columns) columns",
                              hint: "please report this as a bug in grantledger")
        case .malformedColumn(let key):
            return Diagnostic(.badValue, "internal error: report column \(key) divides columns that are not amounts",
                              hint: "please report this as a bug in grantledger")
        }
    }

    /// The setting whose value is wrong and the value given, when the problem is one value (an id
    /// the books do not have, a date that is not one): what a caller points at where it was written.
    public var settingAtFault: (setting: ReportFilter.Setting, value: String)? {
        switch self {
        case .unknownGrant(let id, _): (.grant, id)
        case .unknownArea(let id, _): (.area, id)
        case .unknownLine(let id, _): (.line, id)
        case .unknownInitiative(let id, _): (.initiative, id)
        case .unknownAccount(let name, _): (.account, name)
        case .badDate(let setting, let text), .badFinancialPeriod(let setting, let text): (setting, text)
        case .badFinancialYear(let text): (.financialYear, text)
        case .twoPeriods, .budgetByArea, .tooManyPeriods, .emptyRange, .overflow, .malformedRow, .malformedColumn: nil
        }
    }

    /// An id as a message shows it: an empty one as '', so that `--grant ''` does not read as a
    /// missing word.
    private func shown(_ id: String) -> String { id.isEmpty ? "''" : id }
}
