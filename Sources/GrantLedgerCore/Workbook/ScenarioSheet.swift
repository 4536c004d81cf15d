/// One allocation scenario, with its workings as live formulas a committee member can follow and
/// change: the indicator values; each share as `=B12/SUM(B$12:B$18)`; the blended share over the
/// weight cells; the exact amount `=Pot*H12`; the floor and its scale factor when there is one;
/// then the largest-remainder rounding, step by step, with the adjustment it made. Every formula is
/// cached with the program's exact figure from `Allocation`, so the sheet shows what `allocate`
/// prints even before a recalculation, and a recalculation shows the same.
///
/// A formula is written only where the program has checked, exactly, that it reproduces the
/// allocation's own figure; anywhere else the figure is entered as a value and a note says so. That
/// covers two cases. Spreadsheet arithmetic is binary, so rounding down an amount within a hair of a
/// whole unit, or ranking two remainders that nearly tie at the cut-off, could come out otherwise.
/// And an allocation may use steps this sheet does not spell out as formulas (top-slices paid to
/// areas, caps, damping): their results appear as the program computed them, in a "Before
/// rounding" column. Such a sheet is locked, with a note by the pot (`ScenarioSheet+Retained`): a
/// pot typed in would move the formula amounts past a floor the program met, with nothing to say so.
///
/// After the rounding come the amount per head and the change on last year (`+LastYear`); below the
/// total, the top-slices retained centrally and the pot, so the Amount column adds up to it.
enum ScenarioSheet {
    /// How near (in units) to a whole unit an amount may be before rounding it down is left to the
    /// program: far wider than the error of a few double-precision operations on amounts in pence.
    static func margin(units: Int64) -> Rational {
        let whole = Int128(units)
        return Rational(storage: .small(1, 1_000_000)) + Rational(whole < 0 ? -whole : whole)
            * Rational(storage: .small(1, 1_000_000_000_000))
    }

    /// The rows above the table, in order; their number fixes where the table starts. A top-slice
    /// is the `i`th of the allocation's; `formulaPot` (what the formula shares) follows them.
    enum Setting: Hashable { case pot, topSlice(Int), formulaPot, unit, floor, weightSum, leftover, factor }

    /// A scenario's sheet and each area's Amount cell on it, for the Comparison sheet's formulas.
    struct Built {
        let sheet: SheetModel
        /// By area name; a name that occurs twice points at its last row.
        let amountCells: [String: CellRef]
        /// The Amount cells of the rows below the areas that hold the top-slices retained centrally,
        /// by top-slice name (a name given twice has two).
        var retainedCells: [String: [CellRef]] = [:]
    }

    /// Where everything sits: the table's columns (the floor's or the before-rounding column only
    /// when the allocation needs them) and rows.
    struct Layout {
        let a: Allocation
        let check: ScenarioChecks
        let k: Int, n: Int
        let blended: Int, exact: Int
        let floored: Int?, afterFloor: Int?, beforeRounding: Int?
        let roundedDown: Int, remainder: Int, extra: Int, amount: Int, adjustment: Int
        /// After the rounding: the per-head base's own column (when no indicator's column is it),
        /// where the base is, the amount per head; last year, the change and the change as a percent.
        let perHeadBase: Int?, baseColumn: Int?, perHead: Int?
        let lastYear: Int?, change: Int?, changePercent: Int?
        let columnCount: Int
        let settings: [Setting]
        let weightRow: Int, header: Int, first: Int, last: Int
        /// What the program meets that the sheet's formulas do not re-run (floors, damping, …):
        /// when there is any, the sheet is locked and its inputs are not shaded as changeable.
        let lockedBy: [String]

