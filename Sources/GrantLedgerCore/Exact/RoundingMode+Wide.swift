import BigInt

extension RoundingMode {
    /// `numerator / denominator` rounded by this mode, for integers wider than `Int64`.
    /// `denominator` must be positive; the rationals that call this always have one.
    func divideWide<T: BinaryInteger>(_ numerator: T, by denominator: T) -> T {
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        if remainder == 0 { return quotient }
        let negative = numerator < 0
        let awayFromZero = negative ? quotient - 1 : quotient + 1
        let twice = remainder.magnitude * 2
        let half = denominator.magnitude
        switch self {
        case .down: return quotient
        case .up: return awayFromZero
        case .floor: return negative ? quotient - 1 : quotient
        case .ceiling: return negative ? quotient : quotient + 1
        case .halfAwayFromZero: return twice >= half ? awayFromZero : quotient
        case .halfEven:
            if twice > half { return awayFromZero }
            if twice < half { return quotient }
            return quotient % 2 == 0 ? quotient : awayFromZero
        }
    }
}
