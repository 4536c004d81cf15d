/// The RAG status of a line in budget monitoring: how far its forecast outturn is from its budget,
/// either way (an underspend is money a grant may lose; an overspend is money there is not).
///
/// **Red** when the line has already spent more than its budget, or the forecast is off the budget
/// by more than `red` of it; **Amber** when by more than `amber`; otherwise **Green**. Exact: the
/// comparison is of whole pence, never of rounded percentages.
public struct ForecastStatusRule: Hashable, Sendable {
    public var amber: Rational
    public var red: Rational

    /// Amber beyond 5% of the budget, Red beyond 10%.
    public init() {
        self.init(amber: Rational(storage: .small(1, 20)), red: Rational(storage: .small(1, 10)))
    }

    public init(amber: Rational, red: Rational) {
        self.amber = amber
        self.red = red
    }

    public func status(budget: Money, actualToDate: Money, forecast: Money) -> SpendStatusRule.Status {
        if actualToDate > budget { return .red }
        let gap = abs(Int128(forecast.pence) - Int128(budget.pence))
        guard !budget.isZero else { return gap == 0 ? .green : .red }
        let share = Rational(gap, Int128(budget.pence)) ?? .zero
        if share > red { return .red }
        if share > amber { return .amber }
        return .green
    }
}
