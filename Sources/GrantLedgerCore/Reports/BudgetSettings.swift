/// How the forecast outturn of a line is made.
public enum ForecastMethod: String, CaseIterable, Sendable {
    /// Actual to date, then what is committed or the rest of the profile, whichever is more: the
    /// orders raised are the first of the profile's spending, never counted on top of it, and what
    /// the period under way has spent already is its profile being spent (`BudgetProfile.rest`).
    case profile
    /// Actual to date carried on at the same pace to the end of the grant's period (by days),
    /// or what is committed on top of actual, whichever is more.
    case runRate = "run-rate"
    /// The officer's latest forecast entry for the line made by the day (`ForecastEntry`), never
    /// less than what is spent and committed already; a line with none is forecast by profile.
    case entries
}

extension ForecastMethod {
    /// The method in a report's title.
    public var described: String {
        switch self {
        case .entries: return "by entry or profile"
        case .profile: return "by profile"
        case .runRate: return "by run rate"
        }
    }
}

/// What budget monitoring's rows are: grant lines, initiatives with budgets, or the money that must be
/// spent by a day (each tranche, or a grant's award to its deadline) with what is at risk of it (`MoneyAtRisk`).
public enum BudgetRows: String, CaseIterable, Sendable {
    case lines, initiatives, tranches
}

/// What budget monitoring asks of a report: the day "to date" means when the dates asked for have
/// no end, how forecasts are made and where the RAG thresholds sit.
public struct BudgetSettings: Hashable, Sendable {
    public var asOf: Day
    public var method: ForecastMethod
    public var status: ForecastStatusRule
    /// A column of profile and actual per month, quarter or year of the span asked for.
    public var by: FinancialPeriod.Length?
    /// A row per grant line, or per initiative that carries a budget.
    public var rows: BudgetRows = .lines

    public init(asOf: Day, method: ForecastMethod = .entries, status: ForecastStatusRule = ForecastStatusRule(),
                by: FinancialPeriod.Length? = nil) {
        self.asOf = asOf
        self.method = method
        self.status = status
        self.by = by
    }
}
