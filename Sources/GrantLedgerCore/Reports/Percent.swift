/// A share held as the exact pair of amounts it comes from, so a percent is rounded once, for
/// display, and never drifts: `spent / award`, not a stored decimal.
public struct Percent: Hashable, Sendable {
    public let part: Money
    public let whole: Money

    public init(part: Money, whole: Money) {
        self.part = part
        self.whole = whole
    }

    /// The percent in tenths (12.3% is 123), rounded by `mode`; nil when the whole is zero, or when
    /// the amounts are beyond ±£92 trillion, where exact integer work would overflow: such a
    /// percent is left out rather than approximated.
    public func tenths(_ mode: RoundingMode = .standard) -> Int64? {
        guard !whole.isZero, whole.pence != .min else { return nil }
        let (scaled, overflow) = part.pence.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return nil }
        // The divisor must be positive; flipping both signs keeps the quotient (no overflow:
        // |scaled| < Int64.max and whole is not .min).
        return whole.isNegative
            ? mode.divide(-scaled, by: -whole.pence)
            : mode.divide(scaled, by: whole.pence)
    }

    /// `12.3`, `-0.5`, `100.0`: one decimal, half away from zero, no `%` sign (writers add it).
    public var formatted: String? {
        guard let tenths = tenths() else { return nil }
        let magnitude = tenths.magnitude
        return "\(tenths < 0 ? "-" : "")\(magnitude / 10).\(magnitude % 10)"
    }
}
