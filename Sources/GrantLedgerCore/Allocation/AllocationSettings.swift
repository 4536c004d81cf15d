/// Everything that decides an allocation except the area data: the pot, the weights, the rounding
/// unit and the floor. Each keeps where it was written, so a problem points at the option or the
/// scenario line that caused it.
public struct AllocationSettings: Sendable {
    public var pot: Located<Money>
    public var weights: [WeightSetting]
    /// Amounts are whole multiples of this (default 1p).
    public var unit: Located<Money>
    /// Every area receives at least this much.
    public var floor: Located<Money>?

    public init(
        pot: Located<Money>, weights: [WeightSetting], unit: Located<Money> = Located(Money(pence: 1)),
        floor: Located<Money>? = nil
    ) {
        self.pot = pot
        self.weights = weights
        self.unit = unit
        self.floor = floor
    }

    /// Reads an amount option (`--pot`, `--round`, `--floor`) with the strict money parser.
    public static func amount(_ text: String, option: String, origin: SettingOrigin?) throws(SettingError) -> Located<Money> {
        do throws(MoneyParseProblem) {
            return Located(try MoneyParser.parse(text), at: origin)
        } catch {
            throw SettingError(diagnostic(
                .badAmount, "\(option) \(quoted(text)): \(error.message)", hint: error.hint, at: origin,
                offset: error.offset, length: 1))
        }
    }

    /// Problems with the settings that need no area data: sign, units, weights adding up to one.
    public func problems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if pot.value.isNegative {
            problems.append(diagnostic(.badPot, "the pot \(pot.value) is negative",
                                       hint: "the pot is the amount to share out: write it without a minus sign, e.g. £270,750.00", at: pot.origin))
        }
        if unit.value.pence <= 0 {
            problems.append(diagnostic(.badRoundingUnit, "the rounding unit must be more than zero, not \(unit.value)",
                                       hint: "for example --round 0.01 (pence), --round 1 (pounds) or --round 100",
                                       at: unit.origin))
        } else if !pot.value.isNegative && pot.value.pence % unit.value.pence != 0 {
            let left = Money(pence: pot.value.pence % unit.value.pence)
            problems.append(diagnostic(
                .potNotWholeUnits,
                "the pot \(pot.value) is not a whole number of \(unit.value) units (\(left) would be left over)",
                hint: "round to a unit that divides the pot, such as \(Money(pence: 1)) or \(Money(pence: 100)), or change the pot",
                at: unit.origin ?? pot.origin))
        }
        if let floor {
            if floor.value.isNegative {
                problems.append(diagnostic(.badFloor, "the floor \(floor.value) is negative",
                                           hint: "a floor is the least any area receives", at: floor.origin))
            } else if unit.value.pence > 0 && floor.value.pence % unit.value.pence != 0 {
                problems.append(diagnostic(
                    .badFloor, "the floor \(floor.value) is not a whole number of \(unit.value) units",
                    hint: "rounding could otherwise leave an area below the floor; make the floor a multiple of the unit",
                    at: floor.origin))
            }
        }
        problems += weightProblems()
        return problems
    }

    private func weightProblems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        guard !weights.isEmpty else {
            return [Diagnostic(.noWeights, "no weights given",
                               hint: "name each indicator with its weight: --weight population=1/3 --weight crime=1/3 --weight deprivation=1/3")]
        }
        var seen: Set<String> = []
        for setting in weights where !seen.insert(setting.indicator).inserted {
            problems.append(diagnostic(
                .duplicateWeight, "\(setting.indicator) is weighted twice",
                hint: "give each indicator one weight", at: setting.origin, length: setting.indicator.utf8.count))
        }
        let total = Rational.sum(weights.map(\.weight))
        if total != .one {
            let gap = total - .one
            let how = gap.isNegative ? "\(Self.describe(-gap)) short of one" : "\(Self.describe(gap)) over one"
            problems.append(diagnostic(
                .weightsNotOne, "the weights sum to \(Self.describe(total)), \(how)",
                hint: "weights must sum to exactly one; thirds are best written 1/3, not 0.33",
                at: weights.last?.origin))
        }
        return problems
    }

    /// `1/30 (0.033333…)` or `0.05`: a fraction shown exactly, with its decimal when it does not end.
    static func describe(_ value: Rational) -> String {
        if let exact = value.terminatingDecimal(maxPlaces: 12) { return exact }
        return "\(value) (≈ \(value.decimalString(places: 6)))"
    }
}
