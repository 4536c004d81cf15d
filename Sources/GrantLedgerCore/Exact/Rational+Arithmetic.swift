import BigInt

/// Why a rational operation has no answer.
public enum RationalError: Error, Equatable, Sendable {
    case divisionByZero
}

extension Rational {
    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        if case let .small(a, b) = lhs.storage, case let .small(c, d) = rhs.storage,
           let sum = smallSum(a, b, c, d) {
            return sum
        }
        let (a, b) = lhs.wide
        let (c, d) = rhs.wide
        return normalized(a * d + c * b, b * d)
    }

    public static prefix func - (value: Rational) -> Rational {
        switch value.storage {
        case let .small(n, d): return Rational(storage: .small(-n, d))
        case let .big(n, d): return compacted(-n, d)
        }
    }

    public static func - (lhs: Rational, rhs: Rational) -> Rational { lhs + -rhs }

    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        if case let .small(a, b) = lhs.storage, case let .small(c, d) = rhs.storage,
           let product = smallProduct(a, b, c, d) {
            return product
        }
        let (a, b) = lhs.wide
        let (c, d) = rhs.wide
        return normalized(a * c, b * d)
    }

    public static func += (lhs: inout Rational, rhs: Rational) { lhs = lhs + rhs }
    public static func -= (lhs: inout Rational, rhs: Rational) { lhs = lhs - rhs }
    public static func *= (lhs: inout Rational, rhs: Rational) { lhs = lhs * rhs }

    /// `1 / self`.
    public func reciprocal() throws(RationalError) -> Rational {
        switch storage {
        case let .small(n, d):
            if n == 0 { throw .divisionByZero }
            return n < 0 ? Rational(storage: .small(-d, -n)) : Rational(storage: .small(d, n))
        case let .big(n, d):
            if n.isZero { throw .divisionByZero }
            return n.sign == .minus ? Rational.compacted(-d, -n) : Rational.compacted(d, n)
        }
    }

    /// `self / divisor`; division by zero is an error, never a trap.
    public func divided(by divisor: Rational) throws(RationalError) -> Rational {
        self * (try divisor.reciprocal())
    }

    public static func sum<S: Sequence>(_ values: S) -> Rational where S.Element == Rational {
        var total = Rational.zero
        for value in values { total += value }
        return total
    }

    /// `a/b + c/d` in 128 bits, or `nil` when a step would overflow. Inputs are reduced.
    private static func smallSum(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128) -> Rational? {
        if b == d {
            let (n, o) = a.addingReportingOverflow(c)
            if o { return nil }
            return normalized(n, b)
        }
        let g = WideGCD.gcd(b, d)
        if g == 1 {
            // gcd(b, d) = 1 keeps the result in lowest terms (Knuth 4.5.1).
            let (ad, o1) = a.multipliedReportingOverflow(by: d)
            let (cb, o2) = c.multipliedReportingOverflow(by: b)
            let (n, o3) = ad.addingReportingOverflow(cb)
            let (den, o4) = b.multipliedReportingOverflow(by: d)
            if o1 || o2 || o3 || o4 || n == .min { return nil }
            return n == 0 ? .zero : Rational(storage: .small(n, den))
        }
        let b1 = b / g
        let d1 = d / g
        let (ad, o1) = a.multipliedReportingOverflow(by: d1)
        let (cb, o2) = c.multipliedReportingOverflow(by: b1)
        let (t, o3) = ad.addingReportingOverflow(cb)
        if o1 || o2 || o3 || t == .min { return nil }
        if t == 0 { return .zero }
        let g2 = WideGCD.gcd(t, g)
        let (den, o4) = b1.multipliedReportingOverflow(by: d / g2)
        if o4 { return nil }
        return Rational(storage: .small(t / g2, den))
    }

    /// `(a/b) × (c/d)` in 128 bits, or `nil` when it would overflow. Cross-cancelling first keeps
    /// the result in lowest terms.
    private static func smallProduct(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128) -> Rational? {
        if a == 0 || c == 0 { return .zero }
        let g1 = WideGCD.gcd(a, d)
        let g2 = WideGCD.gcd(c, b)
        let (n, o1) = (a / g1).multipliedReportingOverflow(by: c / g2)
        let (den, o2) = (b / g2).multipliedReportingOverflow(by: d / g1)
        if o1 || o2 || n == .min { return nil }
        return Rational(storage: .small(n, den))
    }
}

extension Rational: Comparable {
    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        if case let .small(a, b) = lhs.storage, case let .small(c, d) = rhs.storage {
            if b == d { return a < c }
            // a/b < c/d ⇔ a·d < c·b (b, d > 0), compared at double width: never overflows.
            let left = a.multipliedFullWidth(by: d)
            let right = c.multipliedFullWidth(by: b)
            return left.high != right.high ? left.high < right.high : left.low < right.low
        }
        let (a, b) = lhs.wide
        let (c, d) = rhs.wide
        return a * d < c * b
    }
}
