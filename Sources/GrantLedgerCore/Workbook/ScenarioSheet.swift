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
/// And an allocation may use steps this sheet does not spell out as formulas (top-slices, caps,
/// damping): their results appear as the program computed them, in a "Before rounding" column.
enum ScenarioSheet {
    /// How near (in units) to a whole unit an amount may be before rounding it down is left to the
    /// program: far wider than the error of a few double-precision operations on amounts in pence.
    static func margin(units: Int64) -> Rational {
        let whole = Int128(units)
        return Rational(storage: .small(1, 1_000_000)) + Rational(whole < 0 ? -whole : whole)
            * Rational(storage: .small(1, 1_000_000_000_000))
    }

    /// The rows above the table, in order; their number fixes where the table starts.
    private enum Setting { case pot, unit, floor, weightSum, leftover, factor }

    static func build(_ scenario: AllocationScenario, sheetName name: String, checks: ScenarioChecks? = nil,
                      _ names: inout [DefinedName]) -> SheetModel {
        let a = scenario.allocation
        let k = a.indicators.count
        let n = a.areas.count
        let pot = Rational(pence: a.pot)
        let check = checks ?? ScenarioChecks(a)

        // Columns.
        let valueColumn = { (j: Int) in 1 + j }
        let shareColumn = { (j: Int) in 1 + k + j }
        let blended = 1 + 2 * k
        let exact = blended + 1
        var floored: Int?, afterFloor: Int?, beforeRounding: Int?
        var next = exact + 1
        if check.floorColumns {
            floored = next
            afterFloor = next + 1
            next += 2
        } else if check.beforeRoundingColumn {
            beforeRounding = next
            next += 1
        }
        let base = afterFloor ?? beforeRounding ?? exact
        let roundedDown = next, remainder = next + 1, extra = next + 2, amount = next + 3, adjustment = next + 4
        let columnCount = adjustment + 1

        var settings: [Setting] = [.pot, .unit]
        if check.floorColumns { settings.append(.floor) }
        settings += [.weightSum, .leftover]
        if check.floorColumns { settings.append(.factor) }

        var sheet = SheetBuilder()
        sheet.maxWidth = 30
        let unit = a.unit.formatted(.display)
        sheet.add([.text("Allocation: \(scenario.name)", .title)])
        var subtitle = "\(a.pot) across \(WorkbookText.count(n, "area")) of \(a.areaFile); weights "
            + ExactText.weights(a.indicators) + "; rounded to \(unit) by largest remainder"
        if let flooring = a.flooring, check.floorColumns { subtitle += "; floor \(flooring.floor)" }
        if let description = scenario.description, !description.isEmpty {
            subtitle = description + (description.hasSuffix(".") ? " " : ". ") + subtitle
        }
        sheet.add([.text(subtitle, .subtitle)])
        sheet.addBlank()

        let weightRow = sheet.nextRow + settings.count + 1
        let header = weightRow + 1
        let first = header + 1
        let last = first + n - 1
        func column(_ c: Int, _ rows: ClosedRange<Int> = first...last) -> CellArea { CellArea(column: c, rows: rows) }
        let weightArea = CellArea(first: CellRef(row: weightRow, column: shareColumn(0)),
                                  last: CellRef(row: weightRow, column: shareColumn(max(0, k - 1))))
        let weightSum = Rational.sum(a.indicators.map(\.weight))
        let live = check.everyStepIsLive
        var rowOf: [Setting: Int] = [:]
        var weightGate = FormulaGate()
        for setting in settings {
            let r = sheet.nextRow
            rowOf[setting] = r
            switch setting {
            case .pot:
                sheet.add([.text("Pot", .label), .money(a.pot, .input), .text(live
                    ? "Change the pot or a weight (the shaded cells): every share, amount and rounding below follows."
                    : "Change the pot or a weight (the shaded cells): the shares and amounts that are formulas follow.", .note)])
            case .unit:
                sheet.add([.text("Rounding unit", .label), .money(a.unit, .input), .text("amounts are whole multiples of this", .note)])
            case .floor:
                sheet.add([.text("Floor", .label), .money(a.flooring?.floor ?? .zero, .input),
                           .text("every area receives at least this; the areas above it are scaled down to pay for it", .note)])
            case .weightSum:
                sheet.add([
                    .text("Weights add up to", .label),
                    k > 0 ? weightGate.cell("=SUM(\(weightArea.a1))", .percent(weightSum), CellLook.body.decimals(2),
                                            SpreadsheetBound.sum(a.indicators.map { SpreadsheetBound.stored($0.weight) })).cell : .empty,
                    .formula("=IF(ROUND(B\(r + 1),9)=1,\"OK: the weights add up to 100%\",\"Check: the weights must add up to 100%\")",
                             .text(weightSum == .one ? "OK: the weights add up to 100%" : "Check: the weights must add up to 100%"), .note),
                ])
            case .leftover:
                let leftover = FormulaResult.count(Int(clamping: a.leftoverUnits))
                sheet.add([
                    .text("Units left over", .label),
                    n > 0 && check.leftover
                        ? .formula("=ROUND((SUM(\(column(base).a1))-SUM(\(column(roundedDown).a1)))/Unit,0)", leftover)
                        : SheetCell(.count(Int(clamping: a.leftoverUnits)), CellLook.body.markedExact),
                    .text("after every area is rounded down to whole units; they go one each to the largest remainders, "
                          + "ties to the area first in the file", .note),
                ])
            case .factor:
                let factor = a.flooring?.factor ?? .zero
                let formula = "=(Pot-COUNTIF(\(column(floored ?? 0).a1),\"Yes\")*FloorAmount)/SUMIF(\(column(floored ?? 0).a1),\"No\",\(column(exact).a1))"
                sheet.add([
                    .text("Scale factor", .label),
                    check.factorFormula ? .formula(formula, .number(factor), CellLook.body.decimals(9))
                        : SheetCell(.number(factor), CellLook.body.decimals(9).markedExact),
                    .text("(pot − floors) ÷ the exact amounts of the areas above the floor: what each of them is multiplied by", .note),
                ])
            }
        }
        sheet.addBlank()

        // The weights sit above the share columns they multiply.
        var weights = [SheetCell](repeating: .empty, count: columnCount)
        weights[0] = .text("Weight", .label)
        for (j, indicator) in a.indicators.enumerated() {
            weights[shareColumn(j)] = SheetCell(.percent(indicator.weight), CellLook.input.decimals(2))
        }
        sheet.add(weights)

        var titles = [String](repeating: "", count: columnCount)
        titles[0] = "Area"
        for (j, indicator) in a.indicators.enumerated() {
            titles[valueColumn(j)] = indicator.name
            titles[shareColumn(j)] = "\(indicator.name) share"
        }
        titles[blended] = "Blended share"
        titles[exact] = "Exact amount"
        if let floored, let afterFloor {
            titles[floored] = "Floored"
            titles[afterFloor] = "After floor"
        }
        if let beforeRounding { titles[beforeRounding] = "Before rounding" }
        titles[roundedDown] = "Rounded down"
        titles[remainder] = "Remainder (units)"
        titles[extra] = "Extra unit"
        titles[amount] = "Amount"
        titles[adjustment] = "Rounding adjustment"
        sheet.add(titles.map { .text($0, .header) })

        let decimals = (0..<k).map { j in a.areas.map { places($0.values[j]) }.max() ?? 0 }
        for (i, area) in a.areas.enumerated() {
            let r = first + i
            func ref(_ c: Int) -> String { CellRef(row: r, column: c).a1 }
            var cells = [SheetCell](repeating: .empty, count: columnCount)
            cells[0] = .text(area.name)
            var blendTerms: [String] = []
            for j in 0..<k {
                cells[valueColumn(j)] = SheetCell(.number(area.values[j]), CellLook.body.decimals(decimals[j]))
                cells[shareColumn(j)] = check.shareLive[i][j]
                    ? .formula("=\(ref(valueColumn(j)))/SUM(\(column(valueColumn(j)).rowAbsolute))",
                               .percent(area.shares[j]), CellLook.body.decimals(4))
                    : SheetCell(.percent(area.shares[j]), CellLook.body.decimals(4).markedExact)
                blendTerms.append("\(CellRef(row: weightRow, column: shareColumn(j)).absolute)*\(ref(shareColumn(j)))")
            }
            cells[blended] = k > 0 && check.blendedLive[i]
                ? .formula("=" + blendTerms.joined(separator: "+"), .percent(area.blendedShare), CellLook.body.decimals(4))
                : SheetCell(.percent(area.blendedShare), CellLook.body.decimals(4).markedExact)
            cells[exact] = check.exactLive[i]
                ? .formula("=Pot*\(ref(blended))", .preciseMoney(pence: area.formulaAmount))
                : SheetCell(.preciseMoney(pence: area.formulaAmount), CellLook.body.markedExact)
            if let floored, let afterFloor {
                cells[floored] = .text(area.isFloored ? "Yes" : "No")
                cells[afterFloor] = check.afterFloorLive[i]
                    ? .formula("=IF(\(ref(floored))=\"Yes\",FloorAmount,\(ref(exact))*Factor)", .preciseMoney(pence: area.exactAmount))
                    : SheetCell(.preciseMoney(pence: area.exactAmount), CellLook.body.markedExact)
            }
            if let beforeRounding { cells[beforeRounding] = SheetCell(.preciseMoney(pence: area.exactAmount)) }
            let down = Money(pence: Int64(clamping: Int128(area.wholeUnits) * Int128(a.unit.pence)))  // at most the area's amount
            cells[roundedDown] = check.roundsDownLive[i]
                ? .formula("=ROUNDDOWN(\(ref(base))/Unit,0)*Unit", .money(down)) : .money(down, CellLook.body.markedExact)
            cells[remainder] = check.remaindersLive[i]
                ? .formula("=(\(ref(base))-\(ref(roundedDown)))/Unit", .number(area.remainder), CellLook.body.decimals(4))
                : SheetCell(.number(area.remainder), CellLook.body.decimals(4).markedExact)
            let extraUnits = area.receivesLeftoverUnit ? 1 : 0
            if check.ranking {
                let remainders = column(remainder).rowAbsolute
                let upToHere = CellRef(row: first, column: remainder).rowAbsolute + ":" + ref(remainder)
                cells[extra] = .formula(
                    "=IF(RANK(\(ref(remainder)),\(remainders))+COUNTIF(\(upToHere),\(ref(remainder)))-1<=Leftover,1,0)",
                    .count(extraUnits))
            } else {
                cells[extra] = .count(extraUnits, CellLook.body.markedExact)
            }
            cells[amount] = check.amounts[i]
                ? .formula("=\(ref(roundedDown))+\(ref(extra))*Unit", .money(area.amount)) : .money(area.amount, CellLook.body.markedExact)
            let adjustmentValue = SheetValue.preciseMoney(pence: Rational(pence: area.amount) - area.exactAmount)
            cells[adjustment] = check.adjustmentLive[i]
                ? .formula("=\(ref(amount))-\(ref(base))", .preciseMoney(pence: Rational(pence: area.amount) - area.exactAmount))
                : SheetCell(adjustmentValue, CellLook.body.markedExact)
            sheet.add(cells)
        }

        // Totals: each column's sum, exactly what the parts add up to (the pot, one, the leftover units).
        var totals = [SheetCell](repeating: SheetCell(.empty, .total), count: columnCount)
        totals[0] = .text("Total", .total)
        if n > 0 {
            // A total is a SUM only where spreadsheet arithmetic is sure to reproduce it.
            func sum(_ c: Int, _ result: FormulaResult, decimals: Int? = nil, _ kind: ScenarioChecks.TotalColumn, _ index: Int = 0) {
                var look = CellLook.total
                look.decimals = decimals
                let live = check.totalSums[kind].map { index < $0.count && $0[index] } ?? true
                totals[c] = live ? .formula("=SUM(\(column(c).a1))", result, look) : SheetCell(result.value, look.markedExact)
            }
            for (j, indicator) in a.indicators.enumerated() {
                sum(valueColumn(j), .number(indicator.total), decimals: decimals[j], .values, j)
                sum(shareColumn(j), .percent(Rational.sum(a.areas.map { $0.shares[j] })), decimals: 4, .shares, j)
            }
            sum(blended, .percent(Rational.sum(a.areas.map(\.blendedShare))), decimals: 4, .blended)
            sum(exact, .preciseMoney(pence: Rational.sum(a.areas.map(\.formulaAmount))), .exact)
            if let column = afterFloor ?? beforeRounding {
                sum(column, .preciseMoney(pence: Rational.sum(a.areas.map(\.exactAmount))), .base)
            }
            sum(roundedDown, .money(Money(pence: Int64(clamping: a.areas.reduce(Int128(0)) { $0 + Int128($1.wholeUnits) * Int128(a.unit.pence) }))), .roundedDown)
            sum(remainder, .number(Rational.sum(a.areas.map(\.remainder))), decimals: 4, .remainder)
            sum(extra, .count(a.areas.filter(\.receivesLeftoverUnit).count), .units)
            sum(amount, .money(a.total), .amount)
            sum(adjustment, .preciseMoney(pence: Rational(pence: a.total) - Rational.sum(a.areas.map(\.exactAmount))), .adjustment)
        }
        sheet.add(totals)

        sheet.addBlank()
        sheet.add([.text("How the amounts are worked out", .section)])
        var steps = [
            "1. Each indicator's share is the area's value divided by the column total.",
            "2. The blended share is the sum of weight × share over the indicators (the weights add up to 100%).",
            "3. The exact amount is the pot × the blended share, to a fraction of a penny.",
        ]
        if check.floorColumns {
            steps.append("4. Areas below the floor are lifted to it; the others are multiplied by the scale factor, so the "
                         + "amounts still add up to the pot.")
        } else if check.beforeRoundingColumn {
            steps.append("4. Before rounding: the amount after the scenario's further steps (top-slices, floors and caps, "
                         + "damping), as the program computed them exactly; `grantledger allocate --explain AREA` shows each step.")
        }
        steps.append("\(steps.count + 1). Each amount is rounded down to a whole \(unit); the units left over go one each to the areas "
                     + "with the largest remainders (ties to the area first in the file), so the amounts add up exactly.")
        steps.append("The rounding adjustment is the amount less the amount before rounding: what rounding gave or took.")
        if check.anyByValue || weightGate.anyByValue {
            steps.append("Where spreadsheet arithmetic (binary, about 16 significant digits) cannot be sure to reproduce an "
                         + "exact figure — an amount too close to a whole \(unit), a near tie for the last units, or a large pot "
                         + "whose small differences are lost in rounding — the program's exact result is entered as a value "
                         + "rather than a formula" + (check.ranking ? "" : " (the extra units, here)") + ". " + FormulaGate.note)
        }
        steps.append("The program computed every figure exactly; the cells show them as a spreadsheet stores numbers.")
        for step in steps { sheet.add([.text(step, .note)]) }
        sheet.addBlank()
        let chartRow = sheet.nextRow

        func local(_ title: String, _ row: Int?) {
            guard let row else { return }
            names.append(DefinedName(title, SheetArea(sheet: name, area: CellArea(column: 1, rows: row...row)), isLocal: true))
        }
        local("Pot", rowOf[.pot])
        local("Unit", rowOf[.unit])
        local("FloorAmount", rowOf[.floor])
        local("Factor", rowOf[.factor])
        local("Leftover", rowOf[.leftover])
        if k > 0 { names.append(DefinedName("Weights", SheetArea(sheet: name, area: weightArea), isLocal: true)) }
        var charts: [ChartModel] = []
        if n > 0 {
            names.append(DefinedName("Amounts", SheetArea(sheet: name, area: column(amount)), isLocal: true))
            names.append(DefinedName("BlendedShares", SheetArea(sheet: name, area: column(blended)), isLocal: true))
            charts.append(ChartModel(
                kind: .bar, title: "Amount by area: \(scenario.name)",
                series: [ChartModel.Series(name: "Amount", categories: SheetArea(sheet: name, area: column(0)),
                                           values: SheetArea(sheet: name, area: column(amount)), color: ChartModel.darkBlue)],
                anchor: CellRef(row: chartRow, column: 0), widthScale: 2,
                heightScale: max(1, 0.4 + 0.12 * Double(n))))
        }
        return SheetModel(name: name, title: "Allocation: \(scenario.name)", rows: sheet.sheetRows,
                          columnWidths: sheet.widths, frozenRows: header + 1, frozenColumns: 1,
                          printTitleRows: header...header, charts: charts)
    }

    /// Decimal places the value is written with (0 for whole numbers), at most 6.
    static func places(_ value: Rational) -> Int {
        guard let text = value.terminatingDecimal(maxPlaces: 6) else { return 6 }
        guard let point = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: point, to: text.endIndex) - 1
    }
}
