import BigInt

/// The RAG status on the Summary sheet: is a grant being spent at the pace its period runs?
///
/// The gap is the time elapsed (the share of the grant's period that has passed) less the share of
/// the award spent, rounded to 6 decimal places half away from zero (as the sheet's `ROUND` does,
/// so the program and a recalculation agree). **Red** when the grant is overspent or the gap is
/// more than `redGap`; **Amber** when it is more than `amberGap`; otherwise **Green**. Spending
/// ahead of time is Green: the lines and budget checks deal with overspend of a line.
public struct SpendStatusRule: Hashable, Sendable {
    public enum Status: String, Sendable { case red = "Red", amber = "Amber", green = "Green" }

    /// Behind by more than this (a share: 1/10 is 10 points) is Amber.
    public var amberGap: Rational
    /// Behind by more than this, or overspent, is Red.
    public var redGap: Rational

    /// The default thresholds: Amber beyond 10 points behind, Red beyond 25.
    public init() {
        self.init(amberGap: Rational(storage: .small(1, 10)), redGap: Rational(storage: .small(1, 4)))
    }

    public init(amberGap: Rational, redGap: Rational) {
        self.amberGap = amberGap
        self.redGap = redGap
    }

    /// The share of `period` that has passed by the end of `day`: 0 before it starts, 1 after it ends.
    public static func timeElapsed(_ period: Period, at day: Day) -> Rational {
        let total = Int128(period.end.daysSinceEpoch) - Int128(period.start.daysSinceEpoch) + 1
        let passed = min(max(Int128(day.daysSinceEpoch) - Int128(period.start.daysSinceEpoch) + 1, 0), total)
        return Rational(passed, total) ?? .zero
    }

    /// The status of a grant with `award`, `spent` to date and `elapsed` time.
    public func status(award: Money, spent: Money, elapsed: Rational) -> Status {
        if spent > award { return .red }
        guard let gap = Self.gap(award: award, spent: spent, elapsed: elapsed) else { return .green }
        if gap > redGap { return .red }
        if gap > amberGap { return .amber }
        return .green
    }

    /// Elapsed − spent/award, rounded to 6 places; nil without an award.
    static func gap(award: Money, spent: Money, elapsed: Rational) -> Rational? {
        guard !award.isZero, let share = Rational(Int128(spent.pence), Int128(award.pence)) else { return nil }
        return Self.roundedToMillionths(elapsed - share)
    }

    /// Whether a spreadsheet's binary arithmetic might round the gap the other way at a threshold
    /// (the exact gap sits within a hair of a half-millionth next to one): there the status is
    /// written as a value rather than a formula, so the cached value and a recalculation cannot
    /// disagree.
    public func isDelicate(award: Money, spent: Money, elapsed: Rational) -> Bool {
        guard !award.isZero, let share = Rational(Int128(spent.pence), Int128(award.pence)) else { return false }
        let scaled = (elapsed - share) * Rational(1_000_000)
        for threshold in [amberGap, redGap] {
            let boundary = threshold * Rational(1_000_000) + Rational(storage: .small(1, 2))
            let distance = scaled - boundary
            let near = Rational(storage: .small(1, 1_000_000))
            if distance < near && -distance < near { return true }
        }
        return false
    }

    static func roundedToMillionths(_ value: Rational) -> Rational {
        let million = Rational(1_000_000)
        let whole = (value * million).rounded(.halfAwayFromZero)
        return Rational(whole) * (Rational(storage: .small(1, 1_000_000)))
    }
}
