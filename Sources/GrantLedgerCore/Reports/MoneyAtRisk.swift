/// How much of each grant's money must be spent by a day and is forecast not to be: what no carry-over
/// rule, profile and forecast together say will be lost. A window (`SpendWindow`) is a tranche, from
/// the start of its year (or the grant's) to its spend-by date, or the award of a grant with a
/// `deadline` and no tranches, over its period to that day. Its forecast is the spend dated in it to the position, then each line's forecast
/// still to spend placed in time as the Budget monitoring chart places it (`ForecastTiming`, by the
/// line's own profile periods): a period's part counts where that period's amount falls due, so a
/// part due after the spend-by date is not counted in the window (a period that straddles the date
/// counts after it: the safe side for money at risk).
public enum MoneyAtRisk {
    /// The windows of the grants budget monitoring lists in `figures` (to their day, by their method).
    public static func windows(_ ledger: Ledger, _ figures: ReportFigures<BudgetLineFigures>, position: Day) throws(ReportError)
        -> [SpendWindow] {
        var linesOf: [String: [BudgetLineFigures]] = [:]
        var order: [Int] = []
        for row in figures.rows {
            guard let index = ledger.grantIndex[row.grantID] else { continue }
            if linesOf[row.grantID] == nil { order.append(index) }
            linesOf[row.grantID, default: []].append(row)
        }
        var open: [(grant: Int, window: Opening)] = []
        for index in order {
            for opening in openings(ledger.grants[index]) { open.append((index, opening)) }
        }
        let actuals = try spend(ledger, in: open, position: position)
        // Each grant's lines' forecasts still to spend, placed in time once, whatever windows the grant has.
        var placed: [Int: [(part: Money, day: Day)]] = [:]
        var windows: [SpendWindow] = []
        for (place, (index, opening)) in open.enumerated() {
            let grant = ledger.grants[index]
            if placed[index] == nil { placed[index] = try parts(linesOf[grant.id] ?? [], grant, position: position) }
            var ahead = Money.zero
            // Once the day has passed nothing more can fall in it, whatever is still forecast.
            for (part, day) in placed[index] ?? [] where position <= opening.spendBy && day >= opening.start && day <= opening.spendBy {
                ahead = try ahead.plus(part, "forecast in \(opening.label)")
            }
            windows.append(SpendWindow(
                grantID: grant.id, financialYear: opening.year, start: opening.start, spendBy: opening.spendBy, mustSpend: opening.money,
                actual: actuals[place], forecast: try actuals[place].plus(ahead, "forecast in \(opening.label)"), position: position,
                location: opening.location, locationLength: opening.length))
        }
        return windows
    }

    /// What the lines' forecasts have still to spend, each part with the day it falls: when its
    /// period falls due, and not before the position (a period under way whose due date is cut to a
    /// deadline already passed falls after it).
    static func parts(_ lines: [BudgetLineFigures], _ grant: Grant, position: Day) throws(ReportError) -> [(part: Money, day: Day)] {
        var parts: [(part: Money, day: Day)] = []
        for line in lines {
            let (periods, dueDays) = timing(line, grant)
            let path = try ForecastTiming.path(line, over: periods, position: position)
            for (part, due) in zip(path, dueDays) where !part.isZero { parts.append((part, max(due, position))) }
        }
        return parts
    }

    /// Budget monitoring's line figures for `filter` (by the method and to the day of `settings`),
    /// then their windows: what `report budget --rows tranches` and `audit` read.
    public static func windows(_ ledger: Ledger, _ filter: ReportFilter, _ settings: BudgetSettings) throws(ReportError) -> [SpendWindow] {
        var lines = settings
        (lines.rows, lines.by) = (.lines, nil)
        let figures = try BudgetReport.figures(ledger, filter, lines)
        return try windows(ledger, figures, position: BudgetReport.toDate(filter, settings))
    }

    /// A window before its figures: the money, its span, and where it is written.
    struct Opening {
        let year: FinancialYear?
        let start: Day
        let spendBy: Day
        let money: Money
        let location: SourceLocation
        let length: Int
        var label: String { SpendWindow.label(year) }
    }

    /// A grant's tranches, or its award over its period to its deadline; none without a period, or
    /// without tranches and either an award or a deadline.
    static func openings(_ grant: Grant) -> [Opening] {
        guard let period = grant.period else { return [] }
        if !grant.tranches.isEmpty {
            return grant.tranches.map { tranche in
                Opening(year: tranche.financialYear, start: max(tranche.financialYear.period.start, period.start), spendBy: tranche.spendBy,
                        money: tranche.cap, location: tranche.location, length: "tranche".utf8.count)
            }
        }
        // A period alone is when the grant runs, not a date its money is lost by: only a deadline says so.
        guard let award = grant.award, let deadline = grant.deadline else { return [] }
        return [Opening(year: nil, start: period.start, spendBy: deadline, money: award, location: grant.awardLocation ?? grant.location,
                        length: grant.awardLocation == nil ? "grant".utf8.count : grant.awardLength)]
    }

    /// The periods a line's forecast is placed over, with the day each one's part falls due: its
    /// profile's own, else the grant's quarters (all of it then falls in the quarter under way).
    static func timing(_ line: BudgetLineFigures, _ grant: Grant) -> (periods: [FinancialPeriod], due: [Day]) {
        if let profile = line.profile { return (profile.periods, profile.dueDates) }
        guard let period = grant.period else { return ([], []) }
        let last = grant.spendDeadline ?? period.end
        let quarters = FinancialPeriod.covering(period, by: .quarter)
        return (quarters, quarters.map { min($0.period.end, last) })
    }

    /// Each window's spend dated within it, to the position: one pass over the postings.
    static func spend(_ ledger: Ledger, in open: [(grant: Int, window: Opening)], position: Day) throws(ReportError) -> [Money] {
        var totals = [Money](repeating: .zero, count: open.count)
        guard !open.isEmpty else { return totals }
        var byGrant = [[Int]](repeating: [], count: ledger.grants.count)
        for (place, entry) in open.enumerated() { byGrant[entry.grant].append(place) }
        for posting in ledger.postings where posting.grant >= 0 && ledger.isSpend(posting) {
            let places = byGrant[Int(posting.grant)]
            guard !places.isEmpty else { continue }
            let date = ledger.transactions[Int(posting.transaction)].date
            guard date <= position else { continue }
            for place in places where date >= open[place].window.start && date <= open[place].window.spendBy {
                totals[place] = try totals[place].plus(posting.amount, "spend in \(open[place].window.label)")
            }
        }
        return totals
    }
}
