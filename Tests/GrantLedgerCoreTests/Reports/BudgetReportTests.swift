import Testing
@testable import GrantLedgerCore

/// Budget monitoring on a small grant, every figure worked by hand: a £12,000 youth line profiled
/// £3,000 a quarter, £2,500 spent in Q1 and £3,500 in Q2, an order for £4,000 raised in November
/// and £1,000 of it invoiced in December.
@Suite("Budget monitoring")
struct BudgetReportTests {
    static let books = """
        funder f  A funder
        account expenses:youth
        account assets:bank

        grant g  Youth grant
          funder  f
          period  2019-20
          award   £12,000.00
          line youth  £12,000.00  Youth diversion
          profile youth  quarterly  £3,000.00 £3,000.00 £3,000.00 £3,000.00

        commitment po-1  Youth sessions, January to March
          date    2019-11-01
          grant   g
          line    youth
          amount  £4,000.00
          ref     PO-1

        2019-05-10 Supplier | Q1 sessions   ; grant:g, line:youth
            expenses:youth  £2,500.00
            assets:bank

        2019-08-10 Supplier | Q2 sessions   ; grant:g, line:youth
            expenses:youth  £3,500.00
            assets:bank

        2019-12-15 Supplier | first invoice against PO-1   ; grant:g, line:youth, ref:PO-1
            expenses:youth  £1,000.00
            assets:bank
        """

    static func line(_ filter: ReportFilter, in text: String = books, asOf: String = "2020-03-31",
                     method: ForecastMethod = .profile) throws -> BudgetLineFigures {
        let (ledger, problems) = LedgerText.load(text)
        #expect(problems.isEmpty, "\(problems)")
        let figures = try BudgetReport.figures(ledger, filter, BudgetSettings(asOf: Day.parse(asOf)!, method: method))
        #expect(figures.rows.count == 1)
        return try #require(figures.rows.first)
    }

    static func quarter(_ text: String) -> ReportFilter {
        ReportFilter(period: FinancialPeriod.parse(text))
    }

    @Test func theThirdQuarterWorkedByHand() throws {
        let line = try Self.line(Self.quarter("2019-20-Q3"))
        #expect(line.profiledInPeriod?.pence == 300_000 && line.actualInPeriod.pence == 100_000)
        #expect(line.profiledToDate?.pence == 900_000 && line.actualToDate.pence == 700_000)
        #expect(line.varianceToDate?.pence == -200_000)
        // £4,000 ordered, £1,000 invoiced with its reference: £3,000 still committed.
        #expect(line.committed.pence == 300_000)
        // Actual £7,000, then the larger of committed (£3,000) and the rest of the profile (Q4, £3,000).
        #expect(line.forecast.pence == 1_000_000)
        #expect(line.forecastVariance.pence == -200_000)
        #expect(line.remaining.pence == 500_000)
        // £2,000 off a £12,000 budget is 16.7%: beyond Red's 10%.
        #expect(line.status == .red)
    }

    @Test func commitmentsAreCountedOnlyOnceAgainstTheProfile() throws {
        // An order larger than the rest of the profile: the forecast is actual plus the order.
        let bigger = Self.books.replacingOccurrences(of: "amount  £4,000.00", with: "amount  £6,000.00")
        let line = try Self.line(Self.quarter("2019-20-Q3"), in: bigger)
        #expect(line.committed.pence == 500_000)
        #expect(line.forecast.pence == 1_200_000)
        #expect(line.status == .green)
    }

    @Test func theProfileForecastAtTheEndOfAugust() throws {
        // To 31 August only Q1's £3,000 is due; actual £6,000, of it £3,500 in Q2, which is under way.
        // The rest of the profile is Q2 to Q4, £9,000, less Q2's £3,000 already being spent (the
        // £3,500 covers all of it): £6,000. Forecast £6,000 + £6,000 = £12,000, on budget: spending
        // early in a quarter is not counted again on top of the quarter's profile.
        let line = try Self.line(ReportFilter(to: Day.parse("2019-08-31")), method: .profile)
        #expect(line.profiledToDate?.pence == 300_000 && line.actualToDate.pence == 600_000)
        #expect(line.committed.pence == 0)
        #expect(line.restOfProfile.pence == 600_000)
        #expect(line.forecast.pence == 1_200_000)
        #expect(line.status == .green)
    }

