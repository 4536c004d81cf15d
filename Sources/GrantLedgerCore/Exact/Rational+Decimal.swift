import BigInt

extension Rational {
    /// The largest integer not above the value.
    public func floor() -> BigInt {
        switch storage {
        case let .small(n, d):
            let (q, r) = n.quotientAndRemainder(dividingBy: d)
            return WideConversion.big(r < 0 ? q - 1 : q)
        case let .big(n, d):
            let (q, r) = n.quotientAndRemainder(dividingBy: d)
            return r.sign == .minus && !r.isZero ? q - 1 : q
        }
    }

    /// The value rounded to a whole number by `mode`.
    public func rounded(_ mode: RoundingMode) -> BigInt {
        switch storage {
        case let .small(n, d): return WideConversion.big(mode.divideWide(n, by: d))
        case let .big(n, d): return mode.divideWide(n, by: d)
        }
    }

    /// The value as an `Int64` when it is a whole number that fits.
    public var int64Value: Int64? {
        switch storage {
        case let .small(n, d): return d == 1 ? Int64(exactly: n) : nil
        case .big: return nil
        }
    }

    /// `0.333333333333` for `1/3` at 12 places: the value rounded by `mode` to `places` decimals,
    /// with exactly that many digits after the point (none and no point when `places` is 0).
    public func decimalString(places: Int, mode: RoundingMode = .standard) -> String {
        let places = max(0, places)
        let (n, d) = wide
        let scaled = mode.divideWide(n * BigInt(10).power(places), by: d)
        return Rational.decimalText(scaled, places: places)
    }

    /// The exact decimal when the denominator has no prime factors but 2 and 5 (within `maxPlaces`),
    /// otherwise `nil`: lets explanations print `0.25` rather than `1/4 ≈ 0.250000`.
    public func terminatingDecimal(maxPlaces: Int = 40) -> String? {
        let (n, d) = wide
        var places = 0
        var scale = BigInt(1)
        while places <= maxPlaces {
            let (q, r) = (n * scale).quotientAndRemainder(dividingBy: d)
            if r.isZero { return Rational.decimalText(q, places: places) }
            places += 1
            scale *= 10
        }
        return nil
    }

    /// `scaled / 10^places` written out in digits.
    static func decimalText(_ scaled: BigInt, places: Int) -> String {
        let negative = scaled.sign == .minus && !scaled.isZero
        var digits = String(scaled.magnitude)
        if places == 0 { return (negative ? "-" : "") + digits }
        if digits.count <= places {
            digits = String(repeating: "0", count: places - digits.count + 1) + digits
        }
        let split = digits.index(digits.endIndex, offsetBy: -places)
        return (negative ? "-" : "") + digits[..<split] + "." + digits[split...]
    }
}
