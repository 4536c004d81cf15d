@testable import GrantLedgerCore
import Testing

/// The Budget monitoring sheet on the hand-worked youth grant (`BudgetReportTests`): its cells are
/// `report budget`'s figures, the variances, forecast and status live formulas cached with them,
/// and the chart's last forecast is the line's forecast outturn.
@Suite("Budget monitoring sheet")
struct BudgetMonitoringSheetTests {
    static func sheet(asOf: String) throws -> SheetModel {
        let ledger = LedgerText.load(BudgetReportTests.books).ledger
        let model = try CommitteeWorkbook.build(ledger, WorkbookFixtures.settings(asOf: Day.parse(asOf)!))
        return try #require(model.sheet(named: "Budget monitoring"))
    }

    static func formula(_ cell: SheetCell?) -> (text: String, cached: FormulaResult)? {
        guard case .formula(let formula)? = cell?.value else { return nil }
        return (formula.text, formula.result)
    }

    @Test func theThirdQuarterAsTheReportHasIt() throws {
        let sheet = try Self.sheet(asOf: "2019-12-31")
        #expect(sheet.cell("g", under: "Budget")?.value == .money(Money(pence: 1_200_000)))
        #expect(sheet.cell("g", under: "Profile to date")?.value == .money(Money(pence: 900_000)))
        #expect(sheet.cell("g", under: "Actual to date")?.value == .money(Money(pence: 700_000)))
        #expect(sheet.cell("g", under: "Committed")?.value == .money(Money(pence: 300_000)))
        #expect(sheet.cell("g", under: "Rest of profile")?.value == .money(Money(pence: 300_000)))
        let forecast = try #require(Self.formula(sheet.cell("g", under: "Forecast")))
        #expect(forecast.text.contains("+MAX(") && forecast.cached == .money(Money(pence: 1_000_000)))
        let variance = try #require(Self.formula(sheet.cell("g", under: "Forecast variance")))
        #expect(variance.cached == .money(Money(pence: -200_000)))
        let status = try #require(Self.formula(sheet.cell("g", under: "RAG")))
        #expect(status.text.contains("ForecastRed") && status.cached == .text("Red"))
        #expect(sheet.charts.count == 1 && sheet.charts.first?.kind == .line)
        #expect(sheet.charts.first?.series.map(\.name) == ["Profile", "Actual", "Forecast"])
        // The chart's figures: the last quarter's forecast is the line's forecast outturn.
        let q4 = try #require(sheet.find("2019-20-Q4"))
        #expect(sheet.cell(row: q4.row, column: 3).value == .money(Money(pence: 1_000_000)))
        #expect(sheet.cell(row: q4.row, column: 1).value == .money(Money(pence: 1_200_000)), "the profile, cumulative")
        #expect(sheet.cell(row: q4.row, column: 2).value == .empty, "no actual for a quarter not begun")
    }

    @Test func aStatusAtAThresholdIsTheExactValue() throws {
        // £600 off a £12,000 budget is exactly 5%: not beyond Amber, which binary arithmetic might tip.
        let ledger = LedgerText.load(BudgetReportTests.books.replacingOccurrences(of: "amount  £4,000.00", with: "amount  £6,600.00")).ledger
        let model = try CommitteeWorkbook.build(ledger, WorkbookFixtures.settings(asOf: Day.parse("2019-12-31")!))
        let sheet = try #require(model.sheet(named: "Budget monitoring"))
        #expect(Self.formula(sheet.cell("g", under: "Forecast variance"))?.cached == .money(Money(pence: 60_000)))
        let status = try #require(sheet.cell("g", under: "RAG"))
        #expect(status.value == .text("Green") && status.look.exactValue)
    }

    @Test func midQuarterTheChartEndsAtTheForecast() throws {
        // 15 November: actual £6,000; committed £4,000 against the rest of the profile (Q3 and Q4, £6,000):
        // the forecast is £12,000, and the chart's last quarter says so.
        let sheet = try Self.sheet(asOf: "2019-11-15")
        #expect(Self.formula(sheet.cell("g", under: "Forecast"))?.cached == .money(Money(pence: 1_200_000)))
        let q4 = try #require(sheet.find("2019-20-Q4"))
        #expect(sheet.cell(row: q4.row, column: 3).value == .money(Money(pence: 1_200_000)))
        let q3 = try #require(sheet.find("2019-20-Q3"))
        #expect(sheet.cell(row: q3.row, column: 2).value == .money(Money(pence: 600_000)), "actual to the day in the quarter begun")
    }

