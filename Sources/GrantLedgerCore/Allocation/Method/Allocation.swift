/// The outcome of an allocation with every intermediate figure kept exact, so that `--explain`, the
/// CSV and JSON outputs and the committee workbook all show the same numbers the rounding used.
///
/// Amounts inside are in pence as exact rationals; `AreaAllocation.amount` is the rounded result.
/// The stages, in order: top-slices off the pot; the formula shares out the rest; floors and caps;
/// damping against last year; rounding by largest remainder.
public struct Allocation: Sendable {
    public let areaFile: String
    public let pot: Money
    public let unit: Money
    /// The floor for every area, when one was set (areas may also have floors of their own: see
    /// `AreaAllocation.floorAmount`).
    public let floor: Money?
    /// The cap for every area, when one was set (see also `AreaAllocation.capAmount`).
    public let cap: Money?
    /// The weighted indicators, in the order the weights were given.
    public let indicators: [WeightedIndicator]
    /// Columns of the area file that derived indicators are made from, one value per area.
    public let sourceColumns: [SourceColumn]
    /// One per area, in file order.
    public let areas: [AreaAllocation]
    /// Named amounts taken off the pot before the formula, in the order given.
    public let topSlices: [TopSlice]
    /// What the formula shares out: the pot less every top-slice.
    public let formulaPot: Money
    /// How floors and caps were met, when any was set.
    public let flooring: Flooring?
    /// How damping held areas near last year's amounts, when it was set.
    public let damping: Damping?
    /// The previous allocation's file, when one was given (for change against last year).
    public let previousFile: String?
    /// The column per-head figures divide by, when asked for.
    public let perHeadColumn: String?
    /// Units handed out one each, by largest remainder, after every area was rounded down.
    public let leftoverUnits: Int64
    /// The scenario's name, description and where its pot came from; `nil` for settings made in code.
    public internal(set) var scenario: ScenarioInfo?
    /// The window whose forecast underspend is the pot (`allocate --underspend`), for headings that
    /// must say where the money came from even in a one-off run.
    public internal(set) var underspend: UnderspendPot?

    /// The sum of the areas' amounts: the pot less the top-slices retained centrally.
    /// The amounts are parts of the pot, which is within `Money.spreadsheetLimit`: the checked sum cannot overflow.
    public var total: Money { Money(pence: areas.reduce(0) { $0 + $1.amount.pence }) }

    public func area(named name: String) -> AreaAllocation? { areas.first { $0.name == name } }

    /// This allocation under `info`: how a caller names a one-off run (a committee sheet is titled by it).
    public func named(_ info: ScenarioInfo) -> Allocation {
        var named = self
        named.scenario = info
        return named
    }

    /// This allocation under another name and description, its pot's source and file kept.
    public func named(_ name: String, description: String? = nil) -> Allocation {
        named(ScenarioInfo(name: name, description: description, file: scenario?.file,
                           potSource: scenario?.potSource ?? pot.formatted(.display)))
    }
}

/// A scenario's name, title and description, and where its pot came from.
public struct ScenarioInfo: Sendable {
    public let name: String
    /// One line, from the `scenario NAME Title` line.
    public let title: String?
    public let description: String?
    /// The scenario file; `nil` for a one-off run from the command line.
    public let file: String?
    /// `£270,750.00`, or `line nwps of grant pcc-nwps-2021-22 in ledgers/nottinghamshire (£270,750.00)`.
    public let potSource: String

    public init(name: String, title: String? = nil, description: String?, file: String?, potSource: String) {
        self.name = name
        self.title = title
        self.description = description
        self.file = file
        self.potSource = potSource
    }

    /// `Title. Description` as one line (either alone when the other is missing), for a sheet's
    /// subtitle; nil when there is neither.
    public var summary: String? {
        let parts = [title, description].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ". ")
    }
}

/// An indicator column with its weight and total.
public struct WeightedIndicator: Sendable {
    public let name: String
    public let weight: Rational
    public let total: Rational
    /// How it is made from the file's columns; `nil` when it is a column of the file.
    public let definition: IndicatorDefinition?
}

/// A column of the area file, read exactly (the parts of derived indicators, the per-head base).
public struct SourceColumn: Sendable {
    public let name: String
    public let values: [Rational]
}

/// How floors and caps were met: the areas below their floor were lifted to it, the areas above
/// their cap held at it, and every other area's formula amount multiplied by one factor so that the
/// whole still adds up to the pot.
public struct Flooring: Sendable {
    /// The floor for every area (zero when only caps, or only areas' own floors, were set).
    public let floor: Money
    /// How many areas sit at their floor.
    public let flooredCount: Int
    /// How many areas sit at their cap.
    public let cappedCount: Int
    /// What the free areas' formula amounts share (pence): the pot less central top-slices, less the
    /// held areas' amounts, less the free areas' own top-slices.
    public let remainingPot: Rational
    /// The formula amounts of the free areas, added up (pence).
    public let scaledTotal: Rational
    /// `remainingPot / scaledTotal`: what every free area's formula amount is multiplied by (below
    /// one when floors cost money, above one when caps hold some back).
    public let factor: Rational
}

