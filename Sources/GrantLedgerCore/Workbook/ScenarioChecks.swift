/// Which steps of an allocation its sheet can write as formulas that reproduce the program's figures
/// exactly, found by redoing each step's formula in exact arithmetic against the `Allocation`.
/// Anything that does not match (a step the sheet does not spell out, a figure too close to a
/// whole unit for binary arithmetic) is written as a value instead.
struct ScenarioChecks {
    /// The floor and its scale factor explain every area's amount before rounding.
    let floorColumns: Bool
    /// The scale factor is (pot − floored areas × floor) ÷ the others' exact amounts.
    var factorFormula: Bool
    /// Some amount before rounding differs from pot × blended share for a reason the sheet does not
    /// show as a formula: it gets a column of its own, by value.
    let beforeRoundingColumn: Bool
    /// The units left over are the amounts' total, in units, less the rounded-down units.
    var leftover: Bool
    /// Per area: rounding down by formula gives the program's whole units, with room to spare.
    var roundsDownLive: [Bool] = []
    /// Per area: the remainder is the amount in units less the whole units.
    var remainders: [Bool] = []
    /// The extra units go exactly to the largest remainders, ties to the first, with no near-tie at
    /// the cut-off: the RANK formula gives them out as the program did.
    var ranking: Bool = false
    /// Per area: the amount is the rounded-down amount plus its extra unit.
    var amounts: [Bool] = []
    /// Per area and indicator: the share formula's double result agrees with the exact share.
    var shareLive: [[Bool]] = []
    /// Per area: the blended share, the exact amount and the rounding adjustment as formulas agree.
    var blendedLive: [Bool] = []
    var exactLive: [Bool] = []
    var afterFloorLive: [Bool] = []
    var adjustmentLive: [Bool] = []
    /// Per column of the table: its total as a SUM agrees with the exact total.
    var totalLive: [Int: Bool] = [:]
    /// What the formula shares, `Pot` less the top-slices, as a formula reproduces it to the penny
    /// (true when there are no top-slices: the formula then shares the pot cell itself).
    var formulaPotLive = true
    /// The cell the exact amounts multiply: the pot, or what the formula shares after top-slices.
    var formulaPotBound = SpreadsheetBound(value: .zero, error: .zero)
    /// Some figure is entered by value because spreadsheet arithmetic could not reproduce it.
    var anyByValue: Bool { !everyStepIsLive || shareLive.contains { $0.contains(false) } || blendedLive.contains(false)
        || exactLive.contains(false) || afterFloorLive.contains(false) || adjustmentLive.contains(false) || totalLive.values.contains(false)
        || !formulaPotLive }

    var everyStepIsLive: Bool {
        !beforeRoundingColumn && leftover && ranking && (!floorColumns || factorFormula)
            && roundsDownLive.allSatisfy { $0 } && remaindersLive.allSatisfy { $0 } && amounts.allSatisfy { $0 }
    }

    init(_ a: Allocation) {
        let n = a.areas.count
        (floorColumns, factorFormula) = Self.flooring(a)
        leftover = false
        beforeRoundingColumn = !floorColumns && !a.areas.allSatisfy { $0.exactAmount == $0.formulaAmount }

        guard a.unit.pence > 0, let perUnit = try? Rational.one.divided(by: Rational(pence: a.unit)) else {
            roundsDownLive = Array(repeating: false, count: n)
            remainders = roundsDownLive
            amounts = roundsDownLive
            return
        }
        // What the spreadsheet computes, cell by cell, with its error bound (see SpreadsheetBound).
        checkFormulaPot(a)
        let blend = checkBlend(a)
        let baseCells = checkFloor(a, exactCells: blend.exact)
        let rounding = checkRounding(a, perUnit: perUnit, baseCells: baseCells)
        let k = a.indicators.count
        totalSums = [
            .values: (0..<k).map { blend.columnSums[$0].agrees },
            .shares: (0..<k).map { j in B.sum(blend.shares.map { $0[j] }).agrees },
            .blended: [B.sum(blend.blended).agrees],
            .exact: [B.sum(blend.exact).agrees],
            .base: [B.sum(baseCells).agrees],
            .roundedDown: [B.sum(rounding.down).agreesToThePenny],
            .remainder: [B.sum(rounding.remainders).agrees],
            .amount: [B.sum(amountBounds).agreesToThePenny],
            .adjustment: [B.sum(a.areas.indices.map { i in
                adjustmentLive[i] ? amountBounds[i] - baseCells[i] : B.stored(pence: Rational(pence: a.areas[i].amount) - a.areas[i].exactAmount)
            }).agrees],
        ]
    }

    typealias B = SpreadsheetBound