        init(_ a: Allocation, _ check: ScenarioChecks, tableAt top: Int, byValueBelow: Bool = false) {
            self.a = a
            self.check = check
            k = a.indicators.count
            n = a.areas.count
            blended = 1 + 2 * k
            exact = blended + 1
            var next = exact + 1
            if check.floorColumns {
                (floored, afterFloor, beforeRounding) = (next, next + 1, nil)
                next += 2
            } else if check.beforeRoundingColumn {
                (floored, afterFloor, beforeRounding) = (nil, nil, next)
                next += 1
            } else {
                (floored, afterFloor, beforeRounding) = (nil, nil, nil)
            }
            (roundedDown, remainder, extra, amount, adjustment) = (next, next + 1, next + 2, next + 3, next + 4)
            next += 5
            (perHeadBase, baseColumn, perHead) = ScenarioSheet.perHeadColumns(a, at: &next)
            (lastYear, change, changePercent) = a.previousFile == nil ? (nil, nil, nil) : (next, next + 1, next + 2)
            columnCount = a.previousFile == nil ? next : next + 3
            var settings: [Setting] = [.pot]
            settings += a.topSlices.indices.map { Setting.topSlice($0) }
            if !a.topSlices.isEmpty { settings.append(.formulaPot) }
            settings.append(.unit)
            if check.floorColumns { settings.append(.floor) }
            settings += [.weightSum, .leftover]
            if check.floorColumns { settings.append(.factor) }
            self.settings = settings
            weightRow = top + settings.count + 1
            header = weightRow + 1
            first = header + 1
            last = first + n - 1
            lockedBy = ScenarioSheet.lockedBy(a, check, byValueBelow: byValueBelow)
        }

        func valueColumn(_ j: Int) -> Int { 1 + j }
        func shareColumn(_ j: Int) -> Int { 1 + k + j }
        var base: Int { afterFloor ?? beforeRounding ?? exact }
        /// A setting a reader may change: shaded, unless the sheet is locked.
        var inputLook: CellLook { lockedBy.isEmpty ? .input : .body }
        func column(_ c: Int) -> CellArea { CellArea(column: c, rows: first...last) }
        var weightArea: CellArea {
            CellArea(first: CellRef(row: weightRow, column: shareColumn(0)), last: CellRef(row: weightRow, column: shareColumn(max(0, k - 1))))
        }
    }

    /// `byValueBelow`: the per-head, change or retained cells went in by value on a first build, so
    /// the sheet is built again locked (a typed pot would leave them stale).
    static func build(_ a: Allocation, sheetName name: String, checks: ScenarioChecks? = nil,
                      stepsShownBy: String? = nil, reallocateBy: String? = nil, byValueBelow: Bool = false,
                      _ names: inout [DefinedName]) -> Built {
        let check = checks ?? ScenarioChecks(a)
        var sheet = SheetBuilder()
        sheet.maxWidth = 30
        sheet.add([.text("Allocation: \(a.sheetTitle)", .title)])
        sheet.add([.text(subtitle(a, check), .subtitle)])
        sheet.addBlank()

        let layout = Layout(a, check, tableAt: sheet.nextRow, byValueBelow: byValueBelow)
        var weightGate = FormulaGate()
        var rowOf: [Setting: Int] = [:]
        for setting in layout.settings {
            rowOf[setting] = sheet.add(settingRow(setting, at: sheet.nextRow, layout, reallocateBy: reallocateBy, &weightGate))
        }
        sheet.addBlank()
        sheet.add(weightsRow(layout))
        sheet.add(titles(layout).map { .text($0, .header) })
        let decimals = (0..<layout.k).map { j in a.areas.map { places($0.values[j]) }.max() ?? 0 }
        var amountCells: [String: CellRef] = [:]
        // The cells after the rounding (per head, last year) and below the total (retained, the pot).
        var gate = FormulaGate()
        var changes: [SpreadsheetBound] = []
        for (i, area) in a.areas.enumerated() {
            var cells = areaRow(i, layout, decimals)
            if let change = lastYearCells(&cells, i, layout, &gate) { changes.append(change) }
            amountCells[area.name] = CellRef(row: sheet.add(cells), column: layout.amount)
        }
        var totals = totalsRow(layout, decimals)
        lastYearTotals(&totals, layout, changes: changes, &gate)
        let totalsAt = sheet.add(totals)
        var retainedCells: [String: [CellRef]] = [:]
        for (slice, cells) in retainedRows(layout, totalsAt: totalsAt, rowOf, &gate) {
            let r = sheet.add(cells)
            if let slice { retainedCells[slice.name, default: []].append(CellRef(row: r, column: layout.amount)) }
        }

        // The lock is decided before the rows are made: if a cell below went in by value on an open
        // sheet, build it again locked, and say so (the names are added once, by the build kept).
        if layout.lockedBy.isEmpty && (weightGate.anyByValue || gate.anyByValue) {
            return build(a, sheetName: name, checks: check, stepsShownBy: stepsShownBy, reallocateBy: reallocateBy,
                         byValueBelow: true, &names)
        }
        sheet.addBlank()
        sheet.add([.text("How the amounts are worked out", .section)])
        let byValue = check.anyByValue || weightGate.anyByValue || gate.anyByValue
        for step in steps(a, check, byValue: byValue, shownBy: stepsShownBy) { sheet.add([.text(step, .note)]) }
        sheet.addBlank()
        let chartRow = sheet.nextRow
        addNames(&names, sheet: name, layout, rowOf)
        var model = SheetModel(name: name, title: "Allocation: \(a.sheetTitle)", rows: sheet.sheetRows,
                               columnWidths: sheet.widths, frozenRows: layout.header + 1, frozenColumns: 1,
                               printTitleRows: layout.header...layout.header, charts: chart(layout, sheet: name, at: chartRow))
        model.isLocked = !layout.lockedBy.isEmpty
        return Built(sheet: model, amountCells: amountCells, retainedCells: retainedCells)
    }

