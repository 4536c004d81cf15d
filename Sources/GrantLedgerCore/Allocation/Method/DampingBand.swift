/// How far an area's amount may move from last year's: `10%` (either way), `-5%,+10%` (down at most
/// 5%, up at most 10%), `-5%` (losses held, gains free) or `+10%` (gains held, losses free). Exact
/// fractions, as weights are: `1/10` and `0.1` mean the same as `10%`.
public struct DampingBand: Sendable, Equatable {
    /// The largest fall allowed, as a fraction of last year's amount; `nil` for no limit.
    public let down: Rational?
    /// The largest rise allowed; `nil` for no limit.
    public let up: Rational?

    public init(down: Rational?, up: Rational?) {
        self.down = down
        self.up = up
    }

    /// `±10%`, `−5% / +10%`, `−5% / no limit up`.
    public var description: String {
        func percent(_ value: Rational) -> String {
            let hundred = value * Rational(100)
            return (hundred.terminatingDecimal(maxPlaces: 4) ?? hundred.decimalString(places: 4)) + "%"
        }
        switch (down, up) {
        case let (d?, u?) where d == u: return "±" + percent(d)
        case let (d?, u?): return "−\(percent(d)) / +\(percent(u))"
        case let (d?, nil): return "−\(percent(d)) / no limit up"
        case let (nil, u?): return "no limit down / +\(percent(u))"
        case (nil, nil): return "no limits"
        }
    }
}
