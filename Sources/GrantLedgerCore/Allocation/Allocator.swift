/// The base method (issue 3), exactly:
///
/// 1. each indicator's share for an area is its value / the column total;
/// 2. an area's blended share is Σ weight × share (weights sum to exactly one);
/// 3. its exact amount is pot × blended share;
/// 4. with a floor, areas below it are lifted to it and the rest scaled down in proportion
///    (`FloorAdjustment`);
/// 5. amounts are rounded to the unit by largest remainder (`LargestRemainder`), so they add up to
///    the pot exactly.
///
/// Nothing is printed and nothing is thrown: problems come back as located diagnostics, all of them.
public enum Allocator {
    public static func allocate(_ table: AreaTable, _ settings: AllocationSettings) -> (Allocation?, [Diagnostic]) {
        var diagnostics = settings.problems()
        var indicators: [Indicator] = []
        var seen: Set<String> = []
        for setting in settings.weights where seen.insert(setting.indicator).inserted {
            let (indicator, problems) = table.indicator(named: setting.indicator, origin: setting.origin)
            diagnostics += problems
            if let indicator { indicators.append(indicator) }
        }
        let count = table.areas.count
        if let floor = settings.floor, !floor.value.isNegative, count > 0 {
            let (needed, overflow) = floor.value.pence.multipliedReportingOverflow(by: Int64(count))
            if overflow || needed > settings.pot.value.pence {
                let cost = overflow ? "more than can be held" : "\(Money(pence: needed))"
                diagnostics.append(diagnostic(
                    .floorsExceedPot,
                    "a floor of \(floor.value) for each of \(count) areas costs \(cost), more than the pot \(settings.pot.value)",
                    hint: "lower the floor to at most \(Self.largestFloor(settings, count)) or raise the pot",
                    at: floor.origin))
            }
        }
        // A table with no areas has an error of its own from `AreaTable.parse`; there is nothing to share.
        guard count > 0, !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        return (compute(table, settings, indicators), diagnostics)
    }

    /// The largest floor that the pot can pay for every area, in whole units.
    static func largestFloor(_ settings: AllocationSettings, _ count: Int) -> Money {
        let unit = max(1, settings.unit.value.pence)
        return Money(pence: settings.pot.value.pence / Int64(count) / unit * unit)
    }

    /// The arithmetic, once every setting and value has been checked.
    static func compute(_ table: AreaTable, _ settings: AllocationSettings, _ indicators: [Indicator]) -> Allocation {
        let weights = settings.weights.map(\.weight)
        let pot = settings.pot.value
        let potValue = Rational(pence: pot)
        let count = table.areas.count

        var values: [[Rational]] = []
        var shares: [[Rational]] = []
        var contributions: [[Rational]] = []
        var blended: [Rational] = []
        var formula: [Rational] = []
        // 1/total once per column, so each share is one multiplication.
        let inverseTotals = indicators.map { (try? $0.total.reciprocal()) ?? .zero }
        for area in 0..<count {
            var areaValues: [Rational] = []
            var areaShares: [Rational] = []
            var areaContributions: [Rational] = []
            var sum = Rational.zero
            for (k, indicator) in indicators.enumerated() {
                let value = indicator.values[area]
                let share = value * inverseTotals[k]
                let contribution = weights[k] * share
                areaValues.append(value)
                areaShares.append(share)
                areaContributions.append(contribution)
                sum += contribution
            }
            values.append(areaValues)
            shares.append(areaShares)
            contributions.append(areaContributions)
            blended.append(sum)
            formula.append(potValue * sum)
        }

        var exact = formula
        var floored = [Bool](repeating: false, count: count)
        var flooring: Flooring?
        if let floor = settings.floor?.value, floor.pence > 0 {
            let outcome = FloorAdjustment.apply(formula, pot: pot, floor: floor)
            exact = outcome.amounts
            floored = outcome.floored
            flooring = outcome.flooring
        }

        let unit = settings.unit.value
        let unitValue = Rational(pence: unit)
        let inUnits = exact.map { ($0.divided(byNonZero: unitValue)) }
        let rounding = LargestRemainder.round(inUnits, totalUnits: pot.pence / unit.pence)

        var areas: [AreaAllocation] = []
        areas.reserveCapacity(count)
        for index in 0..<count {
            let units = rounding.wholeUnits[index] + (rounding.extra[index] ? 1 : 0)
            areas.append(AreaAllocation(
                name: table.areas[index].name, index: index, values: values[index], shares: shares[index],
                contributions: contributions[index], blendedShare: blended[index], formulaAmount: formula[index],
                isFloored: floored[index], exactAmount: exact[index], wholeUnits: rounding.wholeUnits[index],
                remainder: rounding.remainders[index], remainderRank: rounding.ranks[index],
                receivesLeftoverUnit: rounding.extra[index], amount: Money(pence: units &* unit.pence)))
        }
        return Allocation(
            areaFile: table.file, pot: pot, unit: unit, floor: settings.floor?.value,
            indicators: zip(indicators, weights).map { WeightedIndicator(name: $0.name, weight: $1, total: $0.total) },
            areas: areas, flooring: flooring, leftoverUnits: rounding.leftover)
    }
}

extension Rational {
    /// `self / divisor` for a divisor already known not to be zero (a positive rounding unit).
    func divided(byNonZero divisor: Rational) -> Rational {
        (try? divided(by: divisor)) ?? .zero
    }
}