    /// The bar chart of the areas' amounts, below the notes.
    static func chart(_ layout: Layout, sheet name: String, at row: Int) -> [ChartModel] {
        guard layout.n > 0 else { return [] }
        let a = layout.a
        return [ChartModel(
            kind: .bar, title: "Amount by area: \(a.sheetTitle)",
            series: [ChartModel.Series(name: "Amount", categories: SheetArea(sheet: name, area: layout.column(0)),
                                       values: SheetArea(sheet: name, area: layout.column(layout.amount)), color: ChartModel.darkBlue)],
            anchor: CellRef(row: row, column: 0), widthScale: 2, heightScale: max(1, 0.4 + 0.12 * Double(layout.n)))]
    }

    static func subtitle(_ a: Allocation, _ check: ScenarioChecks) -> String {
        var subtitle = "\(a.pot) across \(WorkbookText.count(a.areas.count, "area")) of \(a.areaFile); weights "
            + ExactText.weights(a.indicators) + "; rounded to \(a.unit.formatted(.display)) by largest remainder"
        if let flooring = a.flooring, check.floorColumns { subtitle += "; floor \(flooring.floor)" }
        if let description = a.scenario?.summary, !description.isEmpty {
            subtitle = description + (description.hasSuffix(".") ? " " : ". ") + subtitle
        }
        return subtitle
    }

