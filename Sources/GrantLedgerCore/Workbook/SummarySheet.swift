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
    typealias B = SpreadsheetBound

    /// Where each figure sits.
    struct Columns {
        let titles: [String]
        let award = 5, allocated = 6
        let spend: SpendColumns
        let remaining: Int, forecast: Int, forecastVariance: Int, atRisk: Int, percent: Int, elapsed: Int, status: Int, conditions: Int

        init(hasBefore: Bool, year: String?, position: Day) {
            var titles = ["Grant", "Name", "Funder", "Start", "End", "Award", "Allocated to lines"]
            spend = SpendColumns(appendingTo: &titles, hasBefore: hasBefore, year: year, position: position)
            remaining = titles.count
            forecast = remaining + 1
            forecastVariance = remaining + 2
            atRisk = remaining + 3
            percent = remaining + 4
            elapsed = remaining + 5
            status = remaining + 6
            conditions = remaining + 7
            titles += ["Remaining", "Forecast outturn", "Forecast variance", "At risk", "Spent %", "Time elapsed", "Status",
                       "Funder's conditions"]
            self.titles = titles
        }
    }

    static func build(_ ledger: Ledger, _ settings: CommitteeWorkbookSettings, _ monitoring: BudgetMonitoringFigures,
                      _ names: inout [DefinedName]) throws(ReportError) -> SheetModel
    {
        let figures = try GrantsReport.figures(ledger, settings.filter)
        let totals = try figures.totals()
        let position = settings.filter.end ?? settings.asOf
        let year = settings.financialYear.map { "\($0)" }
        let columns = Columns(hasBefore: figures.hasBefore, year: year, position: position)

        var sheet = SheetBuilder()
        sheet.add([.text("Grants: award, spend and what is left", .title)])
        let scope = year.map { "Grants running in \($0); " } ?? "All grants; "
        sheet.add([.text(scope + "spend to \(WorkbookText.long(position)). Status compares the share of the award spent "
                         + "with the share of the grant's period that has passed (rule below).", .subtitle)])
        sheet.addBlank()
        let header = sheet.add(columns.titles.map { .text($0, .header) })
        let first = header + 1
        let rows = figures.rows.isEmpty ? nil : first...(first + figures.rows.count - 1)

        var table = FigureTable()
        let compliance = GrantCompliance(ledger)
        let forecasts = try monitoring.forecastOutturns()
        let windows = try MoneyAtRisk.windows(ledger, monitoring.lines, position: position)
        var atRisk: [String: [SpendWindow]] = [:]
        for window in windows where !window.atRisk.isZero { atRisk[window.grantID, default: []].append(window) }
        for grant in figures.rows {
            let flagged = ledger.grantIndex[grant.grant.id].map { compliance.issues[$0] } ?? []
            var cells = try grantRow(grant, funder: funderName(grant.grant, ledger), flagged: flagged, at: sheet.nextRow, columns,
                                     settings.statusRule, position, &table)
            if let forecast = forecasts[grant.grant.id] {
                try addForecast(forecast, award: grant.award, into: &cells, at: sheet.nextRow, columns, &table)
            }
            if windows.contains(where: { $0.grantID == grant.grant.id }) {
                try addAtRisk(atRisk[grant.grant.id] ?? [], into: &cells, columns, &table)
            }
            sheet.add(cells)
        }
        var totalCells = try totalsRow(totals, over: rows, at: sheet.nextRow, columns, &table)
        if let rows, !forecasts.isEmpty {
            // Over the grants listed: a grant with no forecast adds nothing (SUM passes over a blank).
            let listed = figures.rows.compactMap { forecasts[$0.grant.id] }
            let awards = figures.rows.filter { forecasts[$0.grant.id] != nil }.map(\.award)
            let forecastTotal = try Money.total(listed, "forecast"), awardTotal = try Money.total(awards, "award")
            var bounds: [Int: B] = [:]
            table.sum(columns.forecast, over: rows, forecastTotal, into: &totalCells, &bounds)
            table.sum(columns.forecastVariance, over: rows, try forecastTotal.minus(awardTotal, "forecast variance"), into: &totalCells, &bounds)
        }
        if let rows, !windows.isEmpty {
            var bounds: [Int: B] = [:]
            table.sum(columns.atRisk, over: rows, try Money.total(windows.map(\.atRisk), "at risk"), into: &totalCells, &bounds)
        }
        sheet.add(totalCells)
        let settingRows = addStatusRule(&sheet, settings.statusRule, position, byValue: table.gate.anyByValue)
        sheet.addBlank()
        let chartRow = sheet.nextRow

        // The formulas above refer to these settings by name, so they can sit below the table.
        for (title, row) in zip(["PositionDate", "AmberGap", "RedGap"], settingRows) {
            names.append(DefinedName(title, SheetArea(sheet: name, area: CellArea(column: 1, rows: row...row))))
        }
        var charts: [ChartModel] = []
        var highlights: [TextHighlight] = []
        if let rows {
            charts.append(chart(columns, rows, anchor: chartRow))
            names.append(DefinedName("GrantAwards", SheetArea(sheet: name, area: CellArea(column: columns.award, rows: rows))))
            names.append(DefinedName("GrantSpent", SheetArea(sheet: name, area: CellArea(column: columns.spend.toDate, rows: rows))))
            names.append(DefinedName("GrantRemaining", SheetArea(sheet: name, area: CellArea(column: columns.remaining, rows: rows))))
            let statusArea = CellArea(column: columns.status, rows: rows)
            highlights = [TextHighlight(area: statusArea, text: "Red", tone: .red),
                          TextHighlight(area: statusArea, text: "Amber", tone: .amber),
                          TextHighlight(area: statusArea, text: "Green", tone: .green)]
        }
        return SheetModel(
            name: name, title: "Grants summary", rows: sheet.sheetRows, columnWidths: sheet.widths,
            frozenRows: header + 1, frozenColumns: 1, printTitleRows: header...header, charts: charts,
            highlights: highlights)
    }

    /// One grant's row: its figures, remaining and percent as formulas, time elapsed and status.
    static func grantRow(_ figures: GrantFigures, funder: String?, flagged: [GrantCompliance.Issue] = [], at r: Int, _ columns: Columns,
                         _ rule: SpendStatusRule, _ position: Day, _ table: inout FigureTable) throws(ReportError) -> [SheetCell] {
        let grant = figures.grant
        func ref(_ column: Int) -> String { CellRef(row: r, column: column).a1 }
        let award = figures.award, toDate = try figures.spentToDate()
        var cells = [SheetCell](repeating: .empty, count: columns.titles.count)
        cells[0] = .text(grant.id)
        cells[1] = .text(grant.name, .wrapped)
        cells[2] = .text(funder, .wrapped)
        cells[3] = grant.period.map { .date($0.start) } ?? .empty
        cells[4] = grant.period.map { .date($0.end) } ?? .empty
        cells[columns.award] = .money(award)
        cells[columns.allocated] = .money(figures.allocated)
        var line: [Int: B] = [columns.award: B.stored(award), columns.allocated: B.stored(figures.allocated)]
        let spend = columns.spend
        spend.fill(&cells, &line, row: r, before: figures.spentBefore ?? .zero, spent: figures.spent, toDate: toDate, &table.gate)
        let awardBound = B.stored(award), toDateBound = line[spend.toDate] ?? B.stored(toDate)
        let remainingBound: B
        (cells[columns.remaining], remainingBound) = table.gate.cell(
            "=\(ref(columns.award))-\(ref(spend.toDate))", .money(figures.remaining), .body, awardBound - toDateBound)
        line[columns.remaining] = remainingBound
        table.record(line)
        let percent = table.share(row: r, spend.toDate, toDate, toDateBound, of: columns.award, award, awardBound, .body)
        if let percent { cells[columns.percent] = percent.cell }
        var statusText = "—"
        if let period = grant.period {
            let time = SpendStatusRule.timeElapsed(period, at: position)
            // Whole day numbers, one division, clamped: the nearest double of the exact share.
            let elapsedBound: B
            (cells[columns.elapsed], elapsedBound) = table.gate.cell(
                "=MAX(0,MIN(1,(PositionDate-\(ref(3))+1)/(\(ref(4))-\(ref(3))+1)))", .percent(time), .body, B.stored(time))
            if let percent {
                let computed = rule.status(award: award, spent: toDate, elapsed: time).rawValue
                statusText = computed
                // The status formula rounds the remaining sum to pennies and the gap to millionths:
                // both must be far inside half a penny and the near-threshold window of `isDelicate`.
                let gapError = (elapsedBound - percent.bound).error
                let robust = remainingBound.error < (Rational(1, 400) ?? .zero)
                    && gapError < (Rational(1, 10_000_000_000_000) ?? .zero)
                if robust, !rule.isDelicate(award: award, spent: toDate, elapsed: time) {
                    let gap = "ROUND(\(ref(columns.elapsed))-\(ref(columns.percent)),6)"
                    var pace = "IF(ROUND(\(ref(columns.remaining)),2)<0,\"Red\",IF(\(gap)>RedGap,\"Red\",IF(\(gap)>AmberGap,\"Amber\",\"Green\")))"
                    var shown = computed
                    // A condition flagged (match short) lifts Green to Amber, live; a tranche overspent is Red below.
                    if !flagged.isEmpty {
                        pace = "IF(\(pace)=\"Green\",\"Amber\",\(pace))"
                        if shown == SpendStatusRule.Status.green.rawValue { shown = SpendStatusRule.Status.amber.rawValue }
                    }
                    cells[columns.status] = .formula("=" + pace, .text(shown))
                    statusText = shown
                }
            }
        }
        if toDate > award { statusText = SpendStatusRule.Status.red.rawValue }
        if flagged.contains(where: { $0.status == .red }) {
            // A tranche overspent is Red whatever the pace: a plain value, so no threshold edit lifts it.
            statusText = SpendStatusRule.Status.red.rawValue
            cells[columns.status] = .empty
        } else if !flagged.isEmpty && statusText != SpendStatusRule.Status.red.rawValue {
            statusText = SpendStatusRule.Status.amber.rawValue
        }
        if case .empty = cells[columns.status].value { cells[columns.status] = .text(statusText) }
        cells[columns.conditions] = flagged.isEmpty ? .empty : .text(flagged.map(\.text).joined(separator: "; "), .wrapped)
        return cells
    }

    /// The forecast outturn (a value: it is the Budget monitoring sheet's sum, which that sheet shows
    /// line by line) and its variance from the award, as a formula.
    static func addForecast(_ forecast: Money, award: Money, into cells: inout [SheetCell], at r: Int, _ columns: Columns,
                            _ table: inout FigureTable) throws(ReportError) {
        cells[columns.forecast] = .money(forecast)
        let variance = try forecast.minus(award, "forecast variance")
        let formula = "=\(CellRef(row: r, column: columns.forecast).a1)-\(CellRef(row: r, column: columns.award).a1)"
        let bound: B
        (cells[columns.forecastVariance], bound) = table.gate.cell(formula, .money(variance), .body, B.stored(forecast) - B.stored(award))
        table.record([columns.forecast: B.stored(forecast), columns.forecastVariance: bound])
    }

    /// What of the grant's money that must be spent by a day (its tranches, or its award by its
    /// deadline) is forecast not to be, or was not: a value (the sum of `MoneyAtRisk`'s windows), each
    /// window said in words in the conditions column.
    static func addAtRisk(_ windows: [SpendWindow], into cells: inout [SheetCell], _ columns: Columns,
                          _ table: inout FigureTable) throws(ReportError) {
        let total = try Money.total(windows.map(\.atRisk), "at risk")
        cells[columns.atRisk] = .money(total)
        table.record([columns.atRisk: B.stored(total)])
        let sentences = windows.compactMap(\.sentence)
        guard !sentences.isEmpty else { return }
        let said: String
        if case .text(let conditions) = cells[columns.conditions].value { said = conditions + "; " } else { said = "" }
        cells[columns.conditions] = .text(said + sentences.joined(separator: "; "), .wrapped)
    }

    /// Totals: sums of the rows above, as formulas, cached with the grants' exact totals.
    static func totalsRow(_ t: GrantTotals, over rows: ClosedRange<Int>?, at r: Int, _ columns: Columns,
                          _ table: inout FigureTable) throws(ReportError) -> [SheetCell] {
        var cells = [SheetCell](repeating: SheetCell(.empty, .total), count: columns.titles.count)
        cells[0] = .text("Total", .total)
        guard let rows else { return cells }
        var bounds: [Int: B] = [:]
        table.sum(columns.award, over: rows, t.award, into: &cells, &bounds)
        table.sum(columns.allocated, over: rows, t.allocated, into: &cells, &bounds)
        let toDate = try t.spentToDate()
        columns.spend.sum(&table, over: rows, before: t.spentBefore, spent: t.spent, toDate: toDate, into: &cells, &bounds)
        table.sum(columns.remaining, over: rows, t.remaining, into: &cells, &bounds)
        let toDateColumn = columns.spend.toDate
        if let percent = table.share(row: r, toDateColumn, toDate, bounds[toDateColumn] ?? B.stored(toDate), of: columns.award,
                                     t.award, bounds[columns.award] ?? B.stored(t.award), .total) {
            cells[columns.percent] = percent.cell
        }
        return cells
    }

    /// The rule's explanation and its settings; returns the rows of the position date, amber and red gaps.
    static func addStatusRule(_ sheet: inout SheetBuilder, _ rule: SpendStatusRule, _ position: Day, byValue: Bool) -> [Int] {
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
        sheet.add([.text("A grant whose funder's conditions are not met is never Green: match funding short of its share "
                         + "makes it at least Amber, a tranche spent past its cap Red (as audit finds them).", .note)])
        sheet.add([.text("Forecast outturn is the sum of the grant's lines' forecasts on Budget monitoring (to the same day); "
                         + "its variance is the forecast less the award, so below zero is money forecast not to be spent. The status goes by "
                         + "the pace of spend; Budget monitoring sets each line's forecast against its own RAG.", .note)])
        sheet.add([.text("At risk is money that must be spent by a day (a tranche in its year, by its spend-by date, or an award "
                         + "by its deadline) that the lines' forecasts leave unspent by then; once the day has passed, what was not "
                         + "spent is lost. The funder's conditions column says which (report budget --rows tranches lists them).", .note)])
        sheet.add([.text("Lines and initiatives are on Budget v actual; every item of spend is on Spend.", .note)])
        if byValue { sheet.add([.text(FormulaGate.note, .note)]) }
        return [positionRow, amberRow, redRow]
    }

    static func chart(_ columns: Columns, _ rows: ClosedRange<Int>, anchor: Int) -> ChartModel {
        // Names, not ids: a committee reads "Safer Streets round 4", not ss4-bns.
        let categories = SheetArea(sheet: name, area: CellArea(column: 1, rows: rows))
        return ChartModel(
            kind: .bar, title: "Spent against award",
            series: [
                ChartModel.Series(name: "Award", categories: categories,
                                  values: SheetArea(sheet: name, area: CellArea(column: columns.award, rows: rows)),
                                  color: ChartModel.paleBlue),
                ChartModel.Series(name: "Spent", categories: categories,
                                  values: SheetArea(sheet: name, area: CellArea(column: columns.spend.toDate, rows: rows)),
                                  color: ChartModel.darkBlue),
            ],
            anchor: CellRef(row: anchor, column: 0), widthScale: 2.2,
            heightScale: max(1, 0.5 + 0.16 * Double(rows.count)))
    }

    static func funderName(_ grant: Grant, _ ledger: Ledger) -> String? {
        guard let id = grant.funderID else { return nil }
        return ledger.funderIndex[id].map { ledger.funders[$0].name } ?? id
    }
}
