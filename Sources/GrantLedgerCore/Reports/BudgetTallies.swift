/// The spend and commitments budget monitoring adds up: what is committed on the day, and, for the
/// rows asked for, either the lines' spend (in the period asked for, to date, in the month and the
/// quarter under way, a profile's current period by its length, and with `--by` per period) or the
/// initiatives' (`InitiativeBudgetTally`). Only the rows asked for are tallied.
struct BudgetTallies {
    let scope: ReportScope
    /// The day "to date" means, and the period asked for (from its start to that day) when it has one.
    let day: Day
    let period: Period?
    let committed: CommitmentTally
    /// With `--by`: the periods there is a column for.
    let periods: [FinancialPeriod]?
    /// With `BudgetRows.lines`: the lines' spend.
    let lines: LineSpend?
    /// With `BudgetRows.initiatives`: the initiatives' spend, as their budgets count it.
    let initiatives: InitiativeBudgetTally?

    /// The grant lines' spend, every way budget monitoring cuts it.
    struct LineSpend {
        let inPeriod: SpendTally
        let toDate: SpendTally
        let current: [FinancialPeriod.Length: SpendTally]
        /// With `--by`: per grant, line and period.
        let byPeriod: PeriodTally?
    }

    init(_ ledger: Ledger, _ filter: ReportFilter, _ settings: BudgetSettings) throws(ReportError) {
        scope = try ReportScope(ledger, filter)
        // Spend cut to an area against a whole line's budget would mix two scopes in every figure.
        guard filter.areaID == nil else { throw .budgetByArea }
        day = BudgetReport.toDate(filter, settings)
        if let start = scope.start, day < start { throw .emptyRange(from: start, to: day) }
        var toDateFilter = filter
        (toDateFilter.financialYear, toDateFilter.period, toDateFilter.from, toDateFilter.to) = (nil, nil, nil, day)
        committed = try CommitmentTally(ledger, through: day, grant: scope.grant)
        let toDay = day
        period = scope.start.map { Period(start: $0, end: toDay) }
        let (start, end, year) = (scope.start, scope.end, day.financialYear.period)
        periods = try settings.by.map { length throws(ReportError) in
            let periods = FinancialPeriod.covering(Period(start: start ?? year.start, end: end ?? year.end), by: length)
            // Two columns a period: past this a report is a file no one reads, not a table.
            guard periods.count <= BudgetReport.maximumPeriods else { throw .tooManyPeriods(periods.count, BudgetReport.maximumPeriods) }
            return periods
        }
        let toDateScope = try ReportScope(ledger, toDateFilter)
        switch settings.rows {
        case .lines, .tranches:
            var current: [FinancialPeriod.Length: SpendTally] = [:]
            for length in [FinancialPeriod.Length.month, .quarter] {
                var since = toDateFilter
                since.from = FinancialPeriod(containing: day, length: length).period.start
                current[length] = try SpendTally(ReportScope(ledger, since))
            }
            let byPeriod = try periods.map { periods throws(ReportError) in try PeriodTally(toDateScope, periods: periods) }
            lines = LineSpend(inPeriod: try SpendTally(scope), toDate: try SpendTally(toDateScope), current: current, byPeriod: byPeriod)
            initiatives = nil
        case .initiatives:
            lines = nil
            initiatives = try InitiativeBudgetTally(ledger, inPeriod: scope, toDate: toDateScope, day: day, periods: periods)
        }
    }

    /// Each `--by` period's profile and actual, for a line or an initiative (none without `--by`).
    func periodFigures(_ profile: BudgetProfile?, _ spent: [Money]) -> [BudgetLineFigures.PeriodFigures] {
        (periods ?? []).enumerated().map { number, period in
            .init(period: period, profiled: profile?.due(in: period.period), actual: spent[number])
        }
    }

    /// Whether initiative `index` is in scope, as lines are: one for a grant names a grant the
    /// report lists (`--grant`, `--fy`); one for no grant, with `--grant`, has spend on it to date (as
    /// its budget counts it); and its budget's period, when it has one, overlaps the dates asked for.
    func includes(_ initiative: Initiative, at index: Int, in ledger: Ledger, listing grants: Set<Int>) -> Bool {
        if let span = scope.filter.span, let period = initiative.budgetPeriod(in: ledger),
           period.end < span.start || span.end < period.start { return false }
        if let grantID = initiative.grantID {
            guard let grant = ledger.grantIndex[grantID] else { return false }
            return grants.contains(grant)
        }
        guard scope.filter.grantID != nil else { return true }
        return !(initiatives?.toDate[index].isZero ?? true)
    }
}