/// How damping held areas near last year's amounts. Each area's amount after floors and caps is kept
/// within the band around last year's: areas below it are lifted to its bottom, areas above it held
/// at its top. When the lifting costs more than the holding saves, the gainers' gains are scaled
/// down to pay for it; when it saves more, the losers' losses are scaled down to share the saving.
/// Either way a scaled area receives `last year + factor × (amount after limits − last year)`.
public struct Damping: Sendable {
    public let band: DampingBand
    public let previousFile: String
    /// Whose changes were scaled.
    public let scaledGroup: DampingGroup
    /// What the scaled group's changes against last year are multiplied by (one when none were).
    public let factor: Rational
    /// Areas lifted to the bottom of their band.
    public let raisedCount: Int
    /// Areas held at the top of their band.
    public let heldCount: Int
    /// Areas whose amount after floors and caps was above last year's.
    public let gainerCount: Int
}

/// Whose changes damping scaled to keep the total at the pot.
public enum DampingGroup: String, Sendable {
    /// The areas above last year's amount: their gains pay for lifting the others.
    case gainers
    /// The areas below it: their losses shrink to share what holding the gainers saved.
    case losers
    /// Nobody: the lifting and the holding cancelled out, or neither was needed.
    case none
}

/// One area's damping.
public struct AreaDamping: Sendable {
    /// The least this area may receive: last year's less the band, rounded up to a whole unit and
    /// kept within the area's floor and cap (pence).
    public let low: Rational
    /// The most (rounded down to a whole unit); `nil` when gains are not limited.
    public let high: Rational?
    /// Whether the amount after floors and caps was above last year's.
    public let isGainer: Bool
    /// Whether its change was scaled by the damping factor (and not held at the band).
    public let isScaled: Bool
    /// Whether the area was lifted to `low` (`.low`), held at `high` (`.high`), or within its band.
    public let position: LimitPosition
}

/// Where an amount ended against its limits.
public enum LimitPosition: String, Sendable {
    case low, free, high
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
    /// Formula pot × blended share, in pence (without any top-slice).
    public let formulaAmount: Rational
    /// Top-slices paid to this area (zero when none).
    public let topSlice: Money
    /// This area's floor (its own, or the floor for every area), when one applies.
    public let floorAmount: Money?
    /// This area's cap, when one applies.
    public let capAmount: Money?
    /// Whether its floor lifted this area.
    public let isFloored: Bool
    /// Whether its cap held this area down.
    public let isCapped: Bool
    /// Top-slice + formula amount after floors and caps (pence).
    public let limitedAmount: Rational
    /// Damping's working, when damping was set.
    public let damping: AreaDamping?
    /// The amount before rounding (pence): the limited amount, after damping.
    public let exactAmount: Rational
    /// Whole units in the exact amount (rounded down).
    public let wholeUnits: Int64
    /// The part of a unit left over, in [0, 1).
    public let remainder: Rational
    /// 1-based place among the non-zero remainders (largest first, ties to the earlier area).
    public let remainderRank: Int?
    /// Whether a leftover unit came to this area.
    public let receivesLeftoverUnit: Bool
    /// The rounded amount (top-slice included).
    public let amount: Money
    /// Last year's amount, when a previous allocation was given.
    public let previous: Money?
    /// The per-head base (e.g. population), when per-head figures were asked for.
    public let perHeadBase: Rational?

    /// The amount as a share of the pot after floors and rounding.
    public func finalShare(of pot: Money) -> Rational {
        guard pot.pence != 0, let share = Rational(Int128(amount.pence), Int128(pot.pence)) else { return .zero }
        return share
    }

    /// Pence per head (amount / base); `nil` without a base, or when the base is zero.
    public var perHead: Rational? {
        guard let base = perHeadBase, !base.isZero else { return nil }
        return (try? Rational(pence: amount).divided(by: base))
    }

    /// Amount less last year's. Both are within `Money.spreadsheetLimit` (the pot's part; the previous
    /// file's gate), so the checked difference, within twice the limit, cannot overflow.
    public var change: Money? { previous.map { Money(pence: amount.pence - $0.pence) } }

    /// The change as a fraction of last year's amount; `nil` when last year's was zero.
    public var changeFraction: Rational? {
        guard let previous, previous.pence != 0, let change else { return nil }
        return Rational(Int128(change.pence), Int128(previous.pence))
    }
}
