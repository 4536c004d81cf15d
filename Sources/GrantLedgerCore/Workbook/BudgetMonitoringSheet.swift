/// Budget monitoring: per grant line, budget, profile to date, actual to date and their variance,
/// what is committed, the rest of the profile, the forecast outturn (actual, then the larger of
/// committed and the rest of the profile), its variance from the budget, as a percent too, the RAG
/// status against thresholds stated on the sheet, and the variance notes; then, per grant, a chart
/// of cumulative actual and forecast against the profile, quarter by quarter.
///
/// The figures are `report budget`'s for the same filter, to the same day; variances, forecast,
/// percent, status and totals are live formulas whose cached values are the exact figures wherever
/// `FormulaGate` finds that spreadsheet arithmetic reproduces them, and values (in italics) elsewhere.
enum BudgetMonitoringSheet {
    static let name = "Budget monitoring"
    /// The longest grant charted, in financial years.
    static let chartedYears = 10
    /// The rows of charts and their figures a printed page holds (landscape A4, fit to width).
    static let chartRowsPerPage = 50
    typealias B = SpreadsheetBound

    enum Column {
        static let titles = ["Grant", "Line", "Name", "Budget", "Profile to date", "Actual to date", "Variance to date",
                             "Committed", "Rest of profile", "Forecast", "Forecast variance", "Variance %", "RAG", "Variance note",
                             "Forecast note"]
        static let budget = 3, profiled = 4, actual = 5, variance = 6, committed = 7, rest = 8, forecast = 9
        static let forecastVariance = 10, percent = 11, status = 12, note = 13, forecastNote = 14
    }

    static func build(_ ledger: Ledger, _ settings: CommitteeWorkbookSettings, _ monitoring: BudgetMonitoringFigures,
                      _ names: inout [DefinedName]) throws(ReportError) -> SheetModel
    {
        let position = monitoring.settings.asOf
        let budget = monitoring.settings
        let figures = monitoring.lines
        var sheet = SheetBuilder()
        sheet.add([.text("Budget monitoring", .title)])
        sheet.add([.text((settings.financialYear.map { "\($0): " } ?? "") + "each line's profile and actual to "
                         + "\(WorkbookText.long(position)), what is committed and the forecast outturn: actual, then the larger of "
                         + "what is committed and the rest of the profile, or the officer's forecast entry where one is made (never less than "
                         + "actual and committed; its note is in the last column). RAG against the thresholds below.", .subtitle)])
        sheet.addBlank()
        let header = sheet.add(Column.titles.map { .text($0, .header) })
        var table = FigureTable()
        let first = sheet.nextRow
        for line in figures.rows {
            sheet.add(try row(line, at: sheet.nextRow, position: position, rule: budget.status, &table))
        }
        let last = sheet.nextRow - 1
        if last >= first { sheet.add(try totals(figures.rows, over: first...last, at: sheet.nextRow, &table)) }
        let initiativeRows = try addInitiatives(&sheet, monitoring, position: position, &table)
        let thresholds = addRule(&sheet, budget.status, byValue: table.gate.anyByValue)
        names.append(DefinedName("ForecastAmber", SheetArea(sheet: name, area: CellArea(column: 1, rows: thresholds.amber...thresholds.amber))))
        names.append(DefinedName("ForecastRed", SheetArea(sheet: name, area: CellArea(column: 1, rows: thresholds.red...thresholds.red))))
        var pageBreaks: [Int] = []
        let charts = try addCharts(&sheet, ledger, figures, position: position, pageBreaks: &pageBreaks)
        var highlights: [TextHighlight] = []
        if last >= first {
            let statusArea = CellArea(column: Column.status, rows: first...last)
            highlights = [TextHighlight(area: statusArea, text: "Red", tone: .red), TextHighlight(area: statusArea, text: "Amber", tone: .amber),
                          TextHighlight(area: statusArea, text: "Green", tone: .green)]
            names.append(DefinedName("LineForecast", SheetArea(sheet: name, area: CellArea(column: Column.forecast, rows: first...last))))
        }
        if let rows = initiativeRows {
            let area = CellArea(column: Column.status, rows: rows)
            highlights += [TextHighlight(area: area, text: "Red", tone: .red), TextHighlight(area: area, text: "Amber", tone: .amber),
                           TextHighlight(area: area, text: "Green", tone: .green)]
        }
        return SheetModel(name: name, title: "Budget monitoring", rows: sheet.sheetRows, columnWidths: sheet.widths,
                          frozenRows: header + 1, frozenColumns: 1, printTitleRows: header...header, charts: charts, highlights: highlights,
                          pageBreaks: pageBreaks)
    }