    /// One of the settings above the table, in row `r`.
    static func settingRow(_ setting: Setting, at r: Int, _ layout: Layout, reallocateBy: String? = nil,
                           _ weightGate: inout FormulaGate) -> [SheetCell] {
        let a = layout.a, check = layout.check
        switch setting {
        case .pot:
            return [.text("Pot", .label), .money(a.pot, layout.inputLook), .text(potNote(layout, reallocateBy: reallocateBy), .note)]
        case .topSlice(let i):
            let slice = a.topSlices[i]
            return [.text("Top-slice: \(slice.name)", .label), .money(slice.amount, layout.inputLook),
                    .text(slice.area.map { "paid to \($0), in its amount" } ?? "retained centrally: shown below the areas", .note)]
        case .formulaPot:
            let slices = CellArea(column: 1, rows: (r - a.topSlices.count)...(r - 1))
            return [.text("Shared by the formula", .label),
                    check.formulaPotLive ? .formula("=Pot-SUM(\(slices.a1))", .money(a.formulaPot)) : .money(a.formulaPot, CellLook.body.markedExact),
                    .text("the pot less the top-slices: what the blended shares divide", .note)]
        case .unit:
            return [.text("Rounding unit", .label), .money(a.unit, layout.inputLook), .text("amounts are whole multiples of this", .note)]
        case .floor:
            return [.text("Floor", .label), .money(a.flooring?.floor ?? .zero, layout.inputLook),
                    .text("every area receives at least this; the areas above it are scaled down to pay for it", .note)]
        case .weightSum:
            let weightSum = Rational.sum(a.indicators.map(\.weight))
            return [
                .text("Weights add up to", .label),
                layout.k > 0 ? weightGate.cell("=SUM(\(layout.weightArea.a1))", .percent(weightSum), CellLook.body.decimals(2),
                                               SpreadsheetBound.sum(a.indicators.map { SpreadsheetBound.stored($0.weight) })).cell : .empty,
                .formula("=IF(ROUND(B\(r + 1),9)=1,\"OK: the weights add up to 100%\",\"Check: the weights must add up to 100%\")",
                         .text(weightSum == .one ? "OK: the weights add up to 100%" : "Check: the weights must add up to 100%"), .note),
            ]
        case .leftover:
            let leftover = FormulaResult.count(Int(clamping: a.leftoverUnits))
            return [
                .text("Units left over", .label),
                layout.n > 0 && check.leftover
                    ? .formula("=ROUND((SUM(\(layout.column(layout.base).a1))-SUM(\(layout.column(layout.roundedDown).a1)))/Unit,0)", leftover)
                    : SheetCell(.count(Int(clamping: a.leftoverUnits)), CellLook.body.markedExact),
                .text("after every area is rounded down to whole units; they go one each to the largest remainders, "
                      + "ties to the area first in the file", .note),
            ]
        case .factor:
            let factor = a.flooring?.factor ?? .zero
            let floored = layout.column(layout.floored ?? 0).a1
            let pot = a.topSlices.isEmpty ? "Pot" : "FormulaPot"
            let formula = "=(\(pot)-COUNTIF(\(floored),\"Yes\")*FloorAmount)/SUMIF(\(floored),\"No\",\(layout.column(layout.exact).a1))"
            return [
                .text("Scale factor", .label),
                check.factorFormula ? .formula(formula, .number(factor), CellLook.body.decimals(9))
                    : SheetCell(.number(factor), CellLook.body.decimals(9).markedExact),
                .text("(\(a.topSlices.isEmpty ? "pot" : "what the formula shares") − floors) ÷ the exact amounts of the areas above "
                      + "the floor: what each of them is multiplied by", .note),
            ]
        }
    }

    /// The weights sit above the share columns they multiply.
    static func weightsRow(_ layout: Layout) -> [SheetCell] {
        var weights = [SheetCell](repeating: .empty, count: layout.columnCount)
        weights[0] = .text("Weight", .label)
        for (j, indicator) in layout.a.indicators.enumerated() {
            weights[layout.shareColumn(j)] = SheetCell(.percent(indicator.weight), layout.inputLook.decimals(2))
        }
        return weights
    }

    static func titles(_ layout: Layout) -> [String] {
        var titles = [String](repeating: "", count: layout.columnCount)
        titles[0] = "Area"
        for (j, indicator) in layout.a.indicators.enumerated() {
            titles[layout.valueColumn(j)] = indicator.name
            titles[layout.shareColumn(j)] = "\(indicator.name) share"
        }
        titles[layout.blended] = "Blended share"
        titles[layout.exact] = "Exact amount"
        if let floored = layout.floored, let afterFloor = layout.afterFloor {
            titles[floored] = "Floored"
            titles[afterFloor] = "After floor"
        }
        if let beforeRounding = layout.beforeRounding { titles[beforeRounding] = "Before rounding" }
        if let base = layout.perHeadBase { titles[base] = layout.a.perHeadColumn ?? "" }
        if let perHead = layout.perHead { titles[perHead] = "Per head" }
        if let lastYear = layout.lastYear, let change = layout.change, let percent = layout.changePercent {
            (titles[lastYear], titles[change], titles[percent]) = ("Last year", "Change", "Change %")
        }
        titles[layout.roundedDown] = "Rounded down"
        titles[layout.remainder] = "Remainder (units)"
        titles[layout.extra] = "Extra unit"
        titles[layout.amount] = "Amount"
        titles[layout.adjustment] = "Rounding adjustment"
        return titles
    }

