/// Budget monitoring per grant line: budget; profile and actual in the period asked for (when its
/// dates have a start); profile, actual and their variance to the period's end (or the as-of day);
/// what is committed; the forecast outturn, its variance from the budget, as a percent too; what
/// remains; and the RAG status. Rows are lines, grant by grant, each grant with award, spend or
/// commitments on no line getting a `(none)` row, so totals agree with the grants report.
public enum BudgetReport {
    public static func build(_ ledger: Ledger, _ filter: ReportFilter, _ settings: BudgetSettings) throws(ReportError) -> Report {
        if settings.rows == .tranches { return try trancheTable(MoneyAtRisk.windows(ledger, filter, settings), filter, settings) }
        let lines = try figures(ledger, filter, settings)
        var report = try table(lines, settings)
        // Under the lines, what of their grants' money must be spent by a day and is forecast not to be.
        if settings.rows == .lines {
            report.notes = try MoneyAtRisk.windows(ledger, lines, position: toDate(filter, settings)).compactMap { window in
                window.sentence.map { "\(window.grantID): \($0)" }
            }
        }
        return report
    }

    /// `--rows tranches`: each grant's money that must be spent by a day, what is spent of it, what is
    /// forecast, and what that leaves at risk (or lost, once the day has passed).
    static func trancheTable(_ windows: [SpendWindow], _ filter: ReportFilter, _ settings: BudgetSettings) throws(ReportError) -> Report {
        let columns: [ReportColumn] = [
            .text("grant", "Grant", label: true), .text("money", "Money"), .date("from", "From"), .date("spend_by", "Spend by"),
            .money("must_spend", "To spend"), .money("actual", "Actual to date"), .money("forecast", "Forecast"),
            .money("at_risk", "At risk"), .money("over", "Forecast over"), .text("status", "Status"),
        ]
        let rows = windows.map { window in
            ReportRow([.text(window.grantID), .text(window.label), .date(window.start), .date(window.spendBy), .money(window.mustSpend),
                       .money(window.actual), .money(window.forecast), .money(window.atRisk), .money(window.over),
                       .text(window.status.rawValue)])
        }
        let title = filter.title("Money to spend by a date")
            + ": to \(toDate(filter, settings)), forecast \(settings.method.described)"
        return try Report(title: title, columns: columns, rows: rows)
    }

    /// The most periods `--by` gives columns for (ten years by month).
    public static let maximumPeriods = 120

    /// The day "to date" means: the end of the dates asked for, else the as-of day.
    public static func toDate(_ filter: ReportFilter, _ settings: BudgetSettings) -> Day { filter.end ?? settings.asOf }

