/// One allocation scenario, with its workings as live formulas a committee member can follow and
/// change: the indicator values; each share as `=B12/SUM(B$12:B$18)`; the blended share over the
/// weight cells; the exact amount `=Pot*H12`; the floor and its scale factor when there is one;
/// then the largest-remainder rounding, step by step, with the adjustment it made. Every formula is
/// cached with the program's exact figure from `Allocation`, so the sheet shows what `allocate`
/// prints even before a recalculation, and a recalculation shows the same.
///
/// Spreadsheet arithmetic is binary, so two steps can come out differently from exact arithmetic
/// in rare cases: rounding down an amount that lies within a hair of a whole unit, and ranking two
/// remainders that nearly tie at the cut-off. There, and only there, the program writes its exact
/// result as a value (and says so in a note) instead of a formula that might disagree with it.
enum ScenarioSheet {
    /// How near (in units) to a whole unit an amount may be before rounding it down is left to the
    /// program: far wider than the error of a few double-precision operations on amounts in pence.
    static func margin(units: Int64) -> Rational {
        let whole = Int128(units)
        return Rational(storage: .small(1, 1_000_000)) + Rational(whole < 0 ? -whole : whole)
            * Rational(storage: .small(1, 1_000_000_000_000))
    }

    static func build(_ scenario: AllocationScenario, sheetName name: String, _ names: inout [DefinedName]) -> SheetModel {
        let a = scenario.allocation
        let k = a.indicators.count
        let n = a.areas.count
        let hasFloor = a.flooring != nil

        // Columns.
        let valueColumn = { (j: Int) in 1 + j }
        let shareColumn = { (j: Int) in 1 + k + j }
        let blended = 1 + 2 * k
        let exact = blended + 1
        var floored: Int?, afterFloor: Int?
        var next = exact + 1
        if hasFloor {
            floored = next
            afterFloor = next + 1
            next += 2
        }
        let base = afterFloor ?? exact
        let roundedDown = next, remainder = next + 1, extra = next + 2, amount = next + 3, adjustment = next + 4
        let columnCount = adjustment + 1

        var sheet = SheetBuilder()
        sheet.maxWidth = 30
        let unit = a.unit.formatted(.display)
        sheet.add([.text("Allocation: \(scenario.name)", .title)])
        var subtitle = "\(a.pot) across \(WorkbookText.count(n, "area")) of \(a.areaFile); weights "
            + ExactText.weights(a.indicators) + "; rounded to \(unit) by largest remainder"
        if let floor = a.floor { subtitle += "; floor \(floor)" }
        if let description = scenario.description, !description.isEmpty { subtitle = description + ". " + subtitle }
        sheet.add([.text(subtitle, .subtitle)])
        sheet.addBlank()

        // Settings, referred to by name from the table below.
        let potRow = sheet.add([.text("Pot", .label), .money(a.pot, .input),
                                .text("Change the pot or a weight (the shaded cells): every share, amount and rounding below follows.", .note)])
        let unitRow = sheet.add([.text("Rounding unit", .label), .money(a.unit, .input),
                                 .text("amounts are whole multiples of this", .note)])
        var floorRow: Int?
        if let floor = a.floor {
            floorRow = sheet.add([.text("Floor", .label), .money(floor, .input),
                                  .text("every area receives at least this; the areas above it are scaled down to pay for it", .note)])
        }
        // Rows below depend on where the table starts; count the settings rows first.
        let settingsRows = 2 + (hasFloor ? 1 : 0)
        let weightRow = sheet.nextRow + settingsRows + 1
        let header = weightRow + 1
        let first = header + 1
        let last = first + n - 1
        func column(_ c: Int, _ rows: ClosedRange<Int> = first...last) -> CellArea { CellArea(column: c, rows: rows) }
        let weightArea = CellArea(first: CellRef(row: weightRow, column: shareColumn(0)),
                                  last: CellRef(row: weightRow, column: shareColumn(max(0, k - 1))))

        let weightSum = Rational.sum(a.indicators.map(\.weight))
        sheet.add([
            .text("Weights add up to", .label),
            k > 0 ? .formula("=SUM(\(weightArea.a1))", .percent(weightSum), CellLook.body.decimals(2)) : .empty,
            .formula("=IF(ROUND(B\(sheet.nextRow + 1),9)=1,\"OK: the weights add up to 100%\",\"Check: the weights must add up to 100%\")",
                     .text(weightSum == .one ? "OK: the weights add up to 100%" : "Check: the weights must add up to 100%"), .note),
        ])
        let leftoverRow = sheet.add([
            .text("Units left over", .label),
            n > 0 ? .formula("=ROUND((Pot-SUM(\(column(roundedDown).a1)))/Unit,0)", .count(Int(a.leftoverUnits)))
                : .count(Int(a.leftoverUnits)),
            .text("after every area is rounded down to whole units; they go one each to the largest remainders, "
                  + "ties to the area first in the file", .note),
        ])
        var factorRow: Int?
        if let flooring = a.flooring, let floored {
            let allFloored = flooring.flooredCount == n
            factorRow = sheet.add([
                .text("Scale factor", .label),
                allFloored
                    ? SheetCell(.number(flooring.factor), CellLook.body.decimals(9))
                    : .formula("=(Pot-COUNTIF(\(column(floored).a1),\"Yes\")*FloorAmount)/SUMIF(\(column(floored).a1),\"No\",\(column(exact).a1))",
                               .number(flooring.factor), CellLook.body.decimals(9)),
                .text("(pot − floors) ÷ the exact amounts of the areas above the floor: what each of them is multiplied by", .note),
            ])
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
        titles[roundedDown] = "Rounded down"
        titles[remainder] = "Remainder (units)"
        titles[extra] = "Extra unit"
        titles[amount] = "Amount"
        titles[adjustment] = "Rounding adjustment"
        sheet.add(titles.map { .text($0, .header) })

        // Where binary arithmetic could disagree with the exact rounding (see the type's note).
        let margins = a.areas.map { margin(units: $0.wholeUnits) }
        let widest = margins.max() ?? .zero
        let order = a.areas.indices.sorted { x, y in
            a.areas[x].remainder != a.areas[y].remainder ? a.areas[x].remainder > a.areas[y].remainder : x < y
        }
        let leftover = Int(clamping: a.leftoverUnits)
        var rankingIsSafe = true
        if leftover > 0, leftover < n {
            let gap = a.areas[order[leftover - 1]].remainder - a.areas[order[leftover]].remainder
            rankingIsSafe = gap > widest + widest
        }
        var valuesWritten = 0
        let decimals = (0..<k).map { j in a.areas.map { places($0.values[j]) }.max() ?? 0 }

        for (i, area) in a.areas.enumerated() {
            let r = first + i
            func ref(_ c: Int) -> String { CellRef(row: r, column: c).a1 }
            var cells = [SheetCell](repeating: .empty, count: columnCount)
            cells[0] = .text(area.name)
            var blendTerms: [String] = []
            for j in 0..<k {
                cells[valueColumn(j)] = SheetCell(.number(area.values[j]), CellLook.body.decimals(decimals[j]))
                cells[shareColumn(j)] = .formula("=\(ref(valueColumn(j)))/SUM(\(column(valueColumn(j)).rowAbsolute))",
                                                 .percent(area.shares[j]), CellLook.body.decimals(4))
                blendTerms.append("\(CellRef(row: weightRow, column: shareColumn(j)).absolute)*\(ref(shareColumn(j)))")
            }
            cells[blended] = k > 0
                ? .formula("=" + blendTerms.joined(separator: "+"), .percent(area.blendedShare), CellLook.body.decimals(4))
                : SheetCell(.percent(area.blendedShare), CellLook.body.decimals(4))
            cells[exact] = .formula("=Pot*\(ref(blended))", .preciseMoney(pence: area.formulaAmount))
            if let floored, let afterFloor {
                cells[floored] = .text(area.isFloored ? "Yes" : "No")
                cells[afterFloor] = .formula("=IF(\(ref(floored))=\"Yes\",FloorAmount,\(ref(exact))*Factor)",
                                             .preciseMoney(pence: area.exactAmount))
            }
            let down = Money(pence: area.wholeUnits &* a.unit.pence)
            if area.remainder > margins[i] && Rational.one - area.remainder > margins[i] {
                cells[roundedDown] = .formula("=ROUNDDOWN(\(ref(base))/Unit,0)*Unit", .money(down))
            } else {
                cells[roundedDown] = .money(down)
                valuesWritten += 1
            }
            cells[remainder] = .formula("=(\(ref(base))-\(ref(roundedDown)))/Unit", .number(area.remainder),
                                        CellLook.body.decimals(4))
            let extraUnits = area.receivesLeftoverUnit ? 1 : 0
            if rankingIsSafe {
                let remainders = column(remainder).rowAbsolute
                let upToHere = CellRef(row: first, column: remainder).rowAbsolute + ":" + ref(remainder)
                cells[extra] = .formula(
                    "=IF(RANK(\(ref(remainder)),\(remainders))+COUNTIF(\(upToHere),\(ref(remainder)))-1<=Leftover,1,0)",
                    .count(extraUnits))
            } else {
                cells[extra] = .count(extraUnits)
            }
            cells[amount] = .formula("=\(ref(roundedDown))+\(ref(extra))*Unit", .money(area.amount))
            cells[adjustment] = .formula("=\(ref(amount))-\(ref(base))",
                                         .preciseMoney(pence: Rational(pence: area.amount) - area.exactAmount))
            sheet.add(cells)
        }

        // Totals: each column's sum, exactly what the parts add up to (the pot, one, the leftover units).
        var totals = [SheetCell](repeating: SheetCell(.empty, .total), count: columnCount)
        totals[0] = .text("Total", .total)
        if n > 0 {
            func sum(_ c: Int, _ result: FormulaResult, decimals: Int? = nil) {
                var look = CellLook.total
                look.decimals = decimals
                totals[c] = .formula("=SUM(\(column(c).a1))", result, look)
            }
            for (j, indicator) in a.indicators.enumerated() {
                sum(valueColumn(j), .number(indicator.total), decimals: decimals[j])
                sum(shareColumn(j), .percent(Rational.sum(a.areas.map { $0.shares[j] })), decimals: 4)
            }
            sum(blended, .percent(Rational.sum(a.areas.map(\.blendedShare))), decimals: 4)
            sum(exact, .preciseMoney(pence: Rational.sum(a.areas.map(\.formulaAmount))))
            if let afterFloor { sum(afterFloor, .preciseMoney(pence: Rational.sum(a.areas.map(\.exactAmount)))) }
            let downTotal = Money(pence: a.areas.reduce(0) { $0 &+ $1.wholeUnits &* a.unit.pence })
            sum(roundedDown, .money(downTotal))
            sum(remainder, .number(Rational.sum(a.areas.map(\.remainder))), decimals: 4)
            sum(extra, .count(a.areas.filter(\.receivesLeftoverUnit).count))
            sum(amount, .money(a.total))
            sum(adjustment, .preciseMoney(pence: Rational(pence: a.total) - Rational.sum(a.areas.map(\.exactAmount))))
        }
        sheet.add(totals)

        sheet.addBlank()
        sheet.add([.text("How the amounts are worked out", .section)])
        var steps = [
            "1. Each indicator's share is the area's value divided by the column total.",
            "2. The blended share is the sum of weight × share over the indicators (the weights add up to 100%).",
            "3. The exact amount is the pot × the blended share, to a fraction of a penny.",
        ]
        if hasFloor {
            steps.append("4. Areas below the floor are lifted to it; the others are multiplied by the scale factor, so the "
                         + "amounts still add up to the pot.")
        }
        steps.append("\(steps.count + 1). Each amount is rounded down to a whole \(unit); the units left over go one each to the areas "
                     + "with the largest remainders (ties to the area first in the file), so the amounts add up to the pot exactly.")
        steps.append("The rounding adjustment is the amount less the exact amount: what rounding gave or took.")
        if valuesWritten > 0 || !rankingIsSafe {
            steps.append("Where an exact figure lies too close to a whole \(unit) for spreadsheet arithmetic to round it "
                         + "reliably, the program's exact result is entered as a value rather than a formula"
                         + (rankingIsSafe ? "" : " (the extra units, here)") + ".")
        }
        steps.append("The program computed every figure exactly; the cells show them as a spreadsheet stores numbers.")
        for step in steps { sheet.add([.text(step, .note)]) }
        sheet.addBlank()
        let chartRow = sheet.nextRow

        func local(_ title: String, _ area: CellArea) { names.append(DefinedName(title, SheetArea(sheet: name, area: area), isLocal: true)) }
        local("Pot", CellArea(column: 1, rows: potRow...potRow))
        local("Unit", CellArea(column: 1, rows: unitRow...unitRow))
        if let floorRow { local("FloorAmount", CellArea(column: 1, rows: floorRow...floorRow)) }
        if let factorRow { local("Factor", CellArea(column: 1, rows: factorRow...factorRow)) }
        local("Leftover", CellArea(column: 1, rows: leftoverRow...leftoverRow))
        if k > 0 { local("Weights", weightArea) }
        var charts: [ChartModel] = []
        if n > 0 {
            local("Amounts", column(amount))
            local("BlendedShares", column(blended))
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