    /// Area `i`'s row: values, shares, blended share and exact amount, then the rounding.
    static func areaRow(_ i: Int, _ layout: Layout, _ decimals: [Int]) -> [SheetCell] {
        let a = layout.a, check = layout.check, area = a.areas[i]
        let r = layout.first + i
        func ref(_ c: Int) -> String { CellRef(row: r, column: c).a1 }
        var cells = [SheetCell](repeating: .empty, count: layout.columnCount)
        cells[0] = .text(area.name)
        var blendTerms: [String] = []
        for j in 0..<layout.k {
            let valueColumn = layout.valueColumn(j), shareColumn = layout.shareColumn(j)
            cells[valueColumn] = SheetCell(.number(area.values[j]), CellLook.body.decimals(decimals[j]))
            cells[shareColumn] = check.shareLive[i][j]
                ? .formula("=\(ref(valueColumn))/SUM(\(layout.column(valueColumn).rowAbsolute))",
                           .percent(area.shares[j]), CellLook.body.decimals(4))
                : SheetCell(.percent(area.shares[j]), CellLook.body.decimals(4).markedExact)
            blendTerms.append("\(CellRef(row: layout.weightRow, column: shareColumn).absolute)*\(ref(shareColumn))")
        }
        cells[layout.blended] = layout.k > 0 && check.blendedLive[i]
            ? .formula("=" + blendTerms.joined(separator: "+"), .percent(area.blendedShare), CellLook.body.decimals(4))
            : SheetCell(.percent(area.blendedShare), CellLook.body.decimals(4).markedExact)
        cells[layout.exact] = check.exactLive[i]
            ? .formula("=\(a.topSlices.isEmpty ? "Pot" : "FormulaPot")*\(ref(layout.blended))", .preciseMoney(pence: area.formulaAmount))
            : SheetCell(.preciseMoney(pence: area.formulaAmount), CellLook.body.markedExact)
        if let floored = layout.floored, let afterFloor = layout.afterFloor {
            cells[floored] = .text(area.isFloored ? "Yes" : "No")
            cells[afterFloor] = check.afterFloorLive[i]
                ? .formula("=IF(\(ref(floored))=\"Yes\",FloorAmount,\(ref(layout.exact))*Factor)", .preciseMoney(pence: area.exactAmount))
                : SheetCell(.preciseMoney(pence: area.exactAmount), CellLook.body.markedExact)
        }
        if let beforeRounding = layout.beforeRounding { cells[beforeRounding] = SheetCell(.preciseMoney(pence: area.exactAmount)) }
        roundingCells(&cells, i, layout)
        return cells
    }