    /// Whether the floor and its scale factor explain every amount before rounding, and whether the
    /// factor is (pot − floors) ÷ the others' exact amounts, exactly.
    static func flooring(_ a: Allocation) -> (columns: Bool, factor: Bool) {
        guard let flooring = a.flooring, flooring.floor.pence > 0 else { return (false, false) }
        let floor = Rational(pence: flooring.floor)
        let columns = a.areas.allSatisfy { area in
            area.exactAmount == (area.isFloored ? floor : area.formulaAmount * flooring.factor)
        }
        let freeTotal = Rational.sum(a.areas.filter { !$0.isFloored }.map(\.formulaAmount))
        let floors = floor * Rational(a.areas.filter(\.isFloored).count)
        // What the formula shares, less the floors: with top-slices paid to floored areas the factor
        // is otherwise, and is then entered by value.
        guard !freeTotal.isZero, let expected = try? (Rational(pence: a.formulaPot) - floors).divided(by: freeTotal) else {
            return (columns, false)
        }
        return (columns, expected == flooring.factor)
    }

    /// What the formula shares: the pot, or `Pot` less the top-slices' cells (one SUM), by formula
    /// where that reproduces the program's figure to the penny.
    private mutating func checkFormulaPot(_ a: Allocation) {
        let pot = B.stored(a.pot)
        guard !a.topSlices.isEmpty else {
            formulaPotBound = pot
            return
        }
        let formula = pot - B.sum(a.topSlices.map { B.stored($0.amount) })
        formulaPotLive = formula.value == FormulaResult.money(a.formulaPot).sheetNumber && formula.agreesToThePenny
        formulaPotBound = formulaPotLive ? formula : B.stored(a.formulaPot)
    }

    /// The shares, blended shares and exact amounts as the spreadsheet computes them: which agree,
    /// and each cell's bound (the formula's where it agrees, the stored value's elsewhere).
    private mutating func checkBlend(_ a: Allocation) -> (columnSums: [B], shares: [[B]], blended: [B], exact: [B]) {
        let k = a.indicators.count
        let formulaPot = Rational(pence: a.formulaPot)
        let values = a.areas.map { $0.values.map { B.stored($0) } }
        let columnSums = (0..<k).map { j in B.sum(values.map { $0[j] }) }
        var shareCells: [[B]] = []
        for (i, area) in a.areas.enumerated() {
            var live: [Bool] = [], cells: [B] = []
            for j in 0..<k {
                let formula = values[i][j].divided(by: columnSums[j])
                let ok = formula.map { $0.value == area.shares[j] && $0.agrees } ?? false
                live.append(ok)
                cells.append((ok ? formula : nil) ?? B.stored(area.shares[j]))
            }
            shareLive.append(live)
            shareCells.append(cells)
        }
        let weights = a.indicators.map { B.stored($0.weight) }
        var blendedCells: [B] = []
        for (i, area) in a.areas.enumerated() {
            var blend: B? = nil
            for j in 0..<k { blend = blend.map { $0 + weights[j] * shareCells[i][j] } ?? weights[j] * shareCells[i][j] }
            let ok = blend.map { $0.value == area.blendedShare && $0.agrees } ?? false
            blendedLive.append(ok)
            blendedCells.append((ok ? blend : nil) ?? B.stored(area.blendedShare))
        }
        var exactCells: [B] = []
        for (i, area) in a.areas.enumerated() {
            let formula = formulaPotBound * blendedCells[i]
            let ok = area.formulaAmount == formulaPot * area.blendedShare && formula.agrees
            exactLive.append(ok)
            exactCells.append(ok ? formula : B.stored(pence: area.formulaAmount))
        }
        return (columnSums, shareCells, blendedCells, exactCells)
    }

    /// The amounts before rounding as the spreadsheet holds them: after the floor by formula where
    /// that agrees, else the program's values.
    private mutating func checkFloor(_ a: Allocation, exactCells: [B]) -> [B] {
        var baseCells = exactCells
        var factorLive = factorFormula
        if floorColumns, let flooring = a.flooring {
            let potCell = formulaPotBound
            let floorCell = B.stored(pence: Rational(pence: flooring.floor))
            let freeSum = B.sum(a.areas.indices.filter { !a.areas[$0].isFloored }.map { exactCells[$0] })
            let floored = Rational(a.areas.filter(\.isFloored).count)
            let factorFormulaBound = (potCell - B.stored(floored) * floorCell).divided(by: freeSum)
            factorLive = factorFormula && (factorFormulaBound.map { $0.value == flooring.factor && $0.agrees } ?? false)
            let factorCell = (factorLive ? factorFormulaBound : nil) ?? B.stored(flooring.factor)
            for (i, area) in a.areas.enumerated() {
                let cell = area.isFloored ? floorCell : exactCells[i] * factorCell
                afterFloorLive.append(cell.agrees)
                baseCells[i] = cell.agrees ? cell : B.stored(pence: area.exactAmount)
            }
        } else if beforeRoundingColumn {
            baseCells = a.areas.map { B.stored(pence: $0.exactAmount) }
        }
        factorFormula = factorLive
        return baseCells
    }

