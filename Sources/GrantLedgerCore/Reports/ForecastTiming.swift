/// When a line's forecast still to spend is expected to fall: the one answer the Budget monitoring
/// chart and money at risk both use, so the chart's forecast and the money said to be at risk
/// cannot tell two stories.
enum ForecastTiming {
    /// What a line's forecast holds after the position, period by period (nothing in periods ended):
    /// what its forecast has still to spend (forecast less actual to date) shared, to the penny, in
    /// the proportions of its profile ahead: in the period under way what its rest of profile holds
    /// beyond later periods (so spending early in it is not counted again), in a later period its
    /// profile, and what is committed beyond the rest of the profile first. Whatever the forecast's
    /// method (an officer's entry too), the parts so add up to the line's forecast less its actual.
    /// The periods must not be finer than the profile's (a quarter's amount falls due at its end).
    static func path(_ line: BudgetLineFigures, over periods: [FinancialPeriod], position: Day) throws(ReportError) -> [Money] {
        var path = [Money](repeating: .zero, count: periods.count)
        guard let next = periods.firstIndex(where: { $0.period.end > position }) else { return path }
        var weights = [Rational](repeating: .zero, count: periods.count)
        if let profile = line.profile {
            for place in next..<periods.count {
                let span = periods[place].period
                let due = span.start <= position ? try line.restOfProfile.minus(profile.due(after: span.end), "forecast")
                    : profile.due(in: span)
                weights[place] = Rational(pence: max(due, .zero))
            }
        }
        let rest = line.restOfProfile
        if line.committed > rest { weights[next] = weights[next] + Rational(pence: try line.committed.minus(rest, "committed")) }
        let ahead = try line.forecast.minus(line.actualToDate, "forecast")
        // Nothing profiled ahead (or the forecast is all committed): it falls in the period under way or next.
        path = LargestRemainder.share(ahead, by: weights) ?? path.indices.map { $0 == next ? ahead : .zero }
        return path
    }
}
