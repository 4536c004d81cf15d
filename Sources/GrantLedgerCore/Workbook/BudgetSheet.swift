/// Budget v actual: each grant line's budget against its spend, with the variance and the percent
/// spent, then the spend of each initiative; totals as SUM formulas. Every formula is gated by
/// `FormulaGate`: where spreadsheet arithmetic could not reproduce the exact figure it is the value.
///
/// The figures are the lines and initiatives reports' for the same filter. Initiatives are declared
/// without a budget in the ledger, so their rows show spend only; both parts add up to the same total.
enum BudgetSheet {
    static let name = "Budget v actual"

    static func build(_ ledger: Ledger, _ settings: CommitteeWorkbookSettings, _ names: inout [DefinedName])
        throws(ReportError) -> SheetModel
    {
        let filter = settings.filter
        let lines = try LinesReport.build(ledger, filter)
        let initiatives = try InitiativesReport.build(ledger, filter)
        let position = filter.end ?? settings.asOf
        let year = settings.financialYear.map { "\($0)" }
        // With a start date, spend before it is shown apart, as the reports do.
        var earlier: [String: Money] = [:]
        var earlierUntagged = Money.zero
        if let start = filter.start {
            var before = filter
            before.financialYear = nil
            before.from = nil
            before.to = start.adding(days: -1)
            let report = try InitiativesReport.build(ledger, before)
            for row in report.rows {
                guard let id = report.value(row, "initiative").text else { continue }
                if id == "(none)" { earlierUntagged = report.amount(row, "spent") } else { earlier[id] = report.amount(row, "spent") }
            }
        }
        let hasBefore = lines.columnIndex("spent_before") != nil

        var titles = ["Grant", "Line or initiative", "Name", "Budget"]
        let budget = 3
        var spentBefore: Int?, spentIn: Int?
        if hasBefore, let year {
            spentBefore = titles.count
            titles.append("Spent before \(year)")
            spentIn = titles.count
            titles.append("Spent in \(year)")
        }
        let toDate = titles.count
        titles.append(hasBefore ? "Spent to \(WorkbookText.short(position))" : "Spent")
        let variance = titles.count, percent = variance + 1
        titles += ["Variance", "Spent %"]

        var sheet = SheetBuilder()
        sheet.add([.text("Budget against actual", .title)])
        sheet.add([.text((year.map { "\($0): " } ?? "") + "each budget line's budget against its spend to "
                         + "\(WorkbookText.long(position)), then the spend of each initiative. Variance is budget less spend: "
                         + "negative (red) is overspent.", .subtitle)])
        sheet.addBlank()
        let header = sheet.add(titles.map { .text($0, .header) })
        typealias B = SpreadsheetBound
        var gate = FormulaGate()
        /// Per column, the bounds of the rows since the last totals row.
        var bounds: [Int: [B]] = [:]

        /// One row: budget (nil for none), the spend before and in the period, and the variance.
        func addRow(grant: String?, id: String, name: String, budget budgetMoney: Money?, before: Money, spent: Money,
                    remaining: Money?) throws(ReportError) {
            let r = sheet.nextRow
            func ref(_ column: Int) -> String { CellRef(row: r, column: column).a1 }
            let total = try before.plus(spent, "spent to date")
            var cells = [SheetCell](repeating: .empty, count: titles.count)
            cells[0] = .text(grant)
            cells[1] = .text(id)
            cells[2] = .text(name, .wrapped)
            var line: [Int: B] = [:]
            if let budgetMoney {
                cells[budget] = .money(budgetMoney)
                line[budget] = B.stored(budgetMoney)
            }
            if let spentBefore, let spentIn {
                cells[spentBefore] = .money(before)
                cells[spentIn] = .money(spent)
                line[spentBefore] = B.stored(before)
                line[spentIn] = B.stored(spent)
                (cells[toDate], line[toDate]) = gate.cell("=\(ref(spentBefore))+\(ref(spentIn))", .money(total), .body,
                                                          B.stored(before) + B.stored(spent))
            } else {
                cells[toDate] = .money(spent)
                line[toDate] = B.stored(spent)
            }
            let toDateBound = line[toDate] ?? B.stored(total)
            if let budgetMoney, let remaining {
                (cells[variance], line[variance]) = gate.cell("=\(ref(budget))-\(ref(toDate))", .money(remaining), .body,
                                                              B.stored(budgetMoney) - toDateBound)
                if let share = Rational(Int128(total.pence), Int128(budgetMoney.pence)) {
                    cells[percent] = gate.cell("=\(ref(toDate))/\(ref(budget))", .percent(share), .body,
                                               toDateBound.divided(by: B.stored(budgetMoney))).cell
                }
            }
            for (column, bound) in line { bounds[column, default: []].append(bound) }
            sheet.add(cells)
        }

        /// A totals row over rows `first...last`, cached with the exact sums given.
        func addTotals(_ label: String, first: Int, last: Int, budget budgetTotal: Money?, before: Money, spent: Money,
                       remaining: Money?) throws(ReportError) {
            let r = sheet.nextRow
            var cells = [SheetCell](repeating: SheetCell(.empty, .total), count: titles.count)
            cells[0] = .text(label, .total)
            let total = try before.plus(spent, "spent to date")
            var totalBounds: [Int: B] = [:]
            defer { bounds = [:] }
            if last >= first {
                func sum(_ column: Int, _ value: Money) {
                    (cells[column], totalBounds[column]) = gate.cell(
                        "=SUM(\(CellArea(column: column, rows: first...last).a1))", .money(value), .total, B.sum(bounds[column] ?? []))
                }
                if let budgetTotal { sum(budget, budgetTotal) }
                if let spentBefore, let spentIn {
                    sum(spentBefore, before)
                    sum(spentIn, spent)
                }
                sum(toDate, total)
                if let remaining { sum(variance, remaining) }
                if let budgetTotal, let share = Rational(Int128(total.pence), Int128(budgetTotal.pence)) {
                    let ref = { (column: Int) in CellRef(row: r, column: column).a1 }
                    let quotient = (totalBounds[toDate] ?? B.stored(total)).divided(by: totalBounds[budget] ?? B.stored(budgetTotal))
                    cells[percent] = gate.cell("=\(ref(toDate))/\(ref(budget))", .percent(share), .total, quotient).cell
                }
            }
            sheet.add(cells)
        }

        sheet.add([.text("By budget line", .section)])
        let firstLine = sheet.nextRow
        for row in lines.rows {
            try addRow(grant: lines.value(row, "grant").text, id: lines.value(row, "line").text ?? "",
                       name: lines.value(row, "name").text ?? "", budget: lines.amount(row, "budget"),
                       before: lines.amount(row, "spent_before"), spent: lines.amount(row, "spent"),
                       remaining: lines.amount(row, "remaining"))
        }
        let lastLine = sheet.nextRow - 1
        let t = lines.totals
        try addTotals("Total of lines", first: firstLine, last: lastLine, budget: lines.amount(t, "budget"),
                      before: lines.amount(t, "spent_before"), spent: lines.amount(t, "spent"),
                      remaining: lines.amount(t, "remaining"))

        sheet.addBlank()
        sheet.add([.text("By initiative (initiatives have no budget in the ledger: spend only)", .section)])
        let firstInitiative = sheet.nextRow
        var beforeTotal = Money.zero
        for row in initiatives.rows {
            let id = initiatives.value(row, "initiative").text ?? ""
            let grantID = ledger.initiativeIndex[id].flatMap { ledger.initiatives[$0].grantID }
            let before = id == "(none)" ? earlierUntagged : (earlier[id] ?? .zero)
            // Initiatives with no spend to date are left out: they add nothing and bury the rest.
            if before.isZero, (initiatives.value(row, "postings").count ?? 0) == 0 { continue }
            beforeTotal = try beforeTotal.plus(before, "spent before")
            try addRow(grant: grantID, id: id, name: initiatives.value(row, "name").text ?? "", budget: nil,
                       before: before, spent: initiatives.amount(row, "spent"), remaining: nil)
        }
        let lastInitiative = sheet.nextRow - 1
        try addTotals("Total of initiatives", first: firstInitiative, last: lastInitiative, budget: nil,
                      before: beforeTotal, spent: initiatives.amount(initiatives.totals, "spent"), remaining: nil)
        sheet.addBlank()
        sheet.add([.text("Both totals of spend are the same money, grouped two ways. Spend is every posting to an "
                         + "expenses account tagged with a grant; the Spend sheet lists each one.", .note)])
        if gate.anyByValue { sheet.add([.text(FormulaGate.note, .note)]) }

        if lastLine >= firstLine {
            names.append(DefinedName("LineBudgets", SheetArea(sheet: name, area: CellArea(column: budget, rows: firstLine...lastLine))))
            names.append(DefinedName("LineSpent", SheetArea(sheet: name, area: CellArea(column: toDate, rows: firstLine...lastLine))))
            names.append(DefinedName("LineVariance", SheetArea(sheet: name, area: CellArea(column: variance, rows: firstLine...lastLine))))
        }
        if lastInitiative >= firstInitiative {
            names.append(DefinedName("InitiativeSpent",
                                     SheetArea(sheet: name, area: CellArea(column: toDate, rows: firstInitiative...lastInitiative))))
        }
        return SheetModel(name: name, title: "Budget against actual", rows: sheet.sheetRows, columnWidths: sheet.widths,
                          frozenRows: header + 1, printTitleRows: header...header)
    }
}