    /// The initiatives that carry a budget, under the lines and monitored as they are (each held to
    /// its own grant and period: `InitiativeBudgetTally`), with their own totals; returns their rows.
    /// They are the lines' money seen another way, so they are not added to the lines' totals.
    static func addInitiatives(_ sheet: inout SheetBuilder, _ monitoring: BudgetMonitoringFigures, position: Day,
                               _ table: inout FigureTable) throws(ReportError) -> ClosedRange<Int>? {
        let figures = monitoring.initiatives, budget = monitoring.settings
        guard !figures.rows.isEmpty else { return nil }
        table.startSection()
        sheet.addBlank()
        sheet.add([.text("Initiatives with a budget of their own (the lines' money seen by initiative: not added to the lines)", .section)])
        sheet.add([.text("An initiative is forecast by its profile: forecast entries are its line's, above.", .note)])
        sheet.add(Column.titles.enumerated().map { .text($0.offset == 1 ? "Initiative" : $0.element, .header) })
        let first = sheet.nextRow
        for row in figures.rows {
            sheet.add(try self.row(row, at: sheet.nextRow, position: position, rule: budget.status, &table))
        }
        let last = sheet.nextRow - 1
        sheet.add(try totals(figures.rows, over: first...last, at: sheet.nextRow, &table))
        return first...last
    }

    /// One line: its figures, and the variances, forecast, percent and status as formulas.
    static func row(_ line: BudgetLineFigures, at r: Int, position: Day, rule: ForecastStatusRule,
                    _ table: inout FigureTable) throws(ReportError) -> [SheetCell] {
        func ref(_ column: Int) -> String { CellRef(row: r, column: column).a1 }
        var cells = [SheetCell](repeating: .empty, count: Column.titles.count)
        cells[0] = .text(line.grantID)
        cells[1] = .text(line.key.label)
        cells[2] = .text(line.name, .wrapped)
        let rest = line.restOfProfile
        var bounds: [Int: B] = [:]
        for (column, money) in [(Column.budget, line.budget), (Column.profiled, line.profiledToDate), (Column.actual, line.actualToDate),
                                (Column.committed, line.committed), (Column.rest, rest)] {
            // A row with no profile (the award and spend on no line) has no profile to date, nor a variance from it.
            guard let money else { continue }
            cells[column] = .money(money)
            bounds[column] = B.stored(money)
        }
        let b = { (column: Int) in bounds[column] ?? B.stored(Rational.zero) }
        if let variance = line.varianceToDate {
            (cells[Column.variance], bounds[Column.variance]) = table.gate.cell(
                "=\(ref(Column.actual))-\(ref(Column.profiled))", .money(variance), .body, b(Column.actual) - b(Column.profiled))
        }
        if let entry = line.forecastEntry {
            // The officer's figure is typed into the formula, so it shows where the forecast came from.
            let typed = B.stored(entry.outturn)
            (cells[Column.forecast], bounds[Column.forecast]) = table.gate.cell(
                "=MAX(\(entry.outturn.formatted(.plain)),\(ref(Column.actual))+\(ref(Column.committed)))", .money(line.forecast), .body,
                B.larger(typed, b(Column.actual) + b(Column.committed)))
        } else {
            (cells[Column.forecast], bounds[Column.forecast]) = table.gate.cell(
                "=\(ref(Column.actual))+MAX(\(ref(Column.committed)),\(ref(Column.rest)))", .money(line.forecast), .body,
                b(Column.actual) + B.larger(b(Column.committed), b(Column.rest)))
        }
        (cells[Column.forecastVariance], bounds[Column.forecastVariance]) = table.gate.cell(
            "=\(ref(Column.forecast))-\(ref(Column.budget))", .money(line.forecastVariance), .body, b(Column.forecast) - b(Column.budget))
        if let percent = table.share(row: r, Column.forecastVariance, line.forecastVariance, b(Column.forecastVariance),
                                     of: Column.budget, line.budget, b(Column.budget), .body) {
            cells[Column.percent] = percent.cell
        }
        cells[Column.status] = status(line, rule, ref, varianceError: b(Column.forecastVariance).error)
        if !line.notes.isEmpty { cells[Column.note] = .text(line.notes.map { "\($0.period): \($0.text)" }.joined(separator: "; "), .wrapped) }
        if let entry = line.forecastEntry { cells[Column.forecastNote] = .text(entry.described, .wrapped) }
        table.record(bounds)
        return cells
    }

