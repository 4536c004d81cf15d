/// Comparison: the scenarios side by side, area by area, each amount a formula pointing at its
/// scenario sheet (so changing a weight there shows here), and each scenario's change from the
/// first; a chart of the amounts. Every formula is gated by `FormulaGate`, starting from the bound
/// of the scenario sheet's own Amount cell.
enum ComparisonSheet {
    static let name = "Comparison"
    typealias B = SpreadsheetBound

    /// The table being built: where each scenario's columns sit, and what its rows add up to so far.
    struct Table {
        let scenarios: [Allocation]
        /// The scenario sheets' names, in the scenarios' order.
        let sheets: [String]
        let amountCells: [[String: CellRef]]
        let amountBounds: [[String: B]]
        /// Per scenario, the Amount cells of its sheet's retained rows, by top-slice name.
        var retainedCells: [[String: [CellRef]]] = []
        var gate = FormulaGate()
        var bounds: [Int: [B]] = [:]
        /// Per column, what its total and retained cells hold, bounded: what the pot row adds up.
        var belowBounds: [Int: [B]] = [:]
        var totals: [Money]
        var changeTotals: [Money]

        init(_ scenarios: [Allocation], sheets: [String], amountCells: [[String: CellRef]], amountBounds: [[String: B]]) {
            self.scenarios = scenarios
            self.sheets = sheets
            self.amountCells = amountCells
            self.amountBounds = amountBounds
            totals = Array(repeating: .zero, count: scenarios.count)
            changeTotals = totals
        }

        var s: Int { scenarios.count }
        func amountColumn(_ j: Int) -> Int { 1 + j }
        /// j ≥ 1
        func changeColumn(_ j: Int) -> Int { s + j }
        var columnCount: Int { 1 + s + max(0, s - 1) }
    }

