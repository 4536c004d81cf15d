/// Budget v actual: each grant line's budget against its spend, with the variance and the percent
/// spent, then the spend of each initiative; totals as SUM formulas. Every formula is gated by
/// `FormulaGate`: where spreadsheet arithmetic could not reproduce the exact figure it is the value.
///
/// The figures are the lines and initiatives reports' for the same filter. An initiative's rows show
/// all its spend, on any grant, so both parts add up to the same total; an initiative's own budget is
/// held to its grant and period, and is monitored on the Budget monitoring sheet.
enum BudgetSheet {
    static let name = "Budget v actual"
    typealias B = SpreadsheetBound

    /// Where each figure sits.
    struct Columns {
        let titles: [String]
        let budget = 3
        let spend: SpendColumns
        let variance: Int, percent: Int

        init(hasBefore: Bool, year: String?, position: Day) {
            var titles = ["Grant", "Line or initiative", "Name", "Budget"]
            spend = SpendColumns(appendingTo: &titles, hasBefore: hasBefore, year: year, position: position)
            variance = titles.count
            percent = variance + 1
            titles += ["Variance", "Spent %"]
            self.titles = titles
        }
    }

    /// One row's figures: a line's (with its budget and what remains of it) or an initiative's (spend only).
    struct Figures {
        var grant: String?
        var id: String
        var name: String
        var budget: Money?
        var before: Money
        var spent: Money
        var remaining: Money?
    }

    static func build(_ ledger: Ledger, _ settings: CommitteeWorkbookSettings, _ names: inout [DefinedName])
        throws(ReportError) -> SheetModel
    {
        let filter = settings.filter
        let lines = try LinesReport.figures(ledger, filter)
        let lineTotals = try lines.totals()
        // With a start date, spend before it is shown apart, as the reports do.
        let initiatives = try InitiativesReport.figures(ledger, filter, withBefore: true)
        let initiativeSpent = try initiatives.spentTotal()
        let position = filter.end ?? settings.asOf
        let year = settings.financialYear.map { "\($0)" }
        let columns = Columns(hasBefore: lines.hasBefore, year: year, position: position)

        var sheet = SheetBuilder()
        sheet.add([.text("Budget against actual", .title)])
        sheet.add([.text((year.map { "\($0): " } ?? "") + "each budget line's budget against its spend to "
                         + "\(WorkbookText.long(position)), then the spend of each initiative. Variance is budget less spend: "
                         + "negative (red) is overspent.", .subtitle)])
        sheet.addBlank()
        let header = sheet.add(columns.titles.map { .text($0, .header) })
        var table = FigureTable()

        sheet.add([.text("By budget line", .section)])
        let firstLine = sheet.nextRow
        for line in lines.rows {
            sheet.add(try row(Figures(grant: line.grantID, id: line.key.label, name: line.name, budget: line.budget,
                                      before: line.spentBefore ?? .zero, spent: line.spent, remaining: line.remaining),
                              at: sheet.nextRow, columns, &table))
        }
        let lastLine = sheet.nextRow - 1
        sheet.add(try totals(Figures(grant: nil, id: "", name: "Total of lines", budget: lineTotals.budget,
                                     before: lineTotals.spentBefore, spent: lineTotals.spent, remaining: lineTotals.remaining),
                             first: firstLine, last: lastLine, at: sheet.nextRow, columns, &table))

        sheet.addBlank()
        sheet.add([.text("By initiative (all its spend; an initiative's own budget is on the Budget monitoring sheet)", .section)])
        let firstInitiative = sheet.nextRow
        var beforeTotal = Money.zero
        for initiative in initiatives.rows {
            let before = initiative.spentBefore ?? .zero
            // Initiatives with no spend to date are left out: they add nothing and bury the rest.
            if before.isZero, initiative.postings == 0 { continue }
            beforeTotal = try beforeTotal.plus(before, "spent before")
            sheet.add(try row(Figures(grant: initiative.grantID, id: initiative.key.label, name: initiative.name, budget: nil,
                                      before: before, spent: initiative.spent, remaining: nil),
                              at: sheet.nextRow, columns, &table))
        }
        let lastInitiative = sheet.nextRow - 1
        sheet.add(try totals(Figures(grant: nil, id: "", name: "Total of initiatives", budget: nil, before: beforeTotal,
                                     spent: initiativeSpent, remaining: nil),
                             first: firstInitiative, last: lastInitiative, at: sheet.nextRow, columns, &table))
        sheet.addBlank()
        sheet.add([.text("Both totals of spend are the same money, grouped two ways. Spend is every posting to an "
                         + "expenses account tagged with a grant; the Spend sheet lists each one.", .note)])
        if table.gate.anyByValue { sheet.add([.text(FormulaGate.note, .note)]) }

        func area(_ column: Int, _ rows: ClosedRange<Int>) -> SheetArea { SheetArea(sheet: name, area: CellArea(column: column, rows: rows)) }
        if lastLine >= firstLine {
            names.append(DefinedName("LineBudgets", area(columns.budget, firstLine...lastLine)))
            names.append(DefinedName("LineSpent", area(columns.spend.toDate, firstLine...lastLine)))
            names.append(DefinedName("LineVariance", area(columns.variance, firstLine...lastLine)))
        }
        if lastInitiative >= firstInitiative {
            names.append(DefinedName("InitiativeSpent", area(columns.spend.toDate, firstInitiative...lastInitiative)))
        }
        return SheetModel(name: name, title: "Budget against actual", rows: sheet.sheetRows, columnWidths: sheet.widths,
                          frozenRows: header + 1, printTitleRows: header...header)
    }