    public static func figures(_ ledger: Ledger, _ filter: ReportFilter, _ settings: BudgetSettings) throws(ReportError)
        -> ReportFigures<BudgetLineFigures> {
        let tallies = try BudgetTallies(ledger, filter, settings)
        guard let spend = tallies.lines else { return try initiativeFigures(ledger, filter, settings, tallies) }
        let (scope, day, period) = (tallies.scope, tallies.day, tallies.period)
        var rows: [BudgetLineFigures] = []
        for index in scope.grants {
            let grant = ledger.grants[index]
            func line(_ key: TagKey, _ name: String, _ budget: Money, _ profile: BudgetProfile?,
                      _ spent: Money, _ spentToDate: Money, _ commitments: Money, inCurrent: Money = .zero,
                      entry: ForecastEntry? = nil) throws(ReportError) -> BudgetLineFigures {
                try BudgetLineFigures(.init(grantID: grant.id, key: key, name: name, budget: budget, profile: profile,
                                            inPeriod: spent, toDate: spentToDate, committed: commitments, inCurrentPeriod: inCurrent,
                                            entry: entry),
                                      period: period, toDate: day, grantPeriod: grant.period, settings: settings)
            }
            func perPeriod(_ lineIndex: Int, _ profile: BudgetProfile?) -> [BudgetLineFigures.PeriodFigures] {
                spend.byPeriod.map { tallies.periodFigures(profile, $0.sums[index][lineIndex]) } ?? []
            }
            for (lineIndex, budgetLine) in grant.lines.enumerated() {
                let profile = BudgetProfile.of(line: budgetLine, in: grant)
                // Spend in the profile's period under way, by the profile's length.
                let inCurrent = profile.flatMap { spend.current[$0.length]?.byLine[index][lineIndex] } ?? .zero
                var figures = try line(.id(budgetLine.id), budgetLine.name, budgetLine.budget, profile,
                                       spend.inPeriod.byLine[index][lineIndex], spend.toDate.byLine[index][lineIndex],
                                       tallies.committed.byLine[index][lineIndex],
                                       inCurrent: inCurrent, entry: grant.forecastEntry(forLine: budgetLine.id, on: day))
                figures.periods = perPeriod(lineIndex, profile)
                figures.hasForecastEntries = grant.forecasts.contains { $0.lineID == budgetLine.id }
                figures.notes = grant.varianceNotes.filter { note in
                    note.lineID == budgetLine.id && note.period.period.end <= day && (period.map { $0.contains(note.period.period.end) } ?? true)
                }.sorted { $0.period < $1.period }
                rows.append(figures)
            }
            let allocated = try Money.total(grant.lines.map(\.budget), "allocated")
            let unallocated = try (grant.award ?? .zero).minus(allocated, "unallocated")
            let loose = [unallocated, spend.inPeriod.unlined[index], spend.toDate.unlined[index], tallies.committed.unlined[index]]
            if loose.contains(where: { !$0.isZero }) {
                var figures = try line(.untagged, "not on any line", unallocated, nil, spend.inPeriod.unlined[index],
                                       spend.toDate.unlined[index], tallies.committed.unlined[index])
                figures.periods = perPeriod(grant.lines.count, nil)
                rows.append(figures)
            }
        }
        return ReportFigures(filter: filter, rows: rows)
    }

    /// `--rows initiatives`: a row for each initiative in scope that carries a budget, monitored as a line
    /// is (its own period, or its grant's; its profile, or even by month; the commitments naming it).
    /// Initiatives share their grants' money with the lines, so these rows are a second view of it,
    /// not more of it: they are not added to the lines.
    static func initiativeFigures(_ ledger: Ledger, _ filter: ReportFilter, _ settings: BudgetSettings, _ tallies: BudgetTallies)
        throws(ReportError) -> ReportFigures<BudgetLineFigures> {
        var rows: [BudgetLineFigures] = []
        guard let spend = tallies.initiatives else { return ReportFigures(filter: filter, rows: rows) }
        let listed = Set(tallies.scope.grants)
        for (index, initiative) in ledger.initiatives.enumerated() {
            guard let budget = initiative.budget, tallies.includes(initiative, at: index, in: ledger, listing: listed) else { continue }
            let profile = BudgetProfile.of(initiative: initiative, in: ledger)
            let inCurrent = profile.flatMap { spend.current[$0.length]?[index] } ?? .zero
            var figures = try BudgetLineFigures(
                .init(grantID: initiative.grantID ?? "", key: .id(initiative.id), name: initiative.name, budget: budget, profile: profile,
                      inPeriod: spend.inPeriod[index], toDate: spend.toDate[index],
                      committed: tallies.committed.byInitiative[index], inCurrentPeriod: inCurrent),
                period: tallies.period, toDate: tallies.day, grantPeriod: initiative.budgetPeriod(in: ledger), settings: settings)
            figures.periods = tallies.periodFigures(profile, spend.byPeriod.isEmpty ? [] : spend.byPeriod[index])
            rows.append(figures)
        }
        return ReportFigures(filter: filter, rows: rows)
    }

