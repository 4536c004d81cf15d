/// Comparison: the scenarios side by side, area by area, each amount a formula pointing at its
/// scenario sheet (so changing a weight there shows here), and each scenario's change from the
/// first; a chart of the amounts. Every formula is gated by `FormulaGate`, starting from the bound
/// of the scenario sheet's own Amount cell.
enum ComparisonSheet {
    static let name = "Comparison"

    /// `sheets` are the scenario sheets' names, in the scenarios' order; `amountCells` give, per
    /// scenario, each area's Amount cell on its sheet, and `amountBounds` what that cell holds, bounded.
    static func build(_ scenarios: [AllocationScenario], sheets: [String], amountCells: [[String: CellRef]],
                      amountBounds: [[String: SpreadsheetBound]] = [], _ names: inout [DefinedName]) -> SheetModel {
        var areas: [String] = []
        var seen: Set<String> = []
        for scenario in scenarios {
            for area in scenario.allocation.areas where seen.insert(area.name).inserted { areas.append(area.name) }
        }
        let s = scenarios.count
        let amountColumn = { (j: Int) in 1 + j }
        let changeColumn = { (j: Int) in s + j }  // j ≥ 1
        let columnCount = 1 + s + max(0, s - 1)

        var sheet = SheetBuilder()
        sheet.maxWidth = 24
        sheet.add([.text("Allocation scenarios compared", .title)])
        sheet.add([.text("Each scenario's amount per area (from its own sheet) and its change from \(scenarios.first?.name ?? "the first")."
                         + " Change a weight on a scenario's sheet and this sheet follows.", .subtitle)])
        sheet.addBlank()
        var titles = [String](repeating: "", count: columnCount)
        titles[0] = "Area"
        for (j, scenario) in scenarios.enumerated() {
            titles[amountColumn(j)] = scenario.name
            if j > 0 { titles[changeColumn(j)] = "Change: \(scenario.name)" }
        }
        let header = sheet.add(titles.map { .text($0, .header) })
        let first = sheet.nextRow
        var totals = [Money](repeating: .zero, count: s)
        var changeTotals = [Money](repeating: .zero, count: s)
        typealias B = SpreadsheetBound
        var gate = FormulaGate()
        var bounds: [Int: [B]] = [:]
        for area in areas {
            let r = sheet.nextRow
            var cells = [SheetCell](repeating: .empty, count: columnCount)
            cells[0] = .text(area)
            var amounts: [Money?] = []
            var amountBound: [B?] = []
            for (j, scenario) in scenarios.enumerated() {
                let amount = scenario.allocation.area(named: area)?.amount
                amounts.append(amount)
                amountBound.append(nil)
                if let amount, let cell = amountCells[j][area] {
                    let source = j < amountBounds.count ? amountBounds[j][area] : nil
                    let made = gate.cell("=" + cell.on(sheet: sheets[j]), .money(amount), .body, source ?? B.stored(amount))
                    cells[amountColumn(j)] = made.cell
                    amountBound[j] = made.bound
                    bounds[amountColumn(j), default: []].append(made.bound)
                    totals[j] = Money(pence: Int64(clamping: Int128(totals[j].pence) + Int128(amount.pence)))  // a pot: within the limit
                }
            }
            for j in 1..<max(1, s) {
                guard let base = amounts[0], let other = amounts[j] else { continue }
                let change = Money(pence: other.pence &- base.pence)
                changeTotals[j] = Money(pence: Int64(clamping: Int128(changeTotals[j].pence) + Int128(change.pence)))  // pot and last year: gated together
                let made = gate.cell(
                    "=\(CellRef(row: r, column: amountColumn(j)).a1)-\(CellRef(row: r, column: amountColumn(0)).a1)", .money(change),
                    .body, (amountBound[j] ?? B.stored(other)) - (amountBound[0] ?? B.stored(base)))
                cells[changeColumn(j)] = made.cell
                bounds[changeColumn(j), default: []].append(made.bound)
            }
            sheet.add(cells)
        }
        let last = sheet.nextRow - 1
        var totalCells = [SheetCell](repeating: SheetCell(.empty, .total), count: columnCount)
        totalCells[0] = .text("Total", .total)
        if last >= first {
            for j in 0..<s {
                totalCells[amountColumn(j)] = gate.cell("=SUM(\(CellArea(column: amountColumn(j), rows: first...last).a1))",
                                                        .money(totals[j]), .total, B.sum(bounds[amountColumn(j)] ?? [])).cell
                if j > 0 {
                    totalCells[changeColumn(j)] = gate.cell(
                        "=SUM(\(CellArea(column: changeColumn(j), rows: first...last).a1))", .money(changeTotals[j]), .total,
                        B.sum(bounds[changeColumn(j)] ?? [])).cell
                }
            }
        }
        sheet.add(totalCells)
        sheet.addBlank()
        sheet.add([.text("A blank means the scenario has no such area. Amounts are rounded; each scenario adds up to what it shares out (its pot less any top-slice kept centrally).", .note)])
        if gate.anyByValue { sheet.add([.text(FormulaGate.note, .note)]) }
        sheet.addBlank()
        let chartRow = sheet.nextRow
        var charts: [ChartModel] = []
        if last >= first {
            let categories = SheetArea(sheet: name, area: CellArea(column: 0, rows: first...last))
            charts.append(ChartModel(
                kind: .bar, title: "Amount by area in each scenario",
                series: scenarios.indices.map { j in
                    ChartModel.Series(name: scenarios[j].name, categories: categories,
                                      values: SheetArea(sheet: name, area: CellArea(column: amountColumn(j), rows: first...last)))
                },
                anchor: CellRef(row: chartRow, column: 0), widthScale: 2,
                heightScale: max(1.2, 0.4 + 0.12 * Double(areas.count) * Double(max(1, s)) / 2)))
            names.append(DefinedName("ComparedAmounts", SheetArea(sheet: name, area: CellArea(
                first: CellRef(row: first, column: 1), last: CellRef(row: last, column: s)))))
        }
        return SheetModel(name: name, title: "Allocation scenarios compared", rows: sheet.sheetRows,
                          columnWidths: sheet.widths, frozenRows: header + 1, frozenColumns: 1,
                          printTitleRows: header...header, charts: charts)
    }
}
