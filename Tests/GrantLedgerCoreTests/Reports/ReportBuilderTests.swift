import GrantLedgerCore
import Testing

@Suite struct ReportBuilderTests {
    let ledger = SampleBooks.ledger()

    @Test func linesReportHasEveryLineAndTheSpendOnNoLine() throws {
        let report = try LinesReport.build(ledger)
        #expect(report.columns.map(\.key) == ["grant", "line", "name", "budget", "spent", "remaining", "spent_percent"])
        #expect(report.rows.count == 9, "six SNB lines, its (none) row, two SS4 lines")
        let cctv = report.rows.first { $0.cells[1] == .text("cctv") }
        #expect(report.money(cctv, "remaining") == pounds("£251,750.00"))
        #expect(report.money(report.totals, "budget") == pounds("£1,375,118.00"))
        #expect(report.money(report.totals, "spent") == pounds("£120,950.00"))
    }

    @Test func initiativesReportCountsSpendPostings() throws {
        let report = try InitiativesReport.build(ledger)
        #expect(report.columns.map(\.key) == ["initiative", "name", "lead", "area", "spent", "postings"])
        let cctv = report.row("bns-cctv")
        #expect(report.money(cctv, "spent") == pounds("£48,250.00"))
        #expect(report.cell(cctv, "postings") == .count(1))
        #expect(report.cell(cctv, "lead") == .text("Bassetlaw District Council"))
        let none = report.row("(none)")
        #expect(report.money(none, "spent") == pounds("£72,700.00"))
        #expect(report.cell(none, "postings") == .count(3))
        #expect(report.totals.cells[5] == .count(4))
    }

    @Test func areasReportShowsTypeAndParentWithoutRollUp() throws {
        let report = try AreasReport.build(ledger)
        let csp = report.row("bns-csp")
        #expect(report.cell(csp, "type") == .text("csp"))
        #expect(report.cell(csp, "within") == .text("nottinghamshire"))
        #expect(report.money(csp, "spent") == .zero, "no roll-up: the CSP has no postings of its own")
        #expect(report.money(report.row("(none)"), "spent") == pounds("£12.50"))
        #expect(report.money(report.totals, "spent") == pounds("£120,950.00"))
    }

    @Test func bidsReportFollowsTheLifecycleAndTheGrantItBecame() throws {
        let report = try BidsReport.build(ledger)
        #expect(report.columns.map(\.key) == ["bid", "fund", "round", "applicant", "status", "submitted", "decided",
                                              "requested", "awarded", "grant", "spent", "underspend"])
        let won = report.row("ss4-bns-bid")
        #expect(report.cell(won, "status") == .text("awarded"))
        #expect(report.cell(won, "submitted") == .date(Day(year: 2022, month: 2, day: 24)!))
        #expect(report.cell(won, "decided") == .date(Day(year: 2022, month: 6, day: 30)!))
        #expect(report.money(won, "awarded") == pounds("£750,000.00"))
        #expect(report.money(won, "spent") == pounds("£48,250.00"))
        #expect(report.money(won, "underspend") == pounds("£701,750.00"))
        let lost = report.row("ss3-rejected")
        #expect(report.cell(lost, "status") == .text("rejected"))
        #expect(report.cell(lost, "awarded") == .empty)
        #expect(report.cell(lost, "grant") == .empty)
        #expect(report.money(report.totals, "requested") == pounds("£1,150,000.00"))
    }

    @Test func bidsForTheSameGrantShowItsSpendOnce() throws {
        let (ledger, _) = LedgerLoader.load(text: """
        funder f  F
        grant g  G
          funder  f
          period  2022-23
          award   £100.00
        bid b1  First
          requested  £100.00
          grant      g
          2022-04-01  draft
          2022-04-02  submitted
          2022-05-01  part-awarded  £60.00
        bid b2  Second
          requested  £40.00
          grant      g
          2022-04-01  draft
          2022-04-02  submitted
          2022-05-01  part-awarded  £40.00
        account expenses:x
        account assets:bank

        2022-06-01 Spend   ; grant:g
            expenses:x   £30.00
            assets:bank
        """)
        let report = try BidsReport.build(ledger)
        #expect(report.money(report.row("b1"), "spent") == pounds("£30.00"))
        #expect(report.cell(report.row("b2"), "spent") == .empty)
        #expect(report.money(report.totals, "spent") == pounds("£30.00"))
    }

    @Test func bidsFilteredByDateHaveAStatusChangeInRange() throws {
        let report = try BidsReport.build(ledger, ReportFilter(financialYear: FinancialYear(startYear: 2021)))
        #expect(report.rows.compactMap { $0.cells[0].text } == ["ss4-bns-bid", "ss3-rejected"])
        let later = try BidsReport.build(ledger, ReportFilter(from: Day.parse("2022-04-01")))
        #expect(later.rows.compactMap { $0.cells[0].text } == ["ss4-bns-bid"])
    }

    @Test func aZeroBudgetHasNoPercent() throws {
        let report = try LinesReport.build(ledger)
        let none = report.rows.first { $0.cells[1] == .text("(none)") }
        #expect(report.money(none, "budget") == .zero)
        #expect(report.cell(none, "spent_percent") == .empty)
    }
}

@Suite struct ReportModelTests {
    @Test func rowsMustFitTheirColumns() {
        #expect(throws: ReportError.malformedRow(row: 0, cells: 1, columns: 2)) {
            try Report(title: "T", columns: [.text("a", "A", label: true), .money("b", "B")], rows: [ReportRow([.text("x")])])
        }
    }

    @Test func percentColumnsMustDivideAmounts() {
        #expect(throws: ReportError.malformedColumn("p")) {
            try Report(title: "T", columns: [.text("a", "A"), .percent("p", "P", parts: [0], whole: 7)], rows: [])
        }
    }

    @Test func totalsAndPercentsAreDerivedNotTaken() throws {
        let columns: [ReportColumn] = [.text("a", "A", label: true), .money("spent", "Spent"), .money("budget", "Budget"),
                                       .percent("p", "P", parts: [1], whole: 2), .count("n", "N")]
        let report = try Report(title: "T", columns: columns, rows: [
            ReportRow([.text("x"), .money(pounds("£1.00")), .money(pounds("£3.00")), .text("made up"), .count(2)]),
            ReportRow(level: 1, [.text("x.1"), .money(pounds("£100.00")), .money(pounds("£100.00")), .empty, .count(50)]),
            ReportRow([.text("y"), .money(pounds("£2.00")), .money(pounds("£5.00")), .empty, .count(1)]),
        ])
        #expect(report.rows[0].cells[3] == .percent(Percent(part: pounds("£1.00"), whole: pounds("£3.00"))))
        #expect(report.totals.cells == [.text("Total"), .money(pounds("£3.00")), .money(pounds("£8.00")),
                                        .percent(Percent(part: pounds("£3.00"), whole: pounds("£8.00"))), .count(3)],
                "detail rows are not added again")
    }

    @Test func anOverflowingTotalIsAnErrorNotATrap() {
        #expect(throws: ReportError.overflow("Spent")) {
            try Report(title: "T", columns: [.text("a", "A"), .money("spent", "Spent")], rows: [
                ReportRow([.text("x"), .money(Money(pence: .max))]), ReportRow([.text("y"), .money(Money(pence: 1))]),
            ])
        }
    }
}
