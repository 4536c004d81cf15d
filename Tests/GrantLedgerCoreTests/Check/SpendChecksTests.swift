import Testing
@testable import GrantLedgerCore

@Suite("Spend against grant periods and line budgets")
struct SpendChecksTests {
    /// A grant running 2022-07-01..2023-09-30, with an earlier spend deadline when given.
    static func ledger(deadline: String? = nil, _ transactions: String) -> String {
        """
        funder f  F
        grant g  G
          funder  f
          period  2022-07-01..2023-09-30
          award   £1,000.00
        \(deadline.map { "  deadline  \($0)" } ?? "  ; no deadline: the end of the period")
          line a  £600.00  A
          line b  £400.00  B
        account assets:bank
        account expenses:work
        account liabilities:creditors

        \(transactions)
        """
    }

    static func spend(_ date: String, _ amount: String = "£10.00", tags: String = "grant:g, line:a",
                      account: String = "expenses:work") -> String {
        """
        \(date) Spend
            \(account)  \(amount)   ; \(tags)
            assets:bank

        """
    }

    @Test func spendOnTheFirstAndLastDaysIsInside() {
        let diagnostics = LedgerText.load(Self.ledger(Self.spend("2022-07-01") + Self.spend("2023-09-30"))).diagnostics
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
    }

    @Test func spendBeforeTheStart() throws {
        let diagnostics = LedgerText.load(Self.ledger(Self.spend("2022-06-30"))).diagnostics
        #expect(diagnostics.codes == [.spendOutsidePeriod])
        let problem = try #require(diagnostics.first)
        #expect(problem.message == "spend dated 2022-06-30 is before grant g starts on 2022-07-01")
        #expect(problem.location?.line == 14)
        #expect(problem.location?.column == 5)
        #expect(problem.length == "expenses:work".utf8.count)
    }

    @Test func spendAfterThePeriodEnds() {
        let diagnostics = LedgerText.load(Self.ledger(Self.spend("2023-10-01"))).diagnostics
        #expect(diagnostics.codes == [.spendOutsidePeriod])
        #expect(diagnostics.first?.message == "spend dated 2023-10-01 is after grant g's period end (2023-09-30)")
    }

    @Test func spendAfterTheDeadlineButInsideThePeriod() {
        let text = Self.ledger(deadline: "2023-03-31", Self.spend("2023-03-31") + Self.spend("2023-04-01"))
        let diagnostics = LedgerText.load(text).diagnostics
        #expect(diagnostics.codes == [.spendOutsidePeriod])
        #expect(diagnostics.first?.location?.line == 17)
        #expect(diagnostics.first?.message == "spend dated 2023-04-01 is after grant g's spend deadline (2023-03-31)")
    }

    @Test func onlyExpensesWithAGrantTagAreSpend() {
        let text = Self.ledger(
            Self.spend("2020-01-01", tags: "line:a, ref:not a grant's")
                .replacingOccurrences(of: "line:a, ", with: "")
            + Self.spend("2020-01-01", tags: "grant:g", account: "liabilities:creditors"))
        let diagnostics = LedgerText.load(text).diagnostics
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
    }

    @Test func spendOfAnUnknownGrantIsReportedOnlyAsUnknown() {
        let diagnostics = LedgerText.load(Self.ledger(Self.spend("2020-01-01", tags: "grant:h"))).diagnostics
        #expect(diagnostics.codes == [.unknownGrant])
    }

    @Test func aLineSpentUpToItsBudgetIsClean() {
        let text = Self.ledger(Self.spend("2022-08-01", "£500.00") + Self.spend("2022-09-01", "£100.00")
            + Self.spend("2022-09-01", "£400.00", tags: "grant:g, line:b"))
        #expect(LedgerText.load(text).diagnostics.isEmpty)
    }

    @Test func aLineOverspentIsAFinding() throws {
        let text = Self.ledger(Self.spend("2022-08-01", "£500.00") + Self.spend("2022-09-01", "£100.01")
            + Self.spend("2022-09-01", "£399.99", tags: "grant:g, line:b"))
        let diagnostics = LedgerText.load(text).diagnostics
        #expect(diagnostics.codes == [.lineOverspent])
        let problem = try #require(diagnostics.first)
        #expect(problem.severity == .finding)
        #expect(problem.message == "line a of grant g has spent £600.01 against a budget of £600.00: £0.01 over")
        #expect(problem.location == GrantLedgerCore.SourceLocation(file: "test.ledger", line: 7, column: 8))
        #expect(ExitStatus(diagnostics) == .findings)
    }

    @Test func refundsComeOffTheLine() {
        let text = Self.ledger(Self.spend("2022-08-01", "£700.00") + Self.spend("2022-09-01", "-£100.00"))
        #expect(LedgerText.load(text).diagnostics.isEmpty)
    }

    @Test func lineBudgetsAreNotCheckedWhenReadingFailed() {
        // An unreadable transaction elsewhere: the totals would be wrong, so no overspend is claimed.
        let text = Self.ledger(Self.spend("2022-08-01", "£700.00") + Self.spend("2022-08-02", "£1,0.00"))
        #expect(LedgerText.load(text).diagnostics.codes == [.badAmount])
        let ledger = LedgerText.read(text).ledger
        #expect(SpendChecks.withinLineBudget(ledger).codes == [.lineOverspent])
    }

    @Test func twoGrantsWithTheSameLineIDAreCountedApart() {
        let text = Self.ledger(Self.spend("2022-08-01", "£600.00") + Self.spend("2022-08-01", "£50.00", tags: "grant:h, line:a")) + """

            grant h  H
              funder  f
              period  2022-23
              award   £50.00
              line a  £50.00  A
            """
        #expect(LedgerText.load(text).diagnostics.isEmpty)
    }

    /// Three spends of £92,233,720,368,547,758.07 on one line: the total in the finding is exact (it
    /// once stuck at the Int64 maximum, and audit printed that as the total spent). The reader
    /// refuses such amounts, so they are put in after reading, as any caller of the check could.
    @Test func theLineTotalIsExactPastInt64() throws {
        var ledger = LedgerText.read(Self.ledger(Self.spend("2022-08-01") + Self.spend("2022-08-02") + Self.spend("2022-08-03"))).ledger
        for index in ledger.postings.indices { ledger.postings[index].amount = Money(pence: ledger.postings[index].amount.isNegative ? -.max : .max) }
        let problems = SpendChecks.withinLineBudget(ledger)
        #expect(problems.map(\.code) == [.lineOverspent])
        #expect(problems.first?.message.contains("has spent £276,701,161,105,643,274.21 against a budget of £600.00") == true, "\(problems)")
    }
}
