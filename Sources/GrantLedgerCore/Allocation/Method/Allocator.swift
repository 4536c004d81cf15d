import BigInt

/// The method (issue 3), exactly, in the order a committee would explain it:
///
/// 1. top-slices are taken off the pot; the formula shares out what is left (the formula pot);
/// 2. each indicator's share for an area is its value / the column total (an indicator may be made
///    from columns: population-weighted deprivation, severity-weighted crime);
/// 3. an area's blended share is Σ weight × share (weights sum to exactly one), and its formula
///    amount is formula pot × blended share;
/// 4. floors and caps: areas below their floor are lifted to it, areas above their cap held at it,
///    and every other area's formula amount scaled by one factor (`BoundedScaling`);
/// 5. damping: each area is held within the band around last year's amount, losers lifted and the
///    gainers' gains scaled by one factor to pay for it;
/// 6. amounts are rounded to the unit by largest remainder (`LargestRemainder`), so they add up to
///    the pot exactly.
///
/// Nothing is printed and nothing is thrown: problems come back as located diagnostics, all of them.
public enum Allocator {
    /// What the method needs from the area data, read and checked once, so that other weights (as in
    /// sensitivity) need no second reading.
    struct Inputs: Sendable {
        var indicators: [Indicator]
        var definitions: [IndicatorDefinition?]
        var sourceColumns: [SourceColumn]
        var perHead: [Rational]?
        var previous: [Money]?
        /// Per area, in pence.
        var slices: [Int64]
        var floors: [Money?]
        var caps: [Money?]
    }