    /// The status as a formula on the thresholds, or, where the gap sits within half a penny of a
    /// threshold (where binary arithmetic could tip it), the exact status as a value.
    static func status(_ line: BudgetLineFigures, _ rule: ForecastStatusRule, _ ref: (Int) -> String, varianceError: Rational) -> SheetCell {
        let exact = line.status.rawValue
        let gap = (try? Rational(pence: line.forecastVariance).divided(by: Rational(100))).map { $0.magnitude } ?? .zero
        let budget = Rational(pence: line.budget) * Rational(storage: .small(1, 100))
        // Half a penny, widened by what the variance cell and the product with a threshold (a
        // double, off by its roundoff) may be off by: inside it binary arithmetic could tip the status.
        let window = Rational(storage: .small(1, 200)) + varianceError + SpreadsheetBound.stored(budget).error * Rational(2)
            + SpreadsheetBound.unitRoundoff * budget * Rational(4)
        for threshold in [rule.amber, rule.red] {
            let distance = gap - threshold * budget
            if distance < window && -distance < window { return .text(exact, CellLook.body.markedExact) }
        }
        let gapText = "ABS(\(ref(Column.forecastVariance)))", budgetRef = ref(Column.budget)
        return .formula("=IF(\(ref(Column.actual))>\(budgetRef),\"Red\",IF(\(gapText)>ForecastRed*\(budgetRef),\"Red\","
                        + "IF(\(gapText)>ForecastAmber*\(budgetRef),\"Amber\",\"Green\")))", .text(exact))
    }

    /// Totals: SUMs of the money columns, cached with the exact sums.
    static func totals(_ rows: [BudgetLineFigures], over range: ClosedRange<Int>, at r: Int, _ table: inout FigureTable)
        throws(ReportError) -> [SheetCell] {
        var cells = [SheetCell](repeating: SheetCell(.empty, .total), count: Column.titles.count)
        cells[0] = .text("Total", .total)
        var bounds: [Int: B] = [:]
        let columns: [(Int, (BudgetLineFigures) throws(ReportError) -> Money)] = [
            (Column.budget, { $0.budget }), (Column.profiled, { $0.profiledToDate ?? .zero }), (Column.actual, { $0.actualToDate }),
            (Column.variance, { $0.varianceToDate ?? .zero }),
            (Column.committed, { $0.committed }), (Column.rest, { $0.restOfProfile }), (Column.forecast, { $0.forecast }),
            (Column.forecastVariance, { $0.forecastVariance }),
        ]
        for (column, figure) in columns {
            var amounts: [Money] = []
            for row in rows { amounts.append(try figure(row)) }
            table.sum(column, over: range, try Money.total(amounts, Column.titles[column]), into: &cells, &bounds)
        }
        return cells
    }

    /// The RAG rule and its thresholds; returns the rows the thresholds are in.
    static func addRule(_ sheet: inout SheetBuilder, _ rule: ForecastStatusRule, byValue: Bool) -> (amber: Int, red: Int) {
        sheet.addBlank()
        sheet.add([.text("How the status is set", .section)])
        sheet.add([.text("The forecast variance is the forecast outturn less the budget, either way: an underspend is money "
                         + "a grant may lose, an overspend money there is not.", .note)])
        let amber = sheet.add([.text("Amber beyond", .label), .percent(rule.amber, CellLook.input.decimals(0)),
                               .text("of the budget, either way", .note)])
        let red = sheet.add([.text("Red beyond", .label), .percent(rule.red, CellLook.input.decimals(0)),
                             .text("of the budget, or actual already over it. Otherwise Green. Change a threshold and the statuses "
                                   + "follow, but for any in italics: an exact value, at a threshold where spreadsheet arithmetic could tip it.", .note)])
        if byValue { sheet.add([.text(FormulaGate.note, .note)]) }
        return (amber, red)
    }
}

