import BigInt
import GrantLedgerCore

extension Rational {
    /// The double nearest this exact value (ties to even): what a spreadsheet stores for the number,
    /// and so the cached value a recalculation is compared with. This, with `Money.excelValue`, is
    /// the only place an exact figure becomes binary floating point.
    func excelValue() -> Double {
        Self.nearestDouble(numerator: numerator, denominator: denominator)
    }

    /// This many pence as pounds: `pence / 100`, rounded once.
    func excelPounds() -> Double {
        Self.nearestDouble(numerator: numerator, denominator: denominator * 100)
    }

    /// `numerator / denominator` (denominator positive) correctly rounded to a double: divide with
    /// enough quotient bits (54 to 56), then round half to even on the dropped bits and the
    /// remainder. Exact for every value in the normal range, which holds every share and amount.
    static func nearestDouble(numerator: BigInt, denominator: BigInt) -> Double {
        guard !numerator.isZero, !denominator.isZero else { return 0 }
        let negative = (numerator.sign == .minus) != (denominator.sign == .minus)
        let a = numerator.magnitude
        let b = denominator.magnitude
        let shift = 55 - (a.bitWidth - b.bitWidth)
        let (quotient, remainder) = shift >= 0
            ? (a << shift).quotientAndRemainder(dividingBy: b)
            : a.quotientAndRemainder(dividingBy: b << -shift)
        var mantissa = quotient
        var exponent = -shift
        let extra = mantissa.bitWidth - 53
        if extra > 0 {
            let dropped = mantissa & ((BigUInt(1) << extra) - 1)
            mantissa >>= extra
            exponent += extra
            let half = BigUInt(1) << (extra - 1)
            if dropped > half || (dropped == half && (!remainder.isZero || mantissa & 1 == 1)) {
                mantissa += 1
                if mantissa.bitWidth > 53 {
                    mantissa >>= 1
                    exponent += 1
                }
            }
        }
        let magnitude = Double(sign: .plus, exponent: exponent, significand: Double(UInt64(truncatingIfNeeded: mantissa)))
        return negative ? -magnitude : magnitude
    }
}