    public static func allocate(_ table: AreaTable, _ settings: AllocationSettings) -> (Allocation?, [Diagnostic]) {
        var diagnostics = settings.problems()
        let (inputs, problems) = prepare(table, settings)
        diagnostics += problems
        // A table with no areas has an error of its own from `AreaTable.parse`; there is nothing to share.
        guard let inputs, !table.areas.isEmpty, !diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, diagnostics)
        }
        let (allocation, more) = compute(table, settings, inputs)
        return (allocation, diagnostics + more)
    }

    /// Pence added with the overflow checked: `nil` past Int64.
    static func checkedSum(_ values: [Int64]) -> Int64? {
        var total: Int64 = 0
        for value in values {
            let (sum, overflow) = total.addingReportingOverflow(value)
            if overflow { return nil }
            total = sum
        }
        return total
    }

    /// What is said when the top-slices add up past what can be held (the settings' own check says
    /// it first; this is the same words, for the arithmetic's belt and braces).
    static func slicesPastHolding(_ settings: AllocationSettings) -> Diagnostic {
        Diagnostic(.topSlicesExceedPot, "the top-slices add up to more than can be held, more than the pot \(settings.pot.value)",
                   hint: "lower the top-slices or raise the pot; what is left after them is shared by the formula",
                   origin: settings.topSlices.last?.origin)
    }

    /// The largest floor that the pot can pay for every area, in whole units.
    static func largestFloor(_ settings: AllocationSettings, _ count: Int) -> Money {
        let unit = max(1, settings.unit.value.pence)
        return Money(pence: settings.pot.value.pence / Int64(count) / unit * unit)
    }

    /// Reads the weighted indicators, the per-head base and last year's amounts, and matches the
    /// areas named by top-slices and limits to the table's. `nil` with diagnostics when anything is wrong.
    static func prepare(_ table: AreaTable, _ settings: AllocationSettings) -> (Inputs?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let (indicators, definitions, sourceColumns) = weightedIndicators(table, settings, &diagnostics)

        var perHead: [Rational]?
        if let column = settings.perHead {
            let (values, problems) = table.numbers(named: column.value, origin: column.origin)
            diagnostics += problems
            perHead = values
        }
        var previous: [Money]?
        if let file = settings.previous {
            let (amounts, problems) = file.amounts(for: table)
            diagnostics += problems
            previous = amounts
            // The pot and last year's amounts together within the limit: every change against last
            // year, and their total, is then exact in every output.
            var limit = file.amountLimit
            if limit.count(settings.pot.value, at: {
                (settings.pot.origin?.location, settings.pot.origin?.length ?? 1, settings.pot.origin?.excerpt)
            }) == nil, let problem = limit.totalProblem("last year's allocation and the pot together") {
                diagnostics.append(problem)
            }
        }

        let count = table.areas.count
        var position: [String: Int] = [:]
        for (index, area) in table.areas.enumerated() { position[area.name] = index }
        func unknown(_ name: String, _ origin: SettingOrigin?, _ what: String) -> Diagnostic {
            let names = table.areas.map(\.name)
            let hint = Suggestion.hint(name, in: names, known: "the areas of \(table.file) are " + names.joined(separator: ", "))
            return Diagnostic(.unknownArea, "\(what): \(table.file) has no area \(quoted(name))", hint: hint, origin: origin)
        }

        var slices = [Int64](repeating: 0, count: count)
        for slice in settings.topSlices {
            guard let area = slice.area else { continue }
            guard let index = position[area] else {
                diagnostics.append(unknown(area, slice.origin, "top-slice \(slice.name)"))
                continue
            }
            let (sum, overflow) = slices[index].addingReportingOverflow(slice.amount.pence)
            guard !overflow else { return (nil, diagnostics + [slicesPastHolding(settings)]) }
            slices[index] = sum
        }
        var floors = [Money?](repeating: settings.floor?.value, count: count)
        var caps = [Money?](repeating: settings.cap?.value, count: count)
        var capOrigins = [SettingOrigin?](repeating: settings.cap?.origin, count: count)
        for limit in settings.areaLimits {
            guard let area = limit.area else { continue }
            guard let index = position[area] else {
                diagnostics.append(unknown(area, limit.origin, "\(limit.kind.rawValue) for \(area)"))
                continue
            }
            switch limit.kind {
            case .floor: floors[index] = limit.amount
            case .cap:
                caps[index] = limit.amount
                capOrigins[index] = limit.origin
            }
        }
        diagnostics += capProblems(table, settings, floors: floors, caps: caps, capOrigins: capOrigins, slices: slices)

        // Floors (and the areas' own top-slices) must leave room in the pot.
        guard let retained = checkedSum(settings.topSlices.filter { $0.area == nil }.map(\.amount.pence)) else {
            return (nil, diagnostics + [slicesPastHolding(settings)])
        }
        if let problem = floorRoomProblem(settings, floors: floors, slices: slices, retained: retained) { diagnostics.append(problem) }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        return (Inputs(indicators: indicators, definitions: definitions, sourceColumns: sourceColumns, perHead: perHead,
                       previous: previous, slices: slices, floors: floors, caps: caps), diagnostics)
    }

    /// The weighted indicators in the order of the weights, each read from its column or derived,
    /// with the columns derived ones are made from.
    static func weightedIndicators(_ table: AreaTable, _ settings: AllocationSettings, _ diagnostics: inout [Diagnostic])
        -> ([Indicator], [IndicatorDefinition?], [SourceColumn]) {
        var indicators: [Indicator] = []
        var definitions: [IndicatorDefinition?] = []
        var sourceColumns: [SourceColumn] = []
        var seen: Set<String> = []
        var sourceNames: Set<String> = []
        for setting in settings.weights where seen.insert(setting.indicator).inserted {
            if let definition = settings.definitions.first(where: { $0.name == setting.indicator }) {
                // A definition may replace the column it is made from (deprivation = deprivation ×
                // population), never hide a column it does not use under that column's name.
                if table.columns.contains(where: { $0.text == definition.name }) && !definition.columns.contains(definition.name) {
                    diagnostics.append(Diagnostic(
                        .badIndicatorDefinition,
                        "indicator \(definition.name) = \(definition.formulaText) would hide the area file's own \(definition.name) column",
                        hint: "give it a name of its own, such as \(definition.name)-derived, and weight that",
                        origin: definition.origin, length: definition.name.utf8.count))
                    continue
                }
                let (indicator, problems) = definition.evaluate(table)
                diagnostics += problems
                if let indicator { indicators.append(indicator) }
                definitions.append(definition)
                for column in definition.columns where sourceNames.insert(column).inserted {
                    if let values = table.numbers(named: column).0 { sourceColumns.append(SourceColumn(name: column, values: values)) }
                }
            } else {
                let (indicator, problems) = table.indicator(named: setting.indicator, origin: setting.origin)
                diagnostics += problems
                if let indicator { indicators.append(indicator) }
                definitions.append(nil)
            }
        }
        return (indicators, definitions, sourceColumns)
    }

    /// An area's cap below its own floor, or below the top-slices paid to it.
    static func capProblems(_ table: AreaTable, _ settings: AllocationSettings, floors: [Money?], caps: [Money?],
                            capOrigins: [SettingOrigin?], slices: [Int64]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for index in caps.indices {
            guard let cap = caps[index] else { continue }
            let name = table.areas[index].name
            if let floor = floors[index], floor > cap, settings.cap?.value != cap || settings.floor?.value != floor {
                problems.append(Diagnostic(
                    .badCap, "the cap for \(name), \(cap), is below its floor \(floor)",
                    hint: "an area must be able to receive at least its floor and at most its cap", origin: capOrigins[index]))
            } else if slices[index] > cap.pence {
                problems.append(Diagnostic(
                    .badCap, "the top-slices paid to \(name), \(Money(pence: slices[index])), are more than its cap \(cap)",
                    hint: "raise the cap or lower the top-slices to \(name)", origin: capOrigins[index]))
            }
        }
        return problems
    }

    /// Floors (and the areas' own top-slices) must leave room in the pot.
    static func floorRoomProblem(_ settings: AllocationSettings, floors: [Money?], slices: [Int64], retained: Int64) -> Diagnostic? {
        let count = floors.count
        guard count > 0, !settings.pot.value.isNegative, floors.contains(where: { $0 != nil }) else { return nil }
        var needed = BigInt(retained)
        for index in 0..<count { needed += BigInt(max(floors[index]?.pence ?? 0, slices[index])) }
        guard needed > BigInt(settings.pot.value.pence) else { return nil }
        let simple = settings.areaLimits.allSatisfy { $0.kind != .floor } && settings.topSlices.isEmpty
        let origin = settings.floor?.origin ?? settings.areaLimits.last { $0.kind == .floor }?.origin
        if simple, let floor = settings.floor {
            let (cost, overflow) = floor.value.pence.multipliedReportingOverflow(by: Int64(count))
            return Diagnostic(
                .floorsExceedPot,
                "a floor of \(floor.value) for each of \(count) areas costs \(overflow ? "more than can be held" : "\(Money(pence: cost))"), more than the pot \(settings.pot.value)",
                hint: "lower the floor to at most \(largestFloor(settings, count)) or raise the pot", origin: floor.origin)
        } else {
            return Diagnostic(
                .floorsExceedPot,
                "the floors (with the top-slices) cost \(ExactText.roughly(Rational(needed))), more than the pot \(settings.pot.value)",
                hint: "lower the floors or the top-slices, or raise the pot", origin: origin)
        }
    }

    /// The arithmetic, once every setting and value has been checked. `nil` with a diagnostic when
    /// the caps or the damping band cannot be met with these weights.
    static func compute(_ table: AreaTable, _ settings: AllocationSettings, _ inputs: Inputs) -> (Allocation?, [Diagnostic]) {
        let weights = settings.weights.map(\.weight)
        let indicators = inputs.indicators
        let pot = settings.pot.value
        let unit = settings.unit.value
        let count = table.areas.count
        // `problems()` held every top-slice to zero or more and their sum to the pot, so none of these
        // can pass Int64; they are checked all the same, so a change to those rules is an error, not a wrap.
        guard let retained = checkedSum(settings.topSlices.filter { $0.area == nil }.map(\.amount.pence)),
              let areaSlices = checkedSum(inputs.slices),
              case let (shared, overflow) = pot.pence.subtractingReportingOverflow(retained), !overflow,
              case let (formulaPence, beyond) = shared.subtractingReportingOverflow(areaSlices), !beyond
        else { return (nil, [slicesPastHolding(settings)]) }
        let formulaPot = Money(pence: formulaPence)
        let formulaPotValue = Rational(pence: formulaPot)
        let target = Rational(Int64(shared))

        let blend = Self.blend(indicators, weights, formulaPot: formulaPotValue, count: count)
        let (limits, limitProblems) = Self.limit(settings, inputs, formula: blend.formula, target: target)
        guard let limits else { return (nil, limitProblems) }
        let (damped, dampingProblems) = dampen(table, settings, inputs, limits, target: target)
        guard let damped else { return (nil, dampingProblems) }
        let (values, shares, contributions, blended, formula) = (blend.values, blend.shares, blend.contributions, blend.blended, blend.formula)
        let (limited, floored, capped, flooring) = (limits.limited, limits.floored, limits.capped, limits.flooring)
        let (exact, areaDamping, damping) = (damped.exact, damped.areas, damped.damping)

        // Step 6: rounding.
        let unitValue = Rational(pence: unit)
        let inUnits = exact.map { $0.divided(byNonZero: unitValue) }
        let rounding = LargestRemainder.round(inUnits, totalUnits: shared / unit.pence)

        var areas: [AreaAllocation] = []
        areas.reserveCapacity(count)
        for index in 0..<count {
            // At most the pot in units (the rounding shares out exactly `shared`), so it fits; checked anyway.
            let (pence, past) = (rounding.wholeUnits[index] + (rounding.extra[index] ? 1 : 0)).multipliedReportingOverflow(by: unit.pence)
            guard !past else {
                return (nil, [Diagnostic(.amountOverflow, "an area's amount in units of \(unit) is more than can be held",
                                         hint: "round to a smaller unit, or share a smaller pot", origin: settings.unit.origin)])
            }
            areas.append(AreaAllocation(
                name: table.areas[index].name, index: index, values: values[index], shares: shares[index],
                contributions: contributions[index], blendedShare: blended[index], formulaAmount: formula[index],
                topSlice: Money(pence: inputs.slices[index]), floorAmount: inputs.floors[index], capAmount: inputs.caps[index],
                isFloored: floored[index], isCapped: capped[index], limitedAmount: limited[index], damping: areaDamping[index],
                exactAmount: exact[index], wholeUnits: rounding.wholeUnits[index], remainder: rounding.remainders[index],
                remainderRank: rounding.ranks[index], receivesLeftoverUnit: rounding.extra[index],
                amount: Money(pence: pence), previous: inputs.previous?[index], perHeadBase: inputs.perHead?[index]))
        }
        let weighted = indicators.indices.map { k in
            WeightedIndicator(name: indicators[k].name, weight: weights[k], total: indicators[k].total,
                              definition: inputs.definitions[k])
        }
        return (Allocation(
            areaFile: table.file, pot: pot, unit: unit, floor: settings.floor?.value, cap: settings.cap?.value,
            indicators: weighted, sourceColumns: inputs.sourceColumns, areas: areas, topSlices: settings.topSlices,
            formulaPot: formulaPot, flooring: flooring, damping: damping, previousFile: settings.previous?.file,
            perHeadColumn: settings.perHead?.value, leftoverUnits: rounding.leftover, scenario: nil), [])
    }

    /// Steps 2 and 3: each area's indicator values, shares, weighted contributions, blended share
    /// and formula amount.
    struct Blend {
        var values: [[Rational]] = []
        var shares: [[Rational]] = []
        var contributions: [[Rational]] = []
        var blended: [Rational] = []
        var formula: [Rational] = []
    }

    static func blend(_ indicators: [Indicator], _ weights: [Rational], formulaPot: Rational, count: Int) -> Blend {
        var blend = Blend()
        blend.values.reserveCapacity(count)
        blend.shares.reserveCapacity(count)
        blend.contributions.reserveCapacity(count)
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
            blend.values.append(areaValues)
            blend.shares.append(areaShares)
            blend.contributions.append(areaContributions)
            blend.blended.append(sum)
            blend.formula.append(formulaPot * sum)
        }
        return blend
    }

    /// Step 4: each area's amount after floors and caps, and the limits damping must keep to.
    struct Limits {
        var limited: [Rational]
        var floored: [Bool]
        var capped: [Bool]
        var lows: [Rational]
        var highs: [Rational?]
        var flooring: Flooring?
    }

    static func limit(_ settings: AllocationSettings, _ inputs: Inputs, formula: [Rational], target: Rational) -> (Limits?, [Diagnostic]) {
        let count = formula.count
        let slices = inputs.slices.map { Rational(Int64($0)) }
        var limits = Limits(
            limited: zip(slices, formula).map { $0 + $1 }, floored: [Bool](repeating: false, count: count),
            capped: [Bool](repeating: false, count: count), lows: slices,
            highs: inputs.caps.map { $0.map { Rational(pence: $0) } }, flooring: nil)
        for index in 0..<count {
            if let floor = inputs.floors[index], Rational(pence: floor) > limits.lows[index] { limits.lows[index] = Rational(pence: floor) }
        }
        guard inputs.floors.contains(where: { $0 != nil }) || inputs.caps.contains(where: { $0 != nil }) else { return (limits, []) }
        let items = (0..<count).map {
            BoundedScaling.Item(base: slices[$0], slope: formula[$0], low: limits.lows[$0], high: limits.highs[$0])
        }
        guard let outcome = BoundedScaling.solve(items, target: target) else {
            let most = BoundedScaling.reach(items).most ?? target
            let origin = settings.cap?.origin ?? settings.areaLimits.last { $0.kind == .cap }?.origin
            return (nil, [Diagnostic(
                .capsBelowPot,
                "the caps let the areas take at most \(ExactText.roughly(most)) in all, less than the \(ExactText.roughly(target)) to share",
                hint: "raise the caps (areas with no share of the formula cannot take more), or retain the rest as a top-slice",
                origin: origin)])
        }
        limits.limited = outcome.values
        limits.floored = outcome.positions.map { $0 == .low }
        limits.capped = outcome.positions.map { $0 == .high }
        limits.flooring = Flooring(
            floor: settings.floor?.value ?? .zero, flooredCount: limits.floored.filter { $0 }.count,
            cappedCount: limits.capped.filter { $0 }.count,
            remainingPot: target - outcome.fixedTotal - outcome.freeBase, scaledTotal: outcome.freeSlope,
            factor: outcome.factor)
        return (limits, [])
    }

    /// Step 5's outcome: the exact amounts, and how damping placed each area.
    struct Damped {
        var exact: [Rational]
        var areas: [AreaDamping?]
        var damping: Damping?
    }

    /// Each area's band around last year's amount, in whole units, within its own floor and cap;
    /// a diagnostic for every area whose band holds no whole unit.
    static func bands(_ table: AreaTable, _ settings: AllocationSettings, _ band: Located<DampingBand>, previous: [Money],
                      _ limits: Limits) -> (low: [Rational], high: [Rational?], narrow: [Diagnostic]) {
        let unitValue = Rational(pence: settings.unit.value)
        var bandLow: [Rational] = []
        var bandHigh: [Rational?] = []
        var narrow: [Diagnostic] = []
        for index in previous.indices {
            let last = Rational(pence: previous[index])
            var low = band.value.down.map { ceilUnits(last * (.one - $0), unitValue) } ?? .zero
            var high = band.value.up.map { floorUnits(last * (.one + $0), unitValue) }
            if let h = high, h < low {
                // No whole unit lies in the band: any rounded amount would breach it.
                narrow.append(DampingNarrowBand(
                    area: table.areas[index].name, previous: previous[index], band: band, unit: settings.unit).diagnostic)
                high = low
            }
            // The area's own floor and cap come first.
            low = clampValue(low, limits.lows[index], limits.highs[index])
            high = high.map { clampValue($0, limits.lows[index], limits.highs[index]) } ?? limits.highs[index]
            bandLow.append(low)
            bandHigh.append(high)
        }
        return (bandLow, bandHigh, narrow)
    }

    /// Step 5: damping against last year, when it was set.
    static func dampen(_ table: AreaTable, _ settings: AllocationSettings, _ inputs: Inputs, _ limits: Limits,
                       target: Rational) -> (Damped?, [Diagnostic]) {
        let count = limits.limited.count
        let limited = limits.limited
        guard let band = settings.damping, let previous = inputs.previous, let file = settings.previous else {
            return (Damped(exact: limited, areas: [AreaDamping?](repeating: nil, count: count), damping: nil), [])
        }
        let last = previous.map { Rational(pence: $0) }
        let (bandLow, bandHigh, narrow) = bands(table, settings, band, previous: previous, limits)
        guard narrow.isEmpty else { return (nil, narrow) }
        let held = (0..<count).map { clampValue(limited[$0], bandLow[$0], bandHigh[$0]) }
        let gap = target - Rational.sum(held)
        // Lifting areas to the band costs more than holding others at its top saves (gap < 0): the
        // gainers' gains are scaled down to pay. It saves more (gap > 0): the losers' losses are
        // scaled down to share the saving. Either way the scaled areas receive
        // last year + factor × (amount after limits − last year).
        let group: DampingGroup = gap.isZero ? .none : (gap.isNegative ? .gainers : .losers)
        var items: [BoundedScaling.Item] = []
        var scaled = [Bool](repeating: false, count: count)
        for index in 0..<count {
            let a = limited[index]
            let p = last[index]
            switch group {
            case .gainers where a > p:
                scaled[index] = true
                items.append(.init(base: p, slope: a - p, low: bandLow[index], high: bandHigh[index]))
            case .losers where a < p:
                // t from 0 (the formula's loss) to 1 (last year's amount); never past last year.
                scaled[index] = true
                let ceiling = max(bandLow[index], bandHigh[index].map { min($0, p) } ?? p)
                items.append(.init(base: a, slope: p - a, low: bandLow[index], high: ceiling))
            default:
                items.append(.init(base: held[index], slope: .zero, low: bandLow[index], high: bandHigh[index]))
            }
        }
        var factor = Rational.one
        var values = held
        if group != .none {
            guard let outcome = BoundedScaling.solve(items, target: target) else {
                let (least, most) = BoundedScaling.reach(items)
                let lastTotal = "last year's amounts add up to \(ExactText.roughly(Rational.sum(last)))"
                let message = group == .gainers
                    ? "holding every area within \(band.value.description) of last year needs at least \(ExactText.roughly(least)), more than the \(ExactText.roughly(target)) to share, even with no area gaining (\(lastTotal))"
                    : "within \(band.value.description) of last year the areas can take at most \(ExactText.roughly(most ?? target)), less than the \(ExactText.roughly(target)) to share, even with every loser back at last year's amount (\(lastTotal))"
                return (nil, [Diagnostic(
                    .dampingInfeasible, message, hint: "widen the band (for example -10%,+20%), or leave damping out",
                    origin: band.origin)])
            }
            values = outcome.values
            factor = group == .gainers ? outcome.factor : .one - outcome.factor
        }
        var areaDamping = [AreaDamping?](repeating: nil, count: count)
        for index in 0..<count {
            let raw = scaled[index] ? last[index] + factor * (limited[index] - last[index]) : limited[index]
            let position: LimitPosition
            if raw < bandLow[index] {
                position = .low
            } else if let high = bandHigh[index], raw > high {
                position = .high
            } else {
                position = .free
            }
            areaDamping[index] = AreaDamping(
                low: bandLow[index], high: bandHigh[index], isGainer: limited[index] > last[index],
                isScaled: scaled[index] && position == .free && factor != .one, position: position)
        }
        let damping = Damping(
            band: band.value, previousFile: file.file, scaledGroup: group, factor: factor,
            raisedCount: areaDamping.filter { $0?.position == .low }.count,
            heldCount: areaDamping.filter { $0?.position == .high }.count,
            gainerCount: areaDamping.filter { $0?.isGainer == true }.count)
        return (Damped(exact: values, areas: areaDamping, damping: damping), [])
    }

    /// The least whole number of `unit`s at or above `value`.
    static func ceilUnits(_ value: Rational, _ unit: Rational) -> Rational {
        let units = value.divided(byNonZero: unit)
        let down = units.floor()
        let whole = Rational(down) == units ? down : down + 1
        return Rational(whole) * unit
    }

    /// The greatest whole number of `unit`s at or below `value`.
    static func floorUnits(_ value: Rational, _ unit: Rational) -> Rational {
        Rational(value.divided(byNonZero: unit).floor()) * unit
    }

    static func clampValue(_ value: Rational, _ low: Rational, _ high: Rational?) -> Rational {
        var v = value < low ? low : value
        if let high, v > high { v = high }
        return v
    }
}

extension Rational {
    /// `self / divisor` for a divisor already known not to be zero (a positive rounding unit).
    func divided(byNonZero divisor: Rational) -> Rational {
        (try? divided(by: divisor)) ?? .zero
    }
}