extension BudgetMonitoringSheet {
    /// Per grant with a period of at most `chartedYears` years: its quarters' cumulative profile, actual (to the position) and
    /// forecast (actual to the position, then the rest of the profile, and what lines have committed
    /// beyond it in the next quarter: so it ends at the lines' forecasts), and a line chart of the
    /// three. Returns the charts.
    /// The charts start a printed page, and a grant's block that would run past the page's rows
    /// (`chartRowsPerPage`) starts the next, so none is cut in two.
    static func addCharts(_ sheet: inout SheetBuilder, _ ledger: Ledger, _ figures: ReportFigures<BudgetLineFigures>,
                          position: Day, pageBreaks: inout [Int]) throws(ReportError) -> [ChartModel] {
        // A grant of more than ten years would draw a chart no one can read (and rows by the thousand).
        let grants = Array(Set(figures.rows.map(\.grantID))).compactMap { ledger.grantIndex[$0] }.sorted()
            .filter { index in ledger.grants[index].period.map { FinancialPeriod.covering($0, by: .year).count <= chartedYears } ?? false }
        guard let start = grants.compactMap({ ledger.grants[$0].period?.start }).min(),
              let end = grants.compactMap({ ledger.grants[$0].period?.end }).max() else { return [] }
        let quarters = FinancialPeriod.covering(Period(start: start, end: end), by: .quarter)
        var toDate = ReportFilter()
        toDate.to = position
        let tally = try PeriodTally(ReportScope(ledger, toDate), periods: quarters)
        sheet.addBlank()
        pageBreaks.append(sheet.nextRow)
        var pageStart = sheet.nextRow
        sheet.add([.text("Cumulative actual and forecast against the profile, quarter by quarter", .section)])
        var charts: [ChartModel] = []
        for (place, index) in grants.enumerated() {
            let grant = ledger.grants[index]
            guard let period = grant.period else { continue }
            let own = quarters.enumerated().filter { $0.element.period.end >= period.start && $0.element.period.start <= period.end }
            // A blank, the header, then the quarters or the chart's 15 rows, whichever is longer.
            let blockRows = 2 + max(own.count, 15)
            if place > 0 && sheet.nextRow - pageStart + blockRows > chartRowsPerPage {
                pageBreaks.append(sheet.nextRow)
                pageStart = sheet.nextRow
            }
            let lines = figures.rows.filter { $0.grantID == grant.id }
            let quarterList = own.map(\.element)
            var paths: [[Money]] = []
            for line in lines { paths.append(try ForecastTiming.path(line, over: quarterList, position: position)) }
            sheet.addBlank()
            let header = sheet.add([.text(grant.name, .label), .text("Profile", .header), .text("Actual", .header), .text("Forecast", .header)])
            var cumulative = (profile: Money.zero, actual: Money.zero, forecast: Money.zero)
            let first = sheet.nextRow
            for (place, (number, quarter)) in own.enumerated() {
                let due = try Money.total(lines.compactMap { $0.profile?.due(in: quarter.period) }, "profile")
                cumulative.profile = try cumulative.profile.plus(due, "profile")
                let begun = quarter.period.start <= position
                if begun {
                    cumulative.actual = try cumulative.actual.plus(try Money.total(tally.sums[index].map { $0[number] }, "actual"), "actual")
                    cumulative.forecast = cumulative.actual
                }
                cumulative.forecast = try cumulative.forecast.plus(try Money.total(paths.map { $0[place] }, "forecast"), "forecast")
                sheet.add([.text(quarter.description), .money(cumulative.profile), begun ? .money(cumulative.actual) : .empty,
                           .money(cumulative.forecast)])
            }
            let last = sheet.nextRow - 1
            guard last >= first else { continue }
            func area(_ column: Int) -> SheetArea { SheetArea(sheet: name, area: CellArea(column: column, rows: first...last)) }
            charts.append(ChartModel(
                kind: .line, title: "\(grant.name): cumulative spend against profile",
                series: [ChartModel.Series(name: "Profile", categories: area(0), values: area(1), color: ChartModel.paleBlue),
                         ChartModel.Series(name: "Actual", categories: area(0), values: area(2), color: ChartModel.darkBlue),
                         ChartModel.Series(name: "Forecast", categories: area(0), values: area(3), color: ChartModel.orange)],
                anchor: CellRef(row: header, column: 5), widthScale: 1.6, heightScale: 1))
            // Room for the chart beside the figures before the next grant's.
            while sheet.nextRow < header + 16 { sheet.addBlank() }
        }
        return charts
    }
}
