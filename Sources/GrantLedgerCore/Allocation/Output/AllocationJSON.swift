/// The allocation as JSON with every figure exact: fractions are strings such as `"421/8247"`,
/// amounts of money are plain decimal strings (`"46234.57"`), never JSON numbers, which readers
/// parse as binary floating point.
///
/// The retained top-slices are the `top_slices` whose `area` is null; `retained` is their sum and
/// `total` what the areas receive, so `areas[].amount` and the retained top-slices' amounts add up
/// to `pot` (`total + retained = pot`), the rows the CSV marks `kind=retained`.
public enum AllocationJSON {
    public static func text(_ allocation: Allocation) -> String {
        JSONWriter.document([
            ("scenario", allocation.scenario.map(scenario) ?? "null"),
            ("area_file", string(allocation.areaFile)),
            ("pot", amount(allocation.pot)),
            ("underspend", allocation.underspend.map(underspend) ?? "null"),
            ("unit", amount(allocation.unit)),
            ("floor", allocation.floor.map(amount) ?? "null"),
            ("cap", allocation.cap.map(amount) ?? "null"),
            ("top_slices", JSONWriter.inlineArray(allocation.topSlices.map {
                object([("name", string($0.name)), ("amount", amount($0.amount)), ("area", nullable($0.area))])
            })),
            ("formula_pot", amount(allocation.formulaPot)),
            ("indicators", JSONWriter.array(allocation.indicators.map {
                object([("name", string($0.name)), ("weight", exact($0.weight)), ("total", exact($0.total)),
                        ("definition", nullable($0.definition?.formulaText))])
            })),
            ("flooring", allocation.flooring.map(flooring) ?? "null"),
            ("damping", allocation.damping.map(damping) ?? "null"),
            ("previous_file", nullable(allocation.previousFile)),
            ("per_head_column", nullable(allocation.perHeadColumn)),
            ("leftover_units", String(allocation.leftoverUnits)),
            ("areas", JSONWriter.array(allocation.areas.map { area(allocation, $0) })),
            ("retained", amount(allocation.retained)),
            ("total", amount(allocation.total)),
        ])
    }

    static func scenario(_ scenario: ScenarioInfo) -> String {
        object([("name", string(scenario.name)), ("title", nullable(scenario.title)),
                ("description", nullable(scenario.description)), ("file", nullable(scenario.file)),
                ("pot_source", string(scenario.potSource))])
    }

    /// The window whose forecast underspend is the pot: its figures as `report budget --rows tranches` gives them.
    static func underspend(_ pot: UnderspendPot) -> String {
        let window = pot.window
        return object([("grant", string(window.grantID)), ("money", string(window.label)), ("books", string(pot.books)),
                       ("from", string(window.start.description)), ("spend_by", string(window.spendBy.description)),
                       ("as_of", string(window.position.description)), ("must_spend", amount(window.mustSpend)),
                       ("actual", amount(window.actual)), ("forecast", amount(window.forecast)), ("at_risk", amount(window.atRisk)),
                       ("description", string(pot.description))])
    }

    static func flooring(_ flooring: Flooring) -> String {
        object([("floored_areas", String(flooring.flooredCount)), ("remaining_pot_pence", exact(flooring.remainingPot)),
                ("scaled_total_pence", exact(flooring.scaledTotal)), ("capped_areas", String(flooring.cappedCount)),
                ("factor", exact(flooring.factor))])
    }

    static func damping(_ damping: Damping) -> String {
        object([("band_down", nullable(damping.band.down?.description)), ("band_up", nullable(damping.band.up?.description)),
                ("previous_file", string(damping.previousFile)), ("scaled_group", string(damping.scaledGroup.rawValue)),
                ("factor", exact(damping.factor)), ("lifted_areas", String(damping.raisedCount)),
                ("held_areas", String(damping.heldCount)), ("gainers", String(damping.gainerCount))])
    }

    static func area(_ allocation: Allocation, _ area: AreaAllocation) -> String {
        let shares = zip(allocation.indicators, area.shares).map { (key: $0.name, value: exact($1)) }
        let damping = area.damping.map { damping in
            object([("low_pence", exact(damping.low)), ("high_pence", nullable(damping.high?.description)),
                    ("gainer", String(damping.isGainer)), ("scaled", String(damping.isScaled)),
                    ("position", string(damping.position.rawValue))])
        }
        return object([
            ("area", string(area.name)),
            ("indicator_shares", object(shares)),
            ("blended_share", exact(area.blendedShare)),
            ("share", string(area.blendedShare.decimalString(places: AllocationCSV.sharePlaces))),
            ("formula_amount_pence", exact(area.formulaAmount)),
            ("top_slice", amount(area.topSlice)),
            ("floor", area.floorAmount.map(amount) ?? "null"),
            ("cap", area.capAmount.map(amount) ?? "null"),
            ("floored", String(area.isFloored)),
            ("capped", String(area.isCapped)),
            ("limited_amount_pence", exact(area.limitedAmount)),
            ("damping", damping ?? "null"),
            ("exact_amount_pence", exact(area.exactAmount)),
            ("whole_units", String(area.wholeUnits)),
            ("remainder", exact(area.remainder)),
            ("leftover_unit", String(area.receivesLeftoverUnit)),
            ("amount", amount(area.amount)),
            ("previous", area.previous.map(amount) ?? "null"),
            ("change", area.change.map(amount) ?? "null"),
            ("change_fraction", nullable(area.changeFraction?.description)),
            ("per_head_base", nullable(area.perHeadBase?.description)),
            ("per_head_pence", nullable(area.perHead?.description)),
        ])
    }

    /// An exact figure (a fraction such as `"421/8247"`) as a string.
    static func exact(_ value: Rational) -> String { string(value.description) }

    static func string(_ text: String) -> String { JSONWriter.string(text) }
    static func nullable(_ text: String?) -> String { JSONWriter.nullable(text) }
    static func amount(_ money: Money) -> String { JSONWriter.amount(money) }
    static func object(_ members: [(key: String, value: String)]) -> String { JSONWriter.object(members) }
}