    /// `sheets` are the scenario sheets' names, in the scenarios' order; `amountCells` give, per
    /// scenario, each area's Amount cell on its sheet, and `amountBounds` what that cell holds, bounded.
    /// Totals and changes use the reports' checked `plus` and `minus`: parts of pots cannot overflow
    /// them, and were one to, it comes back as `ReportError.overflow` (a diagnostic), never a clamp.
    /// `retainedCells` give, per scenario, the Amount cells of its sheet's rows for the top-slices it
    /// retains centrally, by name: the Comparison's retained rows point at them.
    static func build(_ scenarios: [Allocation], sheets: [String], amountCells: [[String: CellRef]],
                      amountBounds: [[String: SpreadsheetBound]] = [], retainedCells: [[String: [CellRef]]] = [],
                      _ names: inout [DefinedName]) throws(ReportError) -> SheetModel {
        var areas: [String] = []
        var seen: Set<String> = []
        for scenario in scenarios {
            for area in scenario.areas where seen.insert(area.name).inserted { areas.append(area.name) }
        }
        var table = Table(scenarios, sheets: sheets, amountCells: amountCells, amountBounds: amountBounds)
        table.retainedCells = retainedCells
        let s = table.s

        var sheet = SheetBuilder()
        sheet.maxWidth = 24
        sheet.add([.text("Allocation scenarios compared", .title)])
        sheet.add([.text("Each scenario's amount per area (from its own sheet) and its change from \(scenarios.first?.sheetTitle ?? "the first")."
                         + " Change a weight on a scenario's sheet and this sheet follows.", .subtitle)])
        sheet.addBlank()
        var titles = [String](repeating: "", count: table.columnCount)
        titles[0] = "Area"
        for (j, scenario) in scenarios.enumerated() {
            titles[table.amountColumn(j)] = scenario.sheetTitle
            if j > 0 { titles[table.changeColumn(j)] = "Change: \(scenario.sheetTitle)" }
        }
        let header = sheet.add(titles.map { .text($0, .header) })
        let first = sheet.nextRow
        for area in areas { sheet.add(try areaRow(area, at: sheet.nextRow, &table)) }
        let last = sheet.nextRow - 1
        let rows = last >= first ? first...last : nil
        let totalsAt = sheet.add(totalsRow(rows, &table))
        for cells in retainedRows(AllocationComparison(scenarios), totalsAt: totalsAt, hasAreas: rows != nil, &table) { sheet.add(cells) }
        sheet.addBlank()
        sheet.add([.text("A blank means the scenario has no such area. Amounts are rounded; each scenario's areas add up to what it "
                         + "shares out, and with what it retains centrally (the rows below the total) to its pot.", .note)])
        if table.gate.anyByValue { sheet.add([.text(FormulaGate.note, .note)]) }
        sheet.addBlank()
        let chartRow = sheet.nextRow
        var charts: [ChartModel] = []
        if let rows {
            let categories = SheetArea(sheet: name, area: CellArea(column: 0, rows: rows))
            charts.append(ChartModel(
                kind: .bar, title: "Amount by area in each scenario",
                series: scenarios.indices.map { j in
                    ChartModel.Series(name: scenarios[j].sheetTitle, categories: categories,
                                      values: SheetArea(sheet: name, area: CellArea(column: table.amountColumn(j), rows: rows)))
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

    /// One area's row: its amount in each scenario (pointing at that scenario's sheet) and the changes from the first.
    static func areaRow(_ area: String, at r: Int, _ table: inout Table) throws(ReportError) -> [SheetCell] {
        var cells = [SheetCell](repeating: .empty, count: table.columnCount)
        cells[0] = .text(area)
        var amounts: [Money?] = []
        var amountBound: [B?] = []
        for (j, scenario) in table.scenarios.enumerated() {
            let amount = scenario.area(named: area)?.amount
            amounts.append(amount)
            amountBound.append(nil)
            if let amount, let cell = table.amountCells[j][area] {
                let source = j < table.amountBounds.count ? table.amountBounds[j][area] : nil
                let made = table.gate.cell("=" + cell.on(sheet: table.sheets[j]), .money(amount), .body, source ?? B.stored(amount))
                cells[table.amountColumn(j)] = made.cell
                amountBound[j] = made.bound
                table.bounds[table.amountColumn(j), default: []].append(made.bound)
                // Each area once: parts of one pot, within `Money.spreadsheetLimit`, so the checked sum cannot overflow.
                table.totals[j] = try table.totals[j].plus(amount, "compared allocation")
            }
        }
        for j in 1..<max(1, table.s) {
            guard let base = amounts[0], let other = amounts[j] else { continue }
            // Two parts of pots, each in 0...`Money.spreadsheetLimit`: the difference is within ±the limit.
            let change = try other.minus(base, "compared allocation's change")
            // The sum of one scenario's parts less another's, each in 0...the limit: within ±the limit too.
            table.changeTotals[j] = try table.changeTotals[j].plus(change, "compared allocation's change")
            // Pot and last year: gated together.
            let made = table.gate.cell(
                "=\(CellRef(row: r, column: table.amountColumn(j)).a1)-\(CellRef(row: r, column: table.amountColumn(0)).a1)",
                .money(change), .body, (amountBound[j] ?? B.stored(other)) - (amountBound[0] ?? B.stored(base)))
            cells[table.changeColumn(j)] = made.cell
            table.bounds[table.changeColumn(j), default: []].append(made.bound)
        }
        return cells
    }

    /// The totals: a SUM of each column over the area rows, when there are any.
    static func totalsRow(_ rows: ClosedRange<Int>?, _ table: inout Table) -> [SheetCell] {
        var cells = [SheetCell](repeating: SheetCell(.empty, .total), count: table.columnCount)
        cells[0] = .text(table.scenarios.allSatisfy { $0.retainedSlices.isEmpty } ? "Total" : "Total to areas", .total)
        guard let rows else { return cells }
        func sum(_ column: Int, _ total: Money) {
            let made = table.gate.cell("=SUM(\(CellArea(column: column, rows: rows).a1))", .money(total), .total,
                                       B.sum(table.bounds[column] ?? []))
            cells[column] = made.cell
            table.belowBounds[column] = [made.bound]
        }
        for j in 0..<table.s {
            sum(table.amountColumn(j), table.totals[j])
            if j > 0 { sum(table.changeColumn(j), table.changeTotals[j]) }
        }
        return cells
    }

    /// Below the total: a row per top-slice name any scenario retains centrally (each scenario's
    /// amount pointing at its sheet's retained row, £0.00 where it has none), then the pot as the SUM
    /// of the total and those rows, with the changes from the first scenario; none when nothing is retained.
    static func retainedRows(_ comparison: AllocationComparison, totalsAt: Int, hasAreas: Bool,
                             _ table: inout Table) -> [[SheetCell]] {
        guard !comparison.retainedNames.isEmpty, hasAreas else { return [] }
        var rows: [[SheetCell]] = []
        for (n, name) in comparison.retainedNames.enumerated() {
            let r = totalsAt + 1 + n
            var cells = [SheetCell](repeating: .empty, count: table.columnCount)
            cells[0] = .text("Retained centrally: \(name)")
            var bound: [B] = []
            for j in 0..<table.s {
                let amount = comparison.retained[n][j]
                let sources = j < table.retainedCells.count ? table.retainedCells[j][name] ?? [] : []
                let made = sources.isEmpty ? (cell: SheetCell.money(amount), bound: B.stored(amount))
                    : table.gate.cell("=" + sources.map { $0.on(sheet: table.sheets[j]) }.joined(separator: "+"), .money(amount), .body,
                                      B.sum(table.scenarios[j].retainedSlices.filter { $0.name == name }.map { B.stored($0.amount) }))
                cells[table.amountColumn(j)] = made.cell
                table.belowBounds[table.amountColumn(j), default: []].append(made.bound)
                bound.append(made.bound)
                guard j > 0 else { continue }
                let change = table.gate.cell(
                    "=\(CellRef(row: r, column: table.amountColumn(j)).a1)-\(CellRef(row: r, column: table.amountColumn(0)).a1)",
                    .money(comparison.retainedDifference(name: n, scenario: j)), .body, bound[j] - bound[0])
                cells[table.changeColumn(j)] = change.cell
                table.belowBounds[table.changeColumn(j), default: []].append(change.bound)
            }
            rows.append(cells)
        }
        var pot = [SheetCell](repeating: .empty, count: table.columnCount)
        pot[0] = .text("Pot", .total)
        let span = totalsAt...(totalsAt + rows.count)
        func sum(_ column: Int, _ result: Money) {
            pot[column] = table.gate.cell("=SUM(\(CellArea(column: column, rows: span).a1))", .money(result), .total,
                                          B.sum(table.belowBounds[column] ?? [])).cell
        }
        for (j, scenario) in table.scenarios.enumerated() {
            sum(table.amountColumn(j), scenario.pot)
            guard j > 0 else { continue }
            // Two pots, each within `Money.spreadsheetLimit`: the difference cannot overflow. The change
            // column adds up the areas in both scenarios: when they differ it cannot make the pots'
            // difference, so the Pot row leaves its change blank rather than show a sum that is not one.
            let potChange = Money(pence: scenario.pot.pence - table.scenarios[0].pot.pence)
            let parts = table.changeTotals[j].pence + comparison.retainedNames.indices.reduce(Int64(0)) {
                $0 + comparison.retainedDifference(name: $1, scenario: j).pence
            }
            if parts == potChange.pence { sum(table.changeColumn(j), potChange) }
        }
        rows.append(pot)
        return rows
    }
}
