import BigInt

/// One line's budget monitoring: budget, profile and actual in the period asked for and to its
/// end, what is committed, the forecast outturn, variances, what remains and the RAG status. The
/// untagged key is the row for the award no line holds and the spend and commitments on no line,
/// so the rows add up to each grant's figures.
public struct BudgetLineFigures: Hashable, Sendable {
    public let grantID: String
    public let key: TagKey
    public let name: String
    public let budget: Money
    /// Nil when the line has no profile (the untagged row, a grant without a period).
    public let profile: BudgetProfile?
    public let profiledInPeriod: Money?
    public let actualInPeriod: Money
    public let profiledToDate: Money?
    public let actualToDate: Money
    /// Orders raised and not yet invoiced, at the end of the period.
    public let committed: Money
    public let forecast: Money
    /// forecast − budget: above zero a forecast overspend, below it a forecast underspend.
    public let forecastVariance: Money
    /// The officer's forecast entry the forecast is (with `ForecastMethod.entries`), with its note.
    public let forecastEntry: ForecastEntry?
    /// What the profile has still to fall due after the day to date (zero without a profile).
    public let restOfProfile: Money
    /// actual to date − profile to date: above zero ahead of the profile.
    public let varianceToDate: Money?
    /// budget − actual to date.
    public let remaining: Money
    public let status: SpendStatusRule.Status
    /// The variance notes for the line's months and quarters that end in the period asked for
    /// (to date, when it has no start), in order, each led by its period.
    public internal(set) var notes: [VarianceNote] = []
    /// Whether the line has forecast entries at all (made by the day or not): a report forecasting by
    /// entries gives its Forecast note column whenever any line does, so a program reading it sees the
    /// same columns whatever the day.
    public internal(set) var hasForecastEntries = false
    /// With `BudgetSettings.by`: each period's profile and actual (to the day "to date" means).
    public internal(set) var periods: [PeriodFigures] = []

    /// One period's profile (nil without a profile) and actual.
    public struct PeriodFigures: Hashable, Sendable {
        public let period: FinancialPeriod
        public let profiled: Money?
        public let actual: Money
    }

    struct Inputs {
        let grantID: String
        let key: TagKey
        let name: String
        let budget: Money
        let profile: BudgetProfile?
        let inPeriod: Money
        let toDate: Money
        let committed: Money
        /// Spend in the profile period under way on the day, from its start.
        var inCurrentPeriod: Money = .zero
        /// The latest forecast entry made by the day, if any.
        var entry: ForecastEntry?
    }

    init(_ inputs: Inputs, period: Period?, toDate day: Day, grantPeriod: Period?, settings: BudgetSettings) throws(ReportError) {
        grantID = inputs.grantID
        key = inputs.key
        name = inputs.name
        budget = inputs.budget
        profile = inputs.profile
        actualInPeriod = inputs.inPeriod
        actualToDate = inputs.toDate
        committed = inputs.committed
        profiledInPeriod = inputs.profile.map { profile in
            period.map { profile.due(in: $0) } ?? profile.due(through: day)
        }
        profiledToDate = inputs.profile?.due(through: day)
        restOfProfile = inputs.profile?.rest(after: day, spentInCurrent: inputs.inCurrentPeriod) ?? .zero
        forecastEntry = settings.method == .entries ? inputs.entry : nil
        forecast = try Self.forecast(inputs, toDate: day, grantPeriod: grantPeriod, method: settings.method)
        forecastVariance = try forecast.minus(budget, "forecast variance")
        if let profiled = inputs.profile?.due(through: day) {
            varianceToDate = try inputs.toDate.minus(profiled, "variance to date")
        } else {
            varianceToDate = nil
        }
        remaining = try budget.minus(actualToDate, "remaining")
        status = settings.status.status(budget: budget, actualToDate: actualToDate, forecast: forecast)
    }

    /// The forecast outturn by `method` (see `ForecastMethod`). A line without a profile or a period
    /// to run on is forecast at what is spent and committed.
    static func forecast(_ inputs: Inputs, toDate day: Day, grantPeriod: Period?, method: ForecastMethod) throws(ReportError) -> Money {
        let floor = try inputs.toDate.plus(inputs.committed, "forecast")
        switch method {
        case .entries:
            guard let entry = inputs.entry else { return try forecast(inputs, toDate: day, grantPeriod: grantPeriod, method: .profile) }
            // An entry made before later spend or orders cannot forecast less than they already are.
            return max(entry.outturn, floor)
        case .profile:
            guard let profile = inputs.profile else { return floor }
            let rest = profile.rest(after: day, spentInCurrent: inputs.inCurrentPeriod)
            return try inputs.toDate.plus(max(rest, inputs.committed), "forecast")
        case .runRate:
            guard let period = grantPeriod, day >= period.start, day < period.end else { return floor }
            let elapsed = Int128(day.daysSinceEpoch - period.start.daysSinceEpoch) + 1
            let total = Int128(period.end.daysSinceEpoch - period.start.daysSinceEpoch) + 1
            guard let pace = Rational(Int128(inputs.toDate.pence) * total, elapsed),
                  let pence = Int64(exactly: pace.rounded(.halfAwayFromZero)),
                  pence <= Money.spreadsheetLimit.pence else {
                throw .overflow("run-rate forecast of \(inputs.grantID) line \(inputs.key.label)")
            }
            return max(Money(pence: pence), floor)
        }
    }
}