    @Test func partOfAQuarterSpentLeavesTheRestOfItsProfile() throws {
        // To 31 July: Q2 has £0 spent so far (the Q2 invoice is 10 August), so its £3,000 is still to come.
        let july = try Self.line(ReportFilter(to: Day.parse("2019-07-31")))
        #expect(july.actualToDate.pence == 250_000 && july.restOfProfile.pence == 900_000)
        #expect(july.forecast.pence == 1_150_000)
    }

    @Test func theRunRateForecastWorkedByHand() throws {
        // £6,000 in the 153 days from 1 April to 31 August, carried on for the year's 366 days
        // (2020 is a leap year): 6,000 × 366 / 153 = £14,352.941… → £14,352.94.
        let august = try Self.line(ReportFilter(to: Day.parse("2019-08-31")), method: .runRate)
        #expect(august.forecast.pence == 1_435_294)
        // At 30 September, 183 days: 6,000 × 366 / 183 = £12,000.00 exactly, on budget.
        let september = try Self.line(ReportFilter(to: Day.parse("2019-09-30")), method: .runRate)
        #expect(september.forecast.pence == 1_200_000)
        #expect(september.status == .green)
        // At 31 December the pace gives 7,000 × 366 / 275 = £9,316.36, less than actual and
        // committed (£10,000), which stands.
        let december = try Self.line(ReportFilter(to: Day.parse("2019-12-31")), method: .runRate)
        #expect(december.forecast.pence == 1_000_000)
    }

    @Test func aClosedCommitmentHoldsNothing() throws {
        let closed = Self.books.replacingOccurrences(of: "  ref     PO-1\n", with: "  ref     PO-1\n  closed  2020-01-31\n")
        #expect(try Self.line(Self.quarter("2019-20-Q3"), in: closed).committed.pence == 300_000)
        let after = try Self.line(Self.quarter("2019-20-Q4"), in: closed)
        #expect(after.committed.pence == 0)
        #expect(after.forecast.pence == after.actualToDate.pence, "the grant's year is over: the forecast is the actual")
    }

    @Test func theTableAddsUpAndSaysWhatItIs() throws {
        let ledger = LedgerText.load(Self.books).ledger
        let report = try BudgetReport.build(ledger, Self.quarter("2019-20-Q3"), BudgetSettings(asOf: Day.parse("2020-03-31")!))
        #expect(report.title == "Budget monitoring (2019-20-Q3): to 2019-12-31, forecast by entry or profile")
        #expect(report.columns.map(\.key) == ["grant", "line", "name", "budget", "profile", "actual", "profile_to_date", "actual_to_date",
                                              "variance_to_date", "committed", "forecast", "forecast_variance",
                                              "forecast_variance_percent", "remaining", "status", "note"])
        let csv = ReportFormat.csv.render(report)
        #expect(csv.contains("g,youth,Youth diversion,12000.00,3000.00,1000.00,9000.00,7000.00,-2000.00,3000.00,10000.00,-2000.00,-16.7,5000.00,Red,"),
                "\(csv)")
    }
}

/// A commitment read and held to its grant: the fields it needs, a line the grant has, dates that make sense.
@Suite("Commitments")
struct CommitmentTests {
    static func books(_ fields: [String]) -> String {
        BudgetReportTests.books.components(separatedBy: "commitment po-1")[0]
            + "commitment po-2  An order\n" + fields.map { "  \($0)\n" }.joined()
    }

    @Test func aCommitmentIsReadWithEveryField() throws {
        let text = Self.books(["date  2019-11-01", "grant  g", "line  youth", "amount  £4,000.00", "supplier  Supplier",
                               "ref  PO-2", "closed  2020-01-31"])
        let (ledger, problems) = LedgerText.load(text)
        #expect(problems.isEmpty, "\(problems)")
        let commitment = try #require(ledger.commitments.first)
        #expect(commitment.date == Day.parse("2019-11-01") && commitment.closed == Day.parse("2020-01-31"))
        #expect(commitment.grantID == "g" && commitment.lineID == "youth" && commitment.amount?.pence == 400_000)
        #expect(commitment.supplier == "Supplier" && commitment.releasingReference == "PO-2")
        #expect(ledger.commitmentIndex["po-2"] == 0)
    }

