/// The spend and commitments budget monitoring adds up, for lines and initiatives alike: in the
/// period asked for, to date, in the month and the quarter under way (a profile's current period,
/// by its length), what is committed on the day, and, with `--by`, per period.
struct BudgetTallies {
    let scope: ReportScope
    /// The day "to date" means, and the period asked for (from its start to that day) when it has one.
    let day: Day
    let period: Period?
    let inPeriod: SpendTally
    let toDate: SpendTally
    let current: [FinancialPeriod.Length: SpendTally]
    let committed: CommitmentTally
    let columns: Columns?
    /// With `BudgetRows.initiatives`: the initiatives' spend, as their budgets count it.
    let initiatives: InitiativeBudgetTally?

    /// Per period of `--by`: its spend, for a line or an initiative.
    struct Columns {
        let tally: PeriodTally

        func figures(_ profile: BudgetProfile?, _ spent: [Money]) -> [BudgetLineFigures.PeriodFigures] {
            tally.periods.enumerated().map { number, period in
                .init(period: period, profiled: profile?.due(in: period.period), actual: spent[number])
            }
        }
    }

    init(_ ledger: Ledger, _ filter: ReportFilter, _ settings: BudgetSettings) throws(ReportError) {
        scope = try ReportScope(ledger, filter)
        // Spend cut to an area against a whole line's budget would mix two scopes in every figure.
        guard filter.areaID == nil else { throw .budgetByArea }
        day = BudgetReport.toDate(filter, settings)
        if let start = scope.start, day < start { throw .emptyRange(from: start, to: day) }
        var toDateFilter = filter
        (toDateFilter.financialYear, toDateFilter.period, toDateFilter.from, toDateFilter.to) = (nil, nil, nil, day)
        inPeriod = try SpendTally(scope)
        toDate = try SpendTally(ReportScope(ledger, toDateFilter))
        var current: [FinancialPeriod.Length: SpendTally] = [:]
        for length in [FinancialPeriod.Length.month, .quarter] {
            var since = toDateFilter
            since.from = FinancialPeriod(containing: day, length: length).period.start
            current[length] = try SpendTally(ReportScope(ledger, since))
        }
        self.current = current
        committed = try CommitmentTally(ledger, through: day, grant: scope.grant)
        let toDay = day
        period = scope.start.map { Period(start: $0, end: toDay) }
        let (start, end, year) = (scope.start, scope.end, day.financialYear.period)
        columns = try settings.by.map { length throws(ReportError) in
            let span = Period(start: start ?? year.start, end: end ?? year.end)
            let periods = FinancialPeriod.covering(span, by: length)
            // Two columns a period: past this a report is a file no one reads, not a table.
            guard periods.count <= BudgetReport.maximumPeriods else { throw .tooManyPeriods(periods.count, BudgetReport.maximumPeriods) }
            return Columns(tally: try PeriodTally(ReportScope(ledger, toDateFilter), periods: periods))
        }
        initiatives = settings.rows != .initiatives ? nil
            : try InitiativeBudgetTally(ledger, inPeriod: scope, toDate: ReportScope(ledger, toDateFilter), day: day,
                                        periods: columns?.tally.periods)
    }

    /// Whether initiative `index` is in scope, as lines are: one for a grant names a grant the
    /// report lists (`--grant`, `--fy`); one for no grant, with `--grant`, has spend on it to date (as
    /// its budget counts it); and its budget's period, when it has one, overlaps the dates asked for.
    func includes(_ initiative: Initiative, at index: Int, in ledger: Ledger) -> Bool {
        if let span = scope.filter.span, let period = initiative.budgetPeriod(in: ledger),
           period.end < span.start || span.end < period.start { return false }
        if let grantID = initiative.grantID {
            guard let grant = ledger.grantIndex[grantID] else { return false }
            return scope.grants.contains(grant)
        }
        guard scope.filter.grantID != nil else { return true }
        return !(initiatives?.toDate[index].isZero ?? true)
    }
}