    @Test func anOfficersForecastIsTheFormulaAndTheChartEndsAtIt() throws {
        // To 31 December with the December entry (£11,000, "The second worker left…"): the forecast
        // cell types the entry into MAX(entry, actual+committed); the chart's Q4 ends at £11,000, its
        // Q3 at actual £7,000 plus Q3's share of the £4,000 still to spend (the profile's rest holds
        // nothing more for Q3, £3,000 for Q4: all £4,000 goes to Q4).
        let ledger = LedgerText.load(ForecastEntryTests.books).ledger
        let model = try CommitteeWorkbook.build(ledger, WorkbookFixtures.settings(asOf: Day.parse("2019-12-31")!))
        let sheet = try #require(model.sheet(named: "Budget monitoring"))
        let forecast = try #require(Self.formula(sheet.cell("g", under: "Forecast")))
        #expect(forecast.text.hasPrefix("=MAX(11000.00,") && forecast.cached == .money(Money(pence: 1_100_000)))
        #expect(sheet.cell("g", under: "Variance note")?.value == .empty, "the forecast's note has a column of its own")
        guard case .text(let note)? = sheet.cell("g", under: "Forecast note")?.value else {
            Issue.record("no note beside the line")
            return
        }
        #expect(note == "2019-12-31 £11,000.00: The second worker left in December; January sessions cancelled")
        let q3 = try #require(sheet.find("2019-20-Q3")), q4 = try #require(sheet.find("2019-20-Q4"))
        #expect(sheet.cell(row: q3.row, column: 3).value == .money(Money(pence: 700_000)))
        #expect(sheet.cell(row: q4.row, column: 3).value == .money(Money(pence: 1_100_000)))
    }

    @Test func midQuarterAnEntrySpreadsLikeTheProfile() throws {
        // 15 November, entry of 30 September (£13,000): £7,000 still to spend after actual £6,000,
        // spread as the profile's rest is (£3,000 left of Q3, nothing spent in it yet, and £3,000 in
        // Q4; the £4,000 committed is within that rest): halves, £3,500 each.
        let ledger = LedgerText.load(ForecastEntryTests.books).ledger
        let model = try CommitteeWorkbook.build(ledger, WorkbookFixtures.settings(asOf: Day.parse("2019-11-15")!))
        let sheet = try #require(model.sheet(named: "Budget monitoring"))
        #expect(Self.formula(sheet.cell("g", under: "Forecast"))?.cached == .money(Money(pence: 1_300_000)))
        let q3 = try #require(sheet.find("2019-20-Q3")), q4 = try #require(sheet.find("2019-20-Q4"))
        #expect(sheet.cell(row: q3.row, column: 3).value == .money(Money(pence: 950_000)))
        #expect(sheet.cell(row: q4.row, column: 3).value == .money(Money(pence: 1_300_000)))
    }

    @Test func theChartsStartAPrintedPage() throws {
        let sheet = try Self.sheet(asOf: "2019-12-31")
        let section = try #require(sheet.find("Cumulative actual and forecast against the profile, quarter by quarter"))
        #expect(sheet.pageBreaks == [section.row], "a chart cut across two pages cannot be read")
    }

    @Test func theSummaryShowsTheForecastOutturn() throws {
        // To 31 December the youth line's forecast is £10,000 (by profile): on the Summary, against the
        // £12,000 award, a forecast variance of -£2,000 as a live formula; with the December entry, £11,000.
        for (text, forecast) in [(BudgetReportTests.books, 1_000_000), (ForecastEntryTests.books, 1_100_000)] {
            let ledger = LedgerText.load(text).ledger
            let model = try CommitteeWorkbook.build(ledger, WorkbookFixtures.settings(asOf: Day.parse("2019-12-31")!))
            let summary = try #require(model.sheet(named: "Summary"))
            #expect(summary.cell("g", under: "Forecast outturn")?.value == .money(Money(pence: Int64(forecast))))
            let variance = try #require(Self.formula(summary.cell("g", under: "Forecast variance")))
            #expect(variance.text.hasPrefix("=") && variance.cached == .money(Money(pence: Int64(forecast) - 1_200_000)))
        }
    }