    @Test(arguments: [
        (["grant  g", "amount  £1.00"], DiagnosticCode.missingField, "commitment po-2 has no date"),
        (["date  2019-11-01", "grant  g", "line  yuth", "amount  £1.00"], .unknownLine,
         "grant g has no line \"yuth\" for commitment po-2"),
        (["date  2019-11-01", "grant  h", "amount  £1.00"], .unknownGrant, "unknown grant \"h\""),
        (["date  2018-11-01", "grant  g", "amount  £1.00"], .spendOutsidePeriod,
         "commitment po-2 is dated 2018-11-01, outside grant g's period 2019-20"),
        (["date  2019-11-01", "grant  g", "amount  £1.00", "closed  2019-10-01"], .badValue,
         "commitment po-2 is closed on 2019-10-01, before it was raised on 2019-11-01"),
        (["date  2019-11-01", "grant  g", "amount  £1.00", "colour  red"], .unknownField, "\"colour\" is not a field here"),
    ])
    func badCommitmentsAreLocatedErrors(_ fields: [String], _ code: DiagnosticCode, _ message: String) {
        let problems = LedgerText.load(Self.books(fields)).diagnostics
        #expect(problems.map(\.code) == [code], "\(problems)")
        #expect(problems.first?.message == message)
        #expect(problems.first?.location != nil)
    }
}

/// What a review found in budget monitoring, each held by a test.
@Suite("Budget monitoring edges")
struct BudgetMonitoringEdgeTests {
    @Test func twoOrdersCannotShareAReference() {
        let text = BudgetReportTests.books + """


            commitment po-9  Another order
              date    2019-11-02
              grant   g
              line    youth
              amount  £1.00
              ref     PO-1
            """
        let problems = LedgerText.load(text).diagnostics
        #expect(problems.map(\.code) == [.duplicateID])
        #expect(problems.first?.message == "commitments po-1 and po-9 on grant g both take the reference PO-1")
    }

    @Test func anInvoiceBeforeTheOrderDoesNotReleaseIt() throws {
        // The £1,000 invoice of 15 December carries PO-1; dated before an order of 20 December, it is something else.
        let later = BudgetReportTests.books.replacingOccurrences(of: "date    2019-11-01", with: "date    2019-12-20")
        let line = try BudgetReportTests.line(BudgetReportTests.quarter("2019-20-Q3"), in: later)
        #expect(line.committed.pence == 400_000)
    }

    @Test func budgetMonitoringIsNotCutByArea() {
        let ledger = LedgerText.load(BudgetReportTests.books + "\n\narea x  An area\n").ledger
        #expect(throws: ReportError.budgetByArea) {
            try BudgetReport.figures(ledger, ReportFilter(areaID: "x"), BudgetSettings(asOf: Day.parse("2020-03-31")!))
        }
    }

    @Test func aPeriodRunningPastTheGrantsEndFallsDueAtTheEnd() throws {
        let text = """
            funder f  F
            grant g  G
              funder  f
              period  2019-04-01..2019-11-15
              award   £300.00
              line a  £300.00  A
              profile a  quarterly  even
            """
        let ledger = LedgerText.read(text).ledger
        let grant = try #require(ledger.grants.first), line = try #require(grant.lines.first)
        let profile = try #require(BudgetProfile.of(line: line, in: grant))
        #expect(profile.dueDates.map(\.description) == ["2019-06-30", "2019-09-30", "2019-11-15"])
        #expect(profile.due(through: Day.parse("2019-11-15")!).pence == 30_000, "all of it by the grant's last day")
        #expect(profile.due(after: Day.parse("2019-11-15")!).pence == 0)
    }
}

@Suite("Budget monitoring limits")
struct BudgetLimitTests {
    @Test func aColumnPerMonthOverCenturiesIsRefused() {
        let ledger = LedgerText.load(BudgetReportTests.books).ledger
        #expect(throws: ReportError.tooManyPeriods(132, 120)) {
            try BudgetReport.figures(ledger, ReportFilter(from: Day.parse("2019-04-01"), to: Day.parse("2030-03-31")),
                                     BudgetSettings(asOf: Day.parse("2020-03-31")!, by: .month))
        }
    }

    @Test func aRunRatePastTheSpreadsheetLimitIsAnError() {
        let text = """
            funder f  F
            account expenses:x
            account assets:bank
            grant g  G
              funder  f
              period  2000-04-01..2099-03-31
              award   £9,000,000,000,000.00
              line a  £9,000,000,000,000.00  A

            2000-04-01 Supplier | all at once   ; grant:g, line:a
                expenses:x  £1,000,000,000,000.00
                assets:bank
            """
        let ledger = LedgerText.load(text).ledger
        #expect(throws: ReportError.overflow("run-rate forecast of g line a")) {
            try BudgetReport.figures(ledger, ReportFilter(to: Day.parse("2000-04-01")), BudgetSettings(asOf: Day.parse("2000-04-01")!, method: .runRate))
        }
    }
}
