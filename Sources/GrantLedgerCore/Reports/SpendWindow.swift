/// Money that must be spent by a day or be lost: a tranche (its year's money, which cannot be carried
/// into the next, by its spend-by date) or, for a grant without tranches, its award by its deadline.
/// The forecast is what the lines' forecasts put in the window (`MoneyAtRisk`); what it leaves of the
/// money is at risk, or lost once the day has passed.
public struct SpendWindow: Hashable, Sendable {
    public enum Status: String, Sendable {
        /// Forecast to be spent in full, within the money.
        case onTrack = "on track"
        /// Forecast to leave money unspent by the day.
        case atRisk = "at risk"
        /// Forecast to spend more than the money: the rest needs another source.
        case over
        /// The day has passed: all of it spent.
        case spent
        /// The day has passed with money unspent.
        case lost
    }

    public let grantID: String
    /// The tranche's year; nil for a grant's award.
    public let financialYear: FinancialYear?
    public let start: Day
    public let spendBy: Day
    public let mustSpend: Money
    /// Spend dated in the window, to the position.
    public let actual: Money
    /// Spend the window is forecast to hold by its end: actual, then what the lines' forecasts put in
    /// it; once it has ended, what it holds.
    public let forecast: Money
    /// The day the figures are struck.
    public let position: Day
    /// The tranche or the award as written, for pointing at it.
    public let location: SourceLocation
    public let locationLength: Int

    /// mustSpend − forecast, when the forecast falls short; otherwise nothing.
    public var atRisk: Money { forecast < mustSpend ? Money(pence: mustSpend.pence - forecast.pence) : .zero }
    /// forecast − mustSpend, when the forecast goes past it; otherwise nothing.
    public var over: Money { forecast > mustSpend ? Money(pence: forecast.pence - mustSpend.pence) : .zero }
    /// After the spend-by day nothing more can be spent in it.
    public var ended: Bool { position > spendBy }

    public var status: Status {
        if ended { return atRisk.isZero ? .spent : .lost }
        if !atRisk.isZero { return .atRisk }
        return over.isZero ? .onTrack : .over
    }

    /// `2022-23 tranche`, `award`.
    public var label: String { Self.label(financialYear) }

    static func label(_ year: FinancialYear?) -> String { year.map { "\($0) tranche" } ?? "award" }

    /// `£5,400.00 of the 2022-23 tranche at risk of being lost on 31 March 2023`, `… lost on …`; nil
    /// when nothing is at risk.
    public var sentence: String? {
        guard !atRisk.isZero else { return nil }
        let what = "\(atRisk.formatted(.display)) of the \(label)"
        return ended ? "\(what) was not spent by \(WorkbookText.long(spendBy)) and is lost"
            : "\(what) at risk of being lost on \(WorkbookText.long(spendBy))"
    }
}
