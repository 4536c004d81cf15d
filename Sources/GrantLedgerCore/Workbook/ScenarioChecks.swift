/// Which steps of an allocation its sheet can write as formulas that reproduce the program's figures
/// exactly, found by redoing each step's formula in exact arithmetic against the `Allocation`.
/// Anything that does not match (a step the sheet does not spell out, a figure too close to a
/// whole unit for binary arithmetic) is written as a value instead.
struct ScenarioChecks {
    /// The floor and its scale factor explain every area's amount before rounding.
    let floorColumns: Bool
    /// The scale factor is (pot − floored areas × floor) ÷ the others' exact amounts.
    let factorFormula: Bool
    /// Some amount before rounding differs from pot × blended share for a reason the sheet does not
    /// show as a formula: it gets a column of its own, by value.
    let beforeRoundingColumn: Bool
    /// The units left over are the amounts' total, in units, less the rounded-down units.
    let leftover: Bool
    /// Per area: rounding down by formula gives the program's whole units, with room to spare.
    let roundsDownLive: [Bool]
    /// Per area: the remainder is the amount in units less the whole units.
    let remainders: [Bool]
    /// The extra units go exactly to the largest remainders, ties to the first, with no near-tie at
    /// the cut-off: the RANK formula gives them out as the program did.
    let ranking: Bool
    /// Per area: the amount is the rounded-down amount plus its extra unit.
    let amounts: [Bool]

    var everyStepIsLive: Bool {
        !beforeRoundingColumn && leftover && ranking && (!floorColumns || factorFormula)
            && roundsDownLive.allSatisfy { $0 } && remainders.allSatisfy { $0 } && amounts.allSatisfy { $0 }
    }

    init(_ a: Allocation) {
        let pot = Rational(pence: a.pot)
        let n = a.areas.count
        let formulaIsExact = a.areas.allSatisfy { $0.exactAmount == $0.formulaAmount }
        var floorColumns = false
        var factorFormula = false
        if let flooring = a.flooring, flooring.floor.pence > 0 {
            let floor = Rational(pence: flooring.floor)
            floorColumns = a.areas.allSatisfy { area in
                area.exactAmount == (area.isFloored ? floor : area.formulaAmount * flooring.factor)
            }
            let freeTotal = Rational.sum(a.areas.filter { !$0.isFloored }.map(\.formulaAmount))
            let floors = floor * Rational(a.areas.filter(\.isFloored).count)
            if !freeTotal.isZero, let expected = try? (pot - floors).divided(by: freeTotal) {
                factorFormula = expected == flooring.factor
            }
        }
        self.floorColumns = floorColumns
        self.factorFormula = factorFormula
        beforeRoundingColumn = !floorColumns && !formulaIsExact

        guard a.unit.pence > 0, let perUnit = try? Rational.one.divided(by: Rational(pence: a.unit)) else {
            leftover = false
            roundsDownLive = Array(repeating: false, count: n)
            remainders = roundsDownLive
            ranking = false
            amounts = roundsDownLive
            return
        }
        let inUnits = a.areas.map { $0.exactAmount * perUnit }
        let whole = Rational(Int64(a.areas.reduce(0) { $0 &+ $1.wholeUnits }))
        leftover = Rational.sum(inUnits) - whole == Rational(a.leftoverUnits)
        let margins = a.areas.map { ScenarioSheet.margin(units: $0.wholeUnits) }
        roundsDownLive = a.areas.indices.map { i in
            let area = a.areas[i]
            let floorMatches = inUnits[i].floor() == Rational(area.wholeUnits).numerator
            return floorMatches && area.remainder > margins[i] && Rational.one - area.remainder > margins[i]
        }
        remainders = a.areas.indices.map { a.areas[$0].remainder == inUnits[$0] - Rational(a.areas[$0].wholeUnits) }
        amounts = a.areas.map { area in
            area.amount.pence == (area.wholeUnits &+ (area.receivesLeftoverUnit ? 1 : 0)) &* a.unit.pence
        }
        let order = a.areas.indices.sorted { x, y in
            a.areas[x].remainder != a.areas[y].remainder ? a.areas[x].remainder > a.areas[y].remainder : x < y
        }
        let cut = Int(clamping: a.leftoverUnits)
        var ranking = order.enumerated().allSatisfy { place, index in a.areas[index].receivesLeftoverUnit == (place < cut) }
        if ranking, cut > 0, cut < n {
            let widest = margins.max() ?? .zero
            let gap = a.areas[order[cut - 1]].remainder - a.areas[order[cut]].remainder
            ranking = gap > widest + widest
        }
        self.ranking = ranking
    }
}
