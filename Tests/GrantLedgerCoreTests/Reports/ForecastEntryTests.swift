import Testing
@testable import GrantLedgerCore

/// The third forecast method: the officer's own forecast of a line's outturn, entered with a note.
/// The books are the budget-monitoring suite's (£12,000 profiled £3,000 a quarter; £2,500 spent in
/// Q1, £3,500 in Q2, £1,000 in December against an order of £4,000, so £3,000 still committed), with
/// forecasts entered on 30 September and 31 December; every figure worked by hand.
@Suite("Forecast entries")
struct ForecastEntryTests {
    static let forecasts = """
          forecast youth  2019-09-30  £13,000.00  Summer sessions ran over: a second youth worker from October
          forecast youth  2019-12-31  £11,000.00  The second worker left in December; January sessions cancelled
        """

    static var books: String {
        BudgetReportTests.books.replacingOccurrences(
            of: "  profile youth  quarterly  £3,000.00 £3,000.00 £3,000.00 £3,000.00\n",
            with: "  profile youth  quarterly  £3,000.00 £3,000.00 £3,000.00 £3,000.00\n" + forecasts + "\n")
    }

    @Test func theLatestEntryMadeByTheDayIsTheForecast() throws {
        // To 31 December: the December entry, £11,000, above actual £7,000 + committed £3,000.
        let december = try BudgetReportTests.line(BudgetReportTests.quarter("2019-20-Q3"), in: Self.books, method: .entries)
        #expect(december.forecast.pence == 1_100_000)
        #expect(december.forecastVariance.pence == -100_000)
        #expect(december.forecastEntry?.note == "The second worker left in December; January sessions cancelled")
        // To 30 September the December entry is not made yet: the September one, £13,000.
        let september = try BudgetReportTests.line(BudgetReportTests.quarter("2019-20-Q2"), in: Self.books, method: .entries)
        #expect(september.forecast.pence == 1_300_000)
        #expect(september.forecastEntry?.date == Day.parse("2019-09-30"))
    }

    @Test func theForecastNoteColumnIsThereWhateverTheDay() throws {
        // To 30 June no entry is made yet, but the line has entries: the same columns as in December.
        let ledger = LedgerText.load(Self.books).ledger
        let settings = BudgetSettings(asOf: Day.parse("2020-03-31")!)
        let june = try BudgetReport.build(ledger, BudgetReportTests.quarter("2019-20-Q1"), settings)
        let december = try BudgetReport.build(ledger, BudgetReportTests.quarter("2019-20-Q3"), settings)
        #expect(june.columns.map(\.key) == december.columns.map(\.key))
        #expect(june.columns.last?.key == "forecast_note" && june.rows.first?.cells.last == .empty)
    }

    @Test func theLatestByDateWhereverItIsWritten() throws {
        // The December entry written above the September one: still the December one to 31 December.
        let lines = Self.forecasts.split(separator: "\n").map(String.init)
        let reversed = Self.books.replacingOccurrences(of: Self.forecasts, with: lines.reversed().joined(separator: "\n"))
        #expect(reversed != Self.books)
        let december = try BudgetReportTests.line(BudgetReportTests.quarter("2019-20-Q3"), in: reversed, method: .entries)
        #expect(december.forecast.pence == 1_100_000 && december.forecastEntry?.date == Day.parse("2019-12-31"))
    }

    @Test func beforeAnyEntryTheForecastIsByProfile() throws {
        // To 30 June: no entry yet. By profile: £2,500 + the rest, £9,000 (nothing committed yet).
        let june = try BudgetReportTests.line(BudgetReportTests.quarter("2019-20-Q1"), in: Self.books, method: .entries)
        #expect(june.forecastEntry == nil)
        #expect(june.forecast.pence == 1_150_000)
    }

    @Test func anEntryNeverForecastsLessThanIsSpentAndCommitted() throws {
        // An entry of £9,000 made in December, when £7,000 is spent and £3,000 committed: £10,000.
        let low = Self.books.replacingOccurrences(of: "£11,000.00  The second", with: "£9,000.00  The second")
        let line = try BudgetReportTests.line(BudgetReportTests.quarter("2019-20-Q3"), in: low, method: .entries)
        #expect(line.forecast.pence == 1_000_000)
    }

    @Test func theProfileMethodIgnoresEntries() throws {
        // By profile to 31 December: £7,000 + max(£3,000 committed, £3,000 rest) = £10,000.
        let line = try BudgetReportTests.line(BudgetReportTests.quarter("2019-20-Q3"), in: Self.books, method: .profile)
        #expect(line.forecast.pence == 1_000_000)
        #expect(line.forecastEntry == nil)
    }

    @Test func theReportShowsTheEntryAndItsNote() throws {
        let ledger = LedgerText.load(Self.books).ledger
        let report = try BudgetReport.build(ledger, BudgetReportTests.quarter("2019-20-Q3"), BudgetSettings(asOf: Day.parse("2020-03-31")!))
        #expect(report.columns.last?.key == "forecast_note")
        #expect(report.rows.first?.cells.last
                == .text("2019-12-31 £11,000.00: The second worker left in December; January sessions cancelled"))
        #expect(report.title.hasSuffix("forecast by entry or profile"))
    }

    @Test(arguments: [
        ("forecast youth  2019-12-31  £11,000.00", DiagnosticCode.badForecast, Optional(
         "a forecast is a line's id, the day it was made, the outturn forecast and why")),
        ("forecast yuoth  2019-12-31  £11,000.00  Why", .unknownLine, "grant g has no line \"yuoth\" to forecast"),
        ("forecast youth  2020-04-01  £11,000.00  Why", .badForecast,
         "line youth's forecast is dated 2020-04-01, outside grant g's period 2019-20"),
        ("forecast youth  2019-12-31  £11,000.00  Why\n  forecast youth  2019-12-31  £10,000.00  Why not",
         .badForecast, "line youth has two forecasts made on 2019-12-31"),
        ("forecast youth  2019-12-32  £11,000.00  Why", .impossibleDate, nil),
        ("forecast youth  2019-12-31  -£11,000.00  Why", .badValue, nil),
    ])
    func badEntriesAreLocatedErrors(_ field: String, _ code: DiagnosticCode, _ message: String?) throws {
        let text = BudgetReportTests.books.replacingOccurrences(
            of: "  line youth  £12,000.00  Youth diversion\n", with: "  line youth  £12,000.00  Youth diversion\n  \(field)\n")
        let problems = LedgerText.load(text).diagnostics
        #expect(problems.map(\.code) == [code], "\(problems)")
        if let message { #expect(problems.first?.message == message) }
        #expect(problems.first?.location?.line == 10 || problems.first?.location?.line == 11)
    }

    /// A short field with a blank or a comment after it once read past the field's end and trapped.
    @Test(arguments: ["forecast youth  2019-06-30  £5.00 ", "forecast youth \t", "forecast ;c",
                      "forecast youth  2019-06-30  £5.00  ; only a comment", "variance-note youth  2019-20-Q1 ;c",
                      "variance-note youth ", "profile youth  quarterly ", "tranche 2019-20 ", "line x  £1.00 "])
    func aShortFieldBeforeABlankOrACommentIsAnError(_ field: String) throws {
        let text = BudgetReportTests.books.replacingOccurrences(
            of: "  line youth  £12,000.00  Youth diversion\n", with: "  line youth  £12,000.00  Youth diversion\n  \(field)\n")
        let problems = LedgerText.load(text).diagnostics
        #expect(problems.count == 1 && problems.first?.severity == .error, "\(problems)")
        #expect(problems.first?.location?.line == 10)
    }
}