    /// One row: budget (nil for none), the spend before and in the period, and the variance.
    static func row(_ figures: Figures, at r: Int, _ columns: Columns, _ table: inout FigureTable) throws(ReportError) -> [SheetCell] {
        func ref(_ column: Int) -> String { CellRef(row: r, column: column).a1 }
        let total = try figures.before.plus(figures.spent, "spent to date")
        var cells = [SheetCell](repeating: .empty, count: columns.titles.count)
        cells[0] = .text(figures.grant)
        cells[1] = .text(figures.id)
        cells[2] = .text(figures.name, .wrapped)
        var line: [Int: B] = [:]
        let budget = columns.budget, toDate = columns.spend.toDate
        if let budgetMoney = figures.budget {
            cells[budget] = .money(budgetMoney)
            line[budget] = B.stored(budgetMoney)
        }
        columns.spend.fill(&cells, &line, row: r, before: figures.before, spent: figures.spent, toDate: total, &table.gate)
        let toDateBound = line[toDate] ?? B.stored(total)
        if let budgetMoney = figures.budget, let remaining = figures.remaining {
            (cells[columns.variance], line[columns.variance]) = table.gate.cell(
                "=\(ref(budget))-\(ref(toDate))", .money(remaining), .body, B.stored(budgetMoney) - toDateBound)
            if let percent = table.share(row: r, toDate, total, toDateBound, of: budget, budgetMoney, B.stored(budgetMoney), .body) {
                cells[columns.percent] = percent.cell
            }
        }
        table.record(line)
        return cells
    }

    /// A totals row over rows `first...last`, cached with the exact sums given (its name is the label).
    static func totals(_ figures: Figures, first: Int, last: Int, at r: Int, _ columns: Columns,
                       _ table: inout FigureTable) throws(ReportError) -> [SheetCell] {
        var cells = [SheetCell](repeating: SheetCell(.empty, .total), count: columns.titles.count)
        cells[0] = .text(figures.name, .total)
        let total = try figures.before.plus(figures.spent, "spent to date")
        defer { table.startSection() }
        guard last >= first else { return cells }
        let rows = first...last
        var bounds: [Int: B] = [:]
        if let budget = figures.budget { table.sum(columns.budget, over: rows, budget, into: &cells, &bounds) }
        columns.spend.sum(&table, over: rows, before: figures.before, spent: figures.spent, toDate: total, into: &cells, &bounds)
        if let remaining = figures.remaining { table.sum(columns.variance, over: rows, remaining, into: &cells, &bounds) }
        let toDate = columns.spend.toDate
        if let budget = figures.budget,
           let percent = table.share(row: r, toDate, total, bounds[toDate] ?? B.stored(total), of: columns.budget, budget,
                                     bounds[columns.budget] ?? B.stored(budget), .total) {
            cells[columns.percent] = percent.cell
        }
        return cells
    }
}