    /// The largest-remainder rounding as the spreadsheet does it: rounding down, remainders, the
    /// units left over, their ranking, the amounts and adjustments.
    private mutating func checkRounding(_ a: Allocation, perUnit: Rational, baseCells: [B]) -> (down: [B], remainders: [B]) {
        let n = a.areas.count
        let unitCell = B.stored(pence: Rational(pence: a.unit))
        let inUnits = a.areas.map { $0.exactAmount * perUnit }
        let whole = Rational(a.areas.reduce(Int128(0)) { $0 + Int128($1.wholeUnits) })
        let leftoverExact = Rational.sum(inUnits) - whole == Rational(a.leftoverUnits)
        remainders = a.areas.indices.map { a.areas[$0].remainder == inUnits[$0] - Rational(a.areas[$0].wholeUnits) }
        roundsDownLive = a.areas.indices.map { i in
            guard let units = baseCells[i].divided(by: unitCell) else { return false }
            return units.floorIsCertain && inUnits[i].floor() == Rational(a.areas[i].wholeUnits).numerator
                && units.value.floor() == Rational(a.areas[i].wholeUnits).numerator
        }
        let downCells = a.areas.indices.map { i in
            roundsDownLive[i] ? B.stored(Rational(a.areas[i].wholeUnits)) * unitCell
                : B.stored(pence: Rational(a.areas[i].wholeUnits) * Rational(pence: a.unit))
        }
        let remainderFormulas = a.areas.indices.map { i in (baseCells[i] - downCells[i]).divided(by: unitCell) }
        remaindersLive = a.areas.indices.map { i in remainders[i] && (remainderFormulas[i]?.agrees ?? false) }
        let remainderCells = a.areas.indices.map { i in
            (remaindersLive[i] ? remainderFormulas[i] : nil) ?? B.stored(a.areas[i].remainder)
        }
        let leftoverArgument = (B.sum(baseCells) - B.sum(downCells)).divided(by: unitCell)
        leftover = leftoverExact && (leftoverArgument?.roundsTo(Rational(a.leftoverUnits)) ?? false)
        let order = a.areas.indices.sorted { x, y in
            a.areas[x].remainder != a.areas[y].remainder ? a.areas[x].remainder > a.areas[y].remainder : x < y
        }
        let cut = Int(clamping: a.leftoverUnits)
        ranking = order.enumerated().allSatisfy { place, index in a.areas[index].receivesLeftoverUnit == (place < cut) }
        if ranking, cut > 0, cut < n {
            // RANK compares the remainder cells' doubles: the two either side of the cut must stay apart.
            let widest = remainderCells.map(\.error).max() ?? .zero
            let gap = a.areas[order[cut - 1]].remainder - a.areas[order[cut]].remainder
            ranking = gap > widest + widest
        }
        let amountsExact = a.areas.map { area in
            Int128(area.amount.pence) == (Int128(area.wholeUnits) + (area.receivesLeftoverUnit ? 1 : 0)) * Int128(a.unit.pence)
        }
        let amountCells = a.areas.indices.map { i in
            downCells[i] + B.stored(Rational(a.areas[i].receivesLeftoverUnit ? 1 : 0)) * unitCell
        }
        amounts = a.areas.indices.map { amountsExact[$0] && amountCells[$0].agreesToThePenny }
        amountBounds = a.areas.indices.map { amounts[$0] ? amountCells[$0] : B.stored(pence: Rational(pence: a.areas[$0].amount)) }
        adjustmentLive = a.areas.indices.map { (amountBounds[$0] - baseCells[$0]).agrees }
        return (downCells, remainderCells)
    }
    /// Per area: what the spreadsheet's Amount cell holds, bounded (for sheets that refer to it).
    var amountBounds: [SpreadsheetBound] = []
    /// Per area: the remainder formula agrees with the exact remainder.
    var remaindersLive: [Bool] = []
    /// Which column totals may be SUMs, by column kind (one entry per indicator for the first two).
    /// The columns with a total; `units` (the extra units, 0 or 1 each) has no entry in `totalSums`:
    /// a SUM of small whole numbers is always exact.
    enum TotalColumn: Hashable { case values, shares, blended, exact, base, roundedDown, remainder, amount, adjustment, units }
    var totalSums: [TotalColumn: [Bool]] = [:]
}
