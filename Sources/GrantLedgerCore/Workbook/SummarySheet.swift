/// Summary: one row per grant with its award, what its lines allocate, spend, what is left, the
/// percent spent and a RAG status whose rule and thresholds are stated (and can be changed) on
/// the sheet; a chart of spend against award.
///
/// The figures are the grants report's for the same filter (`report grants --fy … --to AS-OF`), so
/// the sheet and the command line always agree; remaining, percent, time elapsed, status and
/// totals are live formulas whose cached values are the program's exact figures, wherever
/// `FormulaGate` finds that spreadsheet arithmetic reproduces them (very large grants, a remaining
/// sum that is a hair of a large award, many rows): elsewhere the exact value, in italics.
enum SummarySheet {
    static let name = "Summary"

    static func build(_ ledger: Ledger, _ settings: CommitteeWorkbookSettings, _ names: inout [DefinedName])
        throws(ReportError) -> SheetModel
    {
        let filter = settings.filter
        let report = try GrantsReport.build(ledger, filter)
        let position = filter.end ?? settings.asOf
        let rule = settings.statusRule
        let before = report.columnIndex("spent_before") != nil
        let year = settings.financialYear.map { "\($0)" }

        // Column positions.
        var titles = ["Grant", "Name", "Funder", "Start", "End", "Award", "Allocated to lines"]
        let award = 5, allocated = 6
        var spentBefore: Int?, spentIn: Int?
        if before, let year {
            spentBefore = titles.count
            titles.append("Spent before \(year)")
            spentIn = titles.count
            titles.append("Spent in \(year)")
        }
        let toDate = titles.count
        titles.append(before ? "Spent to \(WorkbookText.short(position))" : "Spent")
        let remaining = titles.count, percent = remaining + 1, elapsed = remaining + 2, status = remaining + 3
        titles += ["Remaining", "Spent %", "Time elapsed", "Status"]

        var sheet = SheetBuilder()
        sheet.add([.text("Grants: award, spend and what is left", .title)])
        let scope = year.map { "Grants running in \($0); " } ?? "All grants; "
        sheet.add([.text(scope + "spend to \(WorkbookText.long(position)). Status compares the share of the award spent "
                         + "with the share of the grant's period that has passed (rule below).", .subtitle)])
        sheet.addBlank()
        let header = sheet.add(titles.map { .text($0, .header) })

        let rows = report.rows.filter { !$0.isDetail }
        let first = header + 1
        let last = first + rows.count - 1
        let totalRow = first + rows.count
        typealias B = SpreadsheetBound
        var gate = FormulaGate()
        // Per column, the bound of each row's cell, for the totals' SUMs.
        var bounds: [Int: [B]] = [:]

        for row in rows {
            guard let id = report.value(row, "grant").text, let index = ledger.grantIndex[id] else { continue }
            let grant = ledger.grants[index]
            let r = sheet.nextRow
            func ref(_ column: Int) -> String { CellRef(row: r, column: column).a1 }
            let awardMoney = report.amount(row, "budget")
            let spentBeforeMoney = report.amount(row, "spent_before")
            let spentMoney = report.amount(row, "spent")
            let toDateMoney = try spentBeforeMoney.plus(spentMoney, "spent to date")
            var cells = [SheetCell](repeating: .empty, count: titles.count)
            cells[0] = .text(grant.id)
            cells[1] = .text(grant.name, .wrapped)
            cells[2] = .text(funderName(grant, ledger), .wrapped)
            cells[3] = grant.period.map { .date($0.start) } ?? .empty
            cells[4] = grant.period.map { .date($0.end) } ?? .empty
            cells[award] = .money(awardMoney)
            cells[allocated] = report.value(row, "allocated").sheetCell()
            var line: [Int: B] = [award: B.stored(awardMoney), allocated: B.stored(report.amount(row, "allocated"))]
            if let spentBefore, let spentIn {
                cells[spentBefore] = .money(spentBeforeMoney)
                cells[spentIn] = .money(spentMoney)
                line[spentBefore] = B.stored(spentBeforeMoney)
                line[spentIn] = B.stored(spentMoney)
                (cells[toDate], line[toDate]) = gate.cell("=\(ref(spentBefore))+\(ref(spentIn))", .money(toDateMoney), .body,
                                                          B.stored(spentBeforeMoney) + B.stored(spentMoney))
            } else {
                cells[toDate] = .money(spentMoney)
                line[toDate] = B.stored(spentMoney)
            }
            let awardBound = B.stored(awardMoney), toDateBound = line[toDate] ?? B.stored(toDateMoney)
            let remainingBound: B
            (cells[remaining], remainingBound) = gate.cell("=\(ref(award))-\(ref(toDate))", .money(report.amount(row, "remaining")),
                                                         .body, awardBound - toDateBound)
            line[remaining] = remainingBound
            for (column, bound) in line { bounds[column, default: []].append(bound) }
            let share = Rational(Int128(toDateMoney.pence), Int128(awardMoney.pence))
            var percentBound: B?
            if let share {
                var bound: B
                (cells[percent], bound) = gate.cell("=\(ref(toDate))/\(ref(award))", .percent(share), .body,
                                                   toDateBound.divided(by: awardBound))
                percentBound = bound
            }
            var statusText = "—"
            if let period = grant.period {
                let time = SpendStatusRule.timeElapsed(period, at: position)
                // Whole day numbers, one division, clamped: the nearest double of the exact share.
                let elapsedBound: B
                (cells[elapsed], elapsedBound) = gate.cell(
                    "=MAX(0,MIN(1,(PositionDate-\(ref(3))+1)/(\(ref(4))-\(ref(3))+1)))", .percent(time), .body, B.stored(time))
                if let percentBound {
                    let computed = rule.status(award: awardMoney, spent: toDateMoney, elapsed: time).rawValue
                    statusText = computed
                    // The status formula rounds the remaining sum to pennies and the gap to millionths:
                    // both must be far inside half a penny and the near-threshold window of `isDelicate`.
                    let gapError = (elapsedBound - percentBound).error
                    let robust = remainingBound.error < (Rational(1, 400) ?? .zero)
                        && gapError < (Rational(1, 10_000_000_000_000) ?? .zero)
                    if robust, !rule.isDelicate(award: awardMoney, spent: toDateMoney, elapsed: time) {
                        let gap = "ROUND(\(ref(elapsed))-\(ref(percent)),6)"
                        cells[status] = .formula(
                            "=IF(ROUND(\(ref(remaining)),2)<0,\"Red\",IF(\(gap)>RedGap,\"Red\",IF(\(gap)>AmberGap,\"Amber\",\"Green\")))",
                            .text(computed))
                    }
                }
            }
            if toDateMoney > awardMoney { statusText = SpendStatusRule.Status.red.rawValue }
            if case .empty = cells[status].value { cells[status] = .text(statusText) }
            sheet.add(cells)
        }

        // Totals: sums of the rows above, as formulas, cached with the report's exact totals.
        var totals = [SheetCell](repeating: SheetCell(.empty, .total), count: titles.count)
        totals[0] = .text("Total", .total)
        if !rows.isEmpty {
            var totalBounds: [Int: B] = [:]
            func sum(_ column: Int, _ money: Money) {
                (totals[column], totalBounds[column]) = gate.cell(
                    "=SUM(\(CellArea(column: column, rows: first...last).a1))", .money(money), .total, B.sum(bounds[column] ?? []))
            }
            let t = report.totals
            sum(award, report.amount(t, "budget"))
            sum(allocated, report.amount(t, "allocated"))
            let totalToDate = try report.amount(t, "spent_before").plus(report.amount(t, "spent"), "spent to date")
            if let spentBefore, let spentIn {
                sum(spentBefore, report.amount(t, "spent_before"))
                sum(spentIn, report.amount(t, "spent"))
            }
            sum(toDate, totalToDate)
            sum(remaining, report.amount(t, "remaining"))
            let awardTotal = report.amount(t, "budget")
            if let share = Rational(Int128(totalToDate.pence), Int128(awardTotal.pence)) {
                let ref = { (column: Int) in CellRef(row: totalRow, column: column).a1 }
                let quotient = (totalBounds[toDate] ?? B.stored(totalToDate)).divided(by: totalBounds[award] ?? B.stored(awardTotal))
                totals[percent] = gate.cell("=\(ref(toDate))/\(ref(award))", .percent(share), .total, quotient).cell
            }
        }
        sheet.add(totals)

        sheet.addBlank()
        sheet.add([.text("How the status is set", .section)])
        sheet.add([.text("Time elapsed is the share of the grant's period passed by the position date; Spent % is spend "
                         + "to that date as a share of the award. The gap is time elapsed less Spent %.", .note)])
        let positionRow = sheet.add([.text("Position at", .label), .date(position, .input),
                                    .text("the date the figures are struck (the as-of date, or the end of the year asked for)", .note)])
        let amberRow = sheet.add([.text("Amber gap", .label), .percent(rule.amberGap, CellLook.input.decimals(0)),
                                 .text("Amber: spend is more than this many points behind time elapsed", .note)])
        let redRow = sheet.add([.text("Red gap", .label), .percent(rule.redGap, CellLook.input.decimals(0)),
                               .text("Red: more than this many points behind, or the grant is overspent. Otherwise Green. "
                                     + "Change a gap and the statuses follow.", .note)])
        sheet.add([.text("Lines and initiatives are on Budget v actual; every item of spend is on Spend.", .note)])
        if gate.anyByValue { sheet.add([.text(FormulaGate.note, .note)]) }
        sheet.addBlank()
        let chartRow = sheet.nextRow

        // The formulas above refer to these settings by name, so they can sit below the table.
        names.append(DefinedName("PositionDate", SheetArea(sheet: name, area: CellArea(column: 1, rows: positionRow...positionRow))))
        names.append(DefinedName("AmberGap", SheetArea(sheet: name, area: CellArea(column: 1, rows: amberRow...amberRow))))
        names.append(DefinedName("RedGap", SheetArea(sheet: name, area: CellArea(column: 1, rows: redRow...redRow))))

        var charts: [ChartModel] = []
        var highlights: [TextHighlight] = []
        if !rows.isEmpty {
            let categories = SheetArea(sheet: name, area: CellArea(column: 0, rows: first...last))
            charts.append(ChartModel(
                kind: .bar, title: "Spent against award",
                series: [
                    ChartModel.Series(name: "Award", categories: categories,
                                      values: SheetArea(sheet: name, area: CellArea(column: award, rows: first...last)),
                                      color: ChartModel.paleBlue),
                    ChartModel.Series(name: "Spent", categories: categories,
                                      values: SheetArea(sheet: name, area: CellArea(column: toDate, rows: first...last)),
                                      color: ChartModel.darkBlue),
                ],
                anchor: CellRef(row: chartRow, column: 0), widthScale: 2.2,
                heightScale: max(1, 0.5 + 0.16 * Double(rows.count))))
            names.append(DefinedName("GrantAwards", SheetArea(sheet: name, area: CellArea(column: award, rows: first...last))))
            names.append(DefinedName("GrantSpent", SheetArea(sheet: name, area: CellArea(column: toDate, rows: first...last))))
            names.append(DefinedName("GrantRemaining", SheetArea(sheet: name, area: CellArea(column: remaining, rows: first...last))))
            let statusArea = CellArea(column: status, rows: first...last)
            highlights = [TextHighlight(area: statusArea, text: "Red", tone: .red),
                          TextHighlight(area: statusArea, text: "Amber", tone: .amber),
                          TextHighlight(area: statusArea, text: "Green", tone: .green)]
        }
        return SheetModel(
            name: name, title: "Grants summary", rows: sheet.sheetRows, columnWidths: sheet.widths,
            frozenRows: header + 1, frozenColumns: 1, printTitleRows: header...header, charts: charts,
            highlights: highlights)
    }

    static func funderName(_ grant: Grant, _ ledger: Ledger) -> String? {
        guard let id = grant.funderID else { return nil }
        return ledger.funderIndex[id].map { ledger.funders[$0].name } ?? id
    }
}
