import BigInt

/// An exact fraction: weights, shares and amounts in allocations are never binary floating point.
///
/// Most fractions met in practice (a third of a share of a column total of a few hundred thousand)
/// fit in 128 bits, so they are held in `Int128` and every step checks for overflow; a step that would
/// overflow is redone in arbitrary precision (`BigInt`). The value is always in lowest terms with a
/// positive denominator, and held small whenever it fits, so equal values have equal storage.
public struct Rational: Sendable {
    enum Storage: Hashable, Sendable {
        /// Numerator and denominator, coprime, denominator positive; neither is `Int128.min`, so
        /// negation never overflows.
        case small(Int128, Int128)
        /// Only when the value does not fit `.small`.
        case big(BigInt, BigInt)
    }

    let storage: Storage

    init(storage: Storage) { self.storage = storage }

    public static let zero = Rational(storage: .small(0, 1))
    public static let one = Rational(storage: .small(1, 1))

    public init(_ value: Int) { storage = .small(Int128(value), 1) }

    public init(_ value: Int64) { storage = .small(Int128(value), 1) }

    public init(_ value: Int128) {
        storage = value == .min ? .big(WideConversion.big(value), 1) : .small(value, 1)
    }

    public init(_ value: BigInt) {
        self = Rational.normalized(value, 1)
    }

    /// `numerator / denominator` in lowest terms; `nil` when the denominator is zero.
    public init?(_ numerator: Int128, _ denominator: Int128) {
        guard denominator != 0 else { return nil }
        self = Rational.normalized(numerator, denominator)
    }

    /// `numerator / denominator` in lowest terms; `nil` when the denominator is zero.
    public init?(numerator: BigInt, denominator: BigInt) {
        guard !denominator.isZero else { return nil }
        self = Rational.normalized(numerator, denominator)
    }

    /// An amount of money as a number of pence.
    public init(pence money: Money) { storage = .small(Int128(money.pence), 1) }

    public var numerator: BigInt {
        switch storage {
        case let .small(n, _): return WideConversion.big(n)
        case let .big(n, _): return n
        }
    }

    public var denominator: BigInt {
        switch storage {
        case let .small(_, d): return WideConversion.big(d)
        case let .big(_, d): return d
        }
    }

    public var isZero: Bool {
        switch storage {
        case let .small(n, _): return n == 0
        case let .big(n, _): return n.isZero
        }
    }

    public var isNegative: Bool {
        switch storage {
        case let .small(n, _): return n < 0
        case let .big(n, _): return n.sign == .minus && !n.isZero
        }
    }

    public var isInteger: Bool {
        switch storage {
        case let .small(_, d): return d == 1
        case let .big(_, d): return d == 1
        }
    }

    /// True while the value is held in 128 bits (for tests and benchmarks of the fast path).
    public var isCompact: Bool {
        if case .small = storage { return true }
        return false
    }
}

extension Rational: Hashable {
    public static func == (lhs: Rational, rhs: Rational) -> Bool { lhs.storage == rhs.storage }
    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}

extension Rational: CustomStringConvertible {
    /// `1/3`, `-2/7`, `5`: the exact value, as the explanations and JSON print it.
    public var description: String {
        switch storage {
        case let .small(n, d): return d == 1 ? String(n) : "\(n)/\(d)"
        case let .big(n, d): return d == 1 ? String(n) : "\(n)/\(d)"
        }
    }
}

extension Rational {
    /// Lowest terms, positive denominator, small when it fits. `denominator` must not be zero.
    static func normalized(_ numerator: Int128, _ denominator: Int128) -> Rational {
        if numerator == .min || denominator == .min {
            return normalized(WideConversion.big(numerator), WideConversion.big(denominator))
        }
        var n = numerator
        var d = denominator
        if d < 0 { n = -n; d = -d }
        if n == 0 { return .zero }
        let g = WideGCD.gcd(n.magnitude, d.magnitude)
        if g != 1 {
            n /= Int128(g)
            d /= Int128(g)
        }
        return Rational(storage: .small(n, d))
    }

    /// Lowest terms, positive denominator, small when it fits. `denominator` must not be zero.
    static func normalized(_ numerator: BigInt, _ denominator: BigInt) -> Rational {
        var n = numerator
        var d = denominator
        if d.sign == .minus { n.negate(); d.negate() }
        if n.isZero { return .zero }
        let g = n.greatestCommonDivisor(with: d)
        if g != 1 {
            n /= g
            d /= g
        }
        return compacted(n, d)
    }

    /// Reduced `n / d` (d > 0), held small when both fit.
    static func compacted(_ n: BigInt, _ d: BigInt) -> Rational {
        if let sn = WideConversion.small(n), let sd = WideConversion.small(d) {
            return Rational(storage: .small(sn, sd))
        }
        return Rational(storage: .big(n, d))
    }

    /// Both parts in arbitrary precision, for the slow path.
    var wide: (BigInt, BigInt) {
        switch storage {
        case let .small(n, d): return (WideConversion.big(n), WideConversion.big(d))
        case let .big(n, d): return (n, d)
        }
    }
}