    @Test func spendEarlyInAQuarterAndOrdersBeyondItStillEndAtTheForecast() throws {
        // 15 November, £2,000 more spent on 10 October and the order £5,000: actual £8,000; the rest of
        // the profile is £6,000 less the £2,000 Q3 has spent, £4,000; committed £5,000 is more, so the
        // forecast is £13,000. The chart: Q3 £8,000 + £1,000 of Q3's profile + the £1,000 ordered
        // beyond the rest = £10,000; Q4 £13,000, the forecast.
        let text = BudgetReportTests.books.replacingOccurrences(of: "amount  £4,000.00", with: "amount  £5,000.00") + """


            2019-10-10 Supplier | October sessions   ; grant:g, line:youth
                expenses:youth  £2,000.00
                assets:bank
            """
        let ledger = LedgerText.load(text).ledger
        let model = try CommitteeWorkbook.build(ledger, WorkbookFixtures.settings(asOf: Day.parse("2019-11-15")!))
        let sheet = try #require(model.sheet(named: "Budget monitoring"))
        #expect(Self.formula(sheet.cell("g", under: "Forecast"))?.cached == .money(Money(pence: 1_300_000)))
        let q3 = try #require(sheet.find("2019-20-Q3")), q4 = try #require(sheet.find("2019-20-Q4"))
        #expect(sheet.cell(row: q3.row, column: 3).value == .money(Money(pence: 1_000_000)))
        #expect(sheet.cell(row: q4.row, column: 3).value == .money(Money(pence: 1_300_000)))
    }

    @Test func aRowWithNoProfileHasNoVarianceFromOneAsInTheReport() throws {
        // £500 spent on no line: the (none) row has no profile to date and no variance, as report budget has it.
        let text = BudgetReportTests.books + """


            2019-09-01 Supplier | unlined   ; grant:g
                expenses:youth  £500.00
                assets:bank
            """
        let ledger = LedgerText.load(text).ledger
        let model = try CommitteeWorkbook.build(ledger, WorkbookFixtures.settings(asOf: Day.parse("2019-12-31")!))
        let sheet = try #require(model.sheet(named: "Budget monitoring"))
        let none = try #require(sheet.find(TagKey.untagged.label))
        #expect(sheet.cell(row: none.row, column: BudgetMonitoringSheet.Column.profiled).value == .empty)
        #expect(sheet.cell(row: none.row, column: BudgetMonitoringSheet.Column.variance).value == .empty)
        let total = try #require(sheet.find("Total"))
        // The variance total is the youth line's alone: £7,000 less £9,000.
        #expect(Self.formula(sheet.cell(row: total.row, column: BudgetMonitoringSheet.Column.variance))?.cached
                == .money(Money(pence: -200_000)))
    }

    @Test func aLongGrantsChartStartsAPageOfItsOwn() throws {
        // Two grants: a year's (a block of 17 rows) and ten years' (42 rows): together past a page's
        // 50 rows, so the second starts the next page.
        let text = BudgetReportTests.books + """


            grant long  Ten-year grant
              funder  f
              period  2019-04-01..2029-03-31
              award   £40,000.00
              line work  £40,000.00  Work
            """
        let ledger = LedgerText.load(text).ledger
        let model = try CommitteeWorkbook.build(ledger, WorkbookFixtures.settings(asOf: Day.parse("2019-12-31")!))
        let sheet = try #require(model.sheet(named: "Budget monitoring"))
        let section = try #require(sheet.find("Cumulative actual and forecast against the profile, quarter by quarter"))
        let second = try #require(sheet.find("Ten-year grant"))
        #expect(sheet.pageBreaks == [section.row, second.row - 1], "the blank before the second block starts the page")
    }
}
