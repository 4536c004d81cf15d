/// The outcome of an allocation with every intermediate figure kept exact, so that `--explain`, the
/// CSV and JSON outputs and the committee workbook all show the same numbers the rounding used.
///
/// Amounts inside are in pence as exact rationals; `AreaAllocation.amount` is the rounded result.
public struct Allocation: Sendable {
    public let areaFile: String
    public let pot: Money
    public let unit: Money
    public let floor: Money?
    /// The weighted indicators, in the order the weights were given.
    public let indicators: [WeightedIndicator]
    /// One per area, in file order.
    public let areas: [AreaAllocation]
    /// How floors were paid for, when a floor was set.
    public let flooring: Flooring?
    /// Units handed out one each, by largest remainder, after every area was rounded down.
    public let leftoverUnits: Int64

    public var total: Money { Money(pence: areas.reduce(0) { $0 &+ $1.amount.pence }) }

    public func area(named name: String) -> AreaAllocation? { areas.first { $0.name == name } }
}

/// An indicator column with its weight and total.
public struct WeightedIndicator: Sendable {
    public let name: String
    public let weight: Rational
    public let total: Rational
}

/// How the floor was met: the areas below it were lifted to it and the rest scaled by one factor.
public struct Flooring: Sendable {
    public let floor: Money
    /// How many areas sit at the floor.
    public let flooredCount: Int
    /// The pot less the floored areas' floors (pence).
    public let remainingPot: Rational
    /// The formula amounts of the areas left above the floor, added up (pence).
    public let scaledTotal: Rational
    /// `remainingPot / scaledTotal`: what every area above the floor is multiplied by.
    public let factor: Rational
}

/// One area's working, step by step.
public struct AreaAllocation: Sendable {
    public let name: String
    /// Position in the file (0-based): the tie-break for equal remainders.
    public let index: Int
    /// Per indicator, in weight order: the area's value.
    public let values: [Rational]
    /// Per indicator: value / column total.
    public let shares: [Rational]
    /// Per indicator: weight × share.
    public let contributions: [Rational]
    /// Σ weight × share.
    public let blendedShare: Rational
    /// Pot × blended share, in pence.
    public let formulaAmount: Rational
    /// Whether the floor lifted this area.
    public let isFloored: Bool
    /// The amount after floors (pence): the formula amount, the floor, or the formula amount scaled.
    public let exactAmount: Rational
    /// Whole units in the exact amount (rounded down).
    public let wholeUnits: Int64
    /// The part of a unit left over, in [0, 1).
    public let remainder: Rational
    /// 1-based place among the non-zero remainders (largest first, ties to the earlier area).
    public let remainderRank: Int?
    /// Whether a leftover unit came to this area.
    public let receivesLeftoverUnit: Bool
    /// The rounded amount.
    public let amount: Money

    /// The amount as a share of the pot after floors and rounding.
    public func finalShare(of pot: Money) -> Rational {
        guard pot.pence != 0, let share = Rational(Int128(amount.pence), Int128(pot.pence)) else { return .zero }
        return share
    }
}