    /// Area `i`'s rounding: rounded down, remainder, extra unit, amount and adjustment.
    static func roundingCells(_ cells: inout [SheetCell], _ i: Int, _ layout: Layout) {
        let a = layout.a, check = layout.check, area = a.areas[i]
        let r = layout.first + i
        func ref(_ c: Int) -> String { CellRef(row: r, column: c).a1 }
        let base = layout.base, roundedDown = layout.roundedDown, remainder = layout.remainder
        let down = Money(pence: Int64(clamping: Int128(area.wholeUnits) * Int128(a.unit.pence)))  // at most the area's amount
        cells[roundedDown] = check.roundsDownLive[i]
            ? .formula("=ROUNDDOWN(\(ref(base))/Unit,0)*Unit", .money(down)) : .money(down, CellLook.body.markedExact)
        cells[remainder] = check.remaindersLive[i]
            ? .formula("=(\(ref(base))-\(ref(roundedDown)))/Unit", .number(area.remainder), CellLook.body.decimals(4))
            : SheetCell(.number(area.remainder), CellLook.body.decimals(4).markedExact)
        let extraUnits = area.receivesLeftoverUnit ? 1 : 0
        if check.ranking {
            let remainders = layout.column(remainder).rowAbsolute
            let upToHere = CellRef(row: layout.first, column: remainder).rowAbsolute + ":" + ref(remainder)
            cells[layout.extra] = .formula(
                "=IF(RANK(\(ref(remainder)),\(remainders))+COUNTIF(\(upToHere),\(ref(remainder)))-1<=Leftover,1,0)",
                .count(extraUnits))
        } else {
            cells[layout.extra] = .count(extraUnits, CellLook.body.markedExact)
        }
        cells[layout.amount] = check.amounts[i]
            ? .formula("=\(ref(roundedDown))+\(ref(layout.extra))*Unit", .money(area.amount))
            : .money(area.amount, CellLook.body.markedExact)
        let adjustment = SheetValue.preciseMoney(pence: Rational(pence: area.amount) - area.exactAmount)
        cells[layout.adjustment] = check.adjustmentLive[i]
            ? .formula("=\(ref(layout.amount))-\(ref(base))", .preciseMoney(pence: Rational(pence: area.amount) - area.exactAmount))
            : SheetCell(adjustment, CellLook.body.markedExact)
    }

    /// Totals: each column's sum, exactly what the parts add up to (the pot, one, the leftover units).
    static func totalsRow(_ layout: Layout, _ decimals: [Int]) -> [SheetCell] {
        let a = layout.a, check = layout.check
        var totals = [SheetCell](repeating: SheetCell(.empty, .total), count: layout.columnCount)
        totals[0] = .text(a.retainedSlices.isEmpty ? "Total" : "Total to areas", .total)
        guard layout.n > 0 else { return totals }
        // A total is a SUM only where spreadsheet arithmetic is sure to reproduce it.
        func sum(_ c: Int, _ result: FormulaResult, decimals: Int? = nil, _ kind: ScenarioChecks.TotalColumn, _ index: Int = 0) {
            var look = CellLook.total
            look.decimals = decimals
            let live = check.totalSums[kind].map { index < $0.count && $0[index] } ?? true
            totals[c] = live ? .formula("=SUM(\(layout.column(c).a1))", result, look) : SheetCell(result.value, look.markedExact)
        }
        for (j, indicator) in a.indicators.enumerated() {
            sum(layout.valueColumn(j), .number(indicator.total), decimals: decimals[j], .values, j)
            sum(layout.shareColumn(j), .percent(Rational.sum(a.areas.map { $0.shares[j] })), decimals: 4, .shares, j)
        }
        sum(layout.blended, .percent(Rational.sum(a.areas.map(\.blendedShare))), decimals: 4, .blended)
        sum(layout.exact, .preciseMoney(pence: Rational.sum(a.areas.map(\.formulaAmount))), .exact)
        if let column = layout.afterFloor ?? layout.beforeRounding {
            sum(column, .preciseMoney(pence: Rational.sum(a.areas.map(\.exactAmount))), .base)
        }
        let down = a.areas.reduce(Int128(0)) { $0 + Int128($1.wholeUnits) * Int128(a.unit.pence) }
        sum(layout.roundedDown, .money(Money(pence: Int64(clamping: down))), .roundedDown)
        sum(layout.remainder, .number(Rational.sum(a.areas.map(\.remainder))), decimals: 4, .remainder)
        sum(layout.extra, .count(a.areas.filter(\.receivesLeftoverUnit).count), .units)
        sum(layout.amount, .money(a.total), .amount)
        sum(layout.adjustment, .preciseMoney(pence: Rational(pence: a.total) - Rational.sum(a.areas.map(\.exactAmount))), .adjustment)
        return totals
    }

