/// How a fraction of a unit is settled. Every rounding in grantledger names its mode; the default,
/// `.halfAwayFromZero`, is what a spreadsheet's `ROUND` does.
public enum RoundingMode: String, CaseIterable, Sendable {
    case halfAwayFromZero = "half-away-from-zero"
    case halfEven = "half-even"
    case down = "down"            // towards zero
    case up = "up"                // away from zero
    case floor = "floor"          // towards minus infinity
    case ceiling = "ceiling"      // towards plus infinity

    public static let standard: RoundingMode = .halfAwayFromZero

    /// `numerator / denominator` rounded to a whole number by this mode. `denominator` must be positive.
    public func divide(_ numerator: Int64, by denominator: Int64) -> Int64 {
        precondition(denominator > 0, "rounding divides by a positive denominator")
        // Swift's `/` truncates towards zero; the remainder carries the sign of the numerator.
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        if remainder == 0 { return quotient }
        let awayFromZero = numerator < 0 ? quotient - 1 : quotient + 1
        let twiceRemainder = remainder.magnitude * 2
        switch self {
        case .down: return quotient
        case .up: return awayFromZero
        case .floor: return numerator < 0 ? quotient - 1 : quotient
        case .ceiling: return numerator < 0 ? quotient : quotient + 1
        case .halfAwayFromZero:
            return twiceRemainder >= denominator.magnitude ? awayFromZero : quotient
        case .halfEven:
            if twiceRemainder > denominator.magnitude { return awayFromZero }
            if twiceRemainder < denominator.magnitude { return quotient }
            return quotient % 2 == 0 ? quotient : awayFromZero
        }
    }
}