    public static func table(_ figures: ReportFigures<BudgetLineFigures>, _ settings: BudgetSettings) throws(ReportError) -> Report {
        if settings.by != nil { return try periodTable(figures, settings) }
        let inPeriod = figures.hasBefore
        var columns: [ReportColumn] = [
            .text("grant", "Grant", label: true), rowColumn(settings), .text("name", "Name"), .money("budget", "Budget"),
        ]
        if inPeriod { columns += [.money("profile", "Profile"), .money("actual", "Actual")] }
        columns += [.money("profile_to_date", "Profile to date"), .money("actual_to_date", "Actual to date"),
                    .money("variance_to_date", "Variance to date"), .money("committed", "Committed"), .money("forecast", "Forecast")]
        let varianceColumn = columns.count
        columns += [.money("forecast_variance", "Forecast variance"),
                    .percent("forecast_variance_percent", "Variance %", parts: [varianceColumn], whole: 3),
                    .money("remaining", "Remaining"), .rag("status", "RAG"), .text("note", "Variance note")]
        // The officer's forecast entries, with their notes, where any line is forecast by one.
        let entered = settings.method == .entries && figures.rows.contains(where: \.hasForecastEntries)
        if entered { columns.append(.text("forecast_note", "Forecast note")) }
        let rows = figures.rows.map { line in
            var cells: [ReportCell] = [.text(line.grantID), .text(line.key.label), .text(line.name), .money(line.budget)]
            if inPeriod { cells += [line.profiledInPeriod.map(ReportCell.money) ?? .empty, .money(line.actualInPeriod)] }
            cells += [line.profiledToDate.map(ReportCell.money) ?? .empty, .money(line.actualToDate),
                      line.varianceToDate.map(ReportCell.money) ?? .empty, .money(line.committed), .money(line.forecast),
                      .money(line.forecastVariance), .empty, .money(line.remaining), .text(line.status.rawValue),
                      line.notes.isEmpty ? .empty : .text(line.notes.map { "\($0.period): \($0.text)" }.joined(separator: "; "))]
            if entered { cells.append(line.forecastEntry.map { .text($0.described) } ?? .empty) }
            return ReportRow(cells)
        }
        return try Report(title: title(figures, settings), columns: columns, rows: rows)
    }

    /// The row's own column: the line, or the initiative.
    static func rowColumn(_ settings: BudgetSettings) -> ReportColumn {
        settings.rows == .initiatives ? .text("initiative", "Initiative") : .text("line", "Line")
    }

    static func title(_ figures: ReportFigures<BudgetLineFigures>, _ settings: BudgetSettings) -> String {
        figures.title(settings.rows == .initiatives ? "Budget monitoring of initiatives" : "Budget monitoring") + ": to \(toDate(figures.filter, settings)), forecast \(settings.method.described)"
    }

    /// `--by`: a profile and an actual column for each period, then to date, committed and the forecast.
    static func periodTable(_ figures: ReportFigures<BudgetLineFigures>, _ settings: BudgetSettings) throws(ReportError) -> Report {
        let periods = figures.rows.first?.periods.map(\.period) ?? []
        var columns: [ReportColumn] = [
            .text("grant", "Grant", label: true), rowColumn(settings), .text("name", "Name"), .money("budget", "Budget"),
        ]
        for period in periods {
            columns += [.money("\(period)_profile", "\(period) profile"), .money("\(period)_actual", "\(period) actual")]
        }
        columns += [.money("actual_to_date", "Actual to date"), .money("committed", "Committed"), .money("forecast", "Forecast"),
                    .money("forecast_variance", "Forecast variance"), .rag("status", "RAG")]
        let rows = figures.rows.map { line in
            ReportRow([.text(line.grantID), .text(line.key.label), .text(line.name), .money(line.budget)]
                      + line.periods.flatMap { [$0.profiled.map(ReportCell.money) ?? .empty, .money($0.actual)] }
                      + [.money(line.actualToDate), .money(line.committed), .money(line.forecast), .money(line.forecastVariance),
                         .text(line.status.rawValue)])
        }
        return try Report(title: title(figures, settings) + ", by \(settings.by?.rawValue ?? "")", columns: columns, rows: rows)
    }
}