    /// How the amounts are worked out, step by step, as the sheet shows them.
    /// `shownBy` names where each further step can be seen (the caller's command), or nothing.
    static func steps(_ a: Allocation, _ check: ScenarioChecks, byValue: Bool, shownBy: String? = nil) -> [String] {
        let unit = a.unit.formatted(.display)
        var steps = [
            "1. Each indicator's share is the area's value divided by the column total.",
            "2. The blended share is the sum of weight × share over the indicators (the weights add up to 100%).",
            a.topSlices.isEmpty ? "3. The exact amount is the pot × the blended share, to a fraction of a penny."
                : "3. The exact amount is what the formula shares (the pot less the top-slices) × the blended share, to a "
                + "fraction of a penny.",
        ]
        if check.floorColumns {
            steps.append("4. Areas below the floor are lifted to it; the others are multiplied by the scale factor, so the "
                         + "amounts still add up to the pot.")
        } else if check.beforeRoundingColumn {
            steps.append("4. Before rounding: the amount after the scenario's further steps (top-slices, floors and caps, "
                         + "damping), as the program computed them exactly" + (shownBy.map { "; \($0) shows each step." } ?? "."))
        }
        steps.append("\(steps.count + 1). Each amount is rounded down to a whole \(unit); the units left over go one each to the areas "
                     + "with the largest remainders (ties to the area first in the file), so the amounts add up exactly.")
        steps.append("The rounding adjustment is the amount less the amount before rounding: what rounding gave or took.")
        if !a.retainedSlices.isEmpty {
            steps.append("The top-slices retained centrally are listed below the areas: with them the Amount column adds up to the pot.")
        }
        if let column = a.perHeadColumn { steps.append("Per head is the amount ÷ \(column), in pounds per head.") }
        if a.previousFile != nil {
            steps.append("Change is the amount less last year's, and as a percentage of last year's (n/a where last year's was nothing).")
        }
        if byValue {
            steps.append("Where spreadsheet arithmetic (binary, about 16 significant digits) cannot be sure to reproduce an "
                         + "exact figure — an amount too close to a whole \(unit), a near tie for the last units, or a large pot "
                         + "whose small differences are lost in rounding — the program's exact result is entered as a value "
                         + "rather than a formula" + (check.ranking ? "" : " (the extra units, here)") + ". " + FormulaGate.note)
        }
        steps.append("The program computed every figure exactly; the cells show them as a spreadsheet stores numbers.")
        return steps
    }

    /// The sheet's local names, which its formulas use.
    static func addNames(_ names: inout [DefinedName], sheet name: String, _ layout: Layout, _ rowOf: [Setting: Int]) {
        func local(_ title: String, _ row: Int?) {
            guard let row else { return }
            names.append(DefinedName(title, SheetArea(sheet: name, area: CellArea(column: 1, rows: row...row)), isLocal: true))
        }
        local("Pot", rowOf[.pot])
        local("FormulaPot", rowOf[.formulaPot])
        local("Unit", rowOf[.unit])
        local("FloorAmount", rowOf[.floor])
        local("Factor", rowOf[.factor])
        local("Leftover", rowOf[.leftover])
        if layout.k > 0 { names.append(DefinedName("Weights", SheetArea(sheet: name, area: layout.weightArea), isLocal: true)) }
        if layout.n > 0 {
            names.append(DefinedName("Amounts", SheetArea(sheet: name, area: layout.column(layout.amount)), isLocal: true))
            names.append(DefinedName("BlendedShares", SheetArea(sheet: name, area: layout.column(layout.blended)), isLocal: true))
        }
    }

    /// Decimal places the value is written with (0 for whole numbers), at most 6.
    static func places(_ value: Rational) -> Int {
        guard let text = value.terminatingDecimal(maxPlaces: 6) else { return 6 }
        guard let point = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: point, to: text.endIndex) - 1
    }
}
