import GrantLedgerCore
import Testing

@Suite struct GrantsReportTests {
    let ledger = SampleBooks.ledger()

    @Test func listsEachGrantWithAwardAllocatedSpentAndRemaining() throws {
        let report = try GrantsReport.build(ledger)
        #expect(report.columns.map(\.key) == ["grant", "name", "funder", "period", "budget", "allocated", "spent",
                                              "remaining", "spent_percent"])
        let snb = report.row("snb-2019-20")
        #expect(report.money(snb, "budget") == pounds("£625,118.00"))
        #expect(report.money(snb, "allocated") == pounds("£625,118.00"))
        #expect(report.money(snb, "spent") == pounds("£72,700.00"))
        #expect(report.money(snb, "remaining") == pounds("£552,418.00"))
        #expect(report.cell(snb, "spent_percent") == .percent(Percent(part: pounds("£72,700.00"), whole: pounds("£625,118.00"))))
        #expect(report.rows.allSatisfy { !$0.isDetail }, "without --fy or --grant, lines are not listed")
        #expect(report.money(report.totals, "budget") == pounds("£1,375,118.00"))
        #expect(report.money(report.totals, "spent") == pounds("£120,950.00"))
    }

    @Test func financialYearShowsTheGrantAndItsSixLinesSummingToTheAward() throws {
        let report = try GrantsReport.build(ledger, ReportFilter(financialYear: FinancialYear(startYear: 2019)))
        #expect(report.title == "Grants (2019-20)")
        #expect(report.rows.filter { !$0.isDetail }.count == 1, "only the grant whose period overlaps 2019-20")
        let lines = report.rows.filter(\.isDetail)
        #expect(lines.count == 7, "six lines and the row for spend on no line")
        let lineIDs = lines.compactMap { report.cell($0, "line")?.text }
        #expect(lineIDs == ["iom-ida", "nwps", "po-nps", "iom-knife", "youth", "joint", "(none)"])
        let budgets = try Money.sum(lines.prefix(6).compactMap { report.money($0, "budget") })
        #expect(budgets == pounds("£625,118.00"))
        let nwps = report.row("snb-2019-20", "nwps")
        #expect(report.money(nwps, "budget") == pounds("£270,750.00"))
        #expect(report.money(nwps, "spent") == pounds("£67,687.50"))
        #expect(report.money(nwps, "remaining") == pounds("£203,062.50"))
        #expect(report.cell(nwps, "spent_percent").flatMap { if case .percent(let p) = $0 { p.formatted } else { nil } } == "25.0")
        let none = report.row("snb-2019-20", "(none)")
        #expect(report.money(none, "spent") == pounds("£12.50"))
        #expect(report.money(none, "budget") == .zero)
    }

    @Test func totalsCountGrantRowsOnlyNeverTheirLinesAgain() throws {
        let report = try GrantsReport.build(ledger, ReportFilter(financialYear: FinancialYear(startYear: 2019)))
        #expect(report.money(report.totals, "budget") == pounds("£625,118.00"))
        #expect(report.money(report.totals, "spent") == pounds("£72,700.00"))
        #expect(report.money(report.totals, "remaining") == pounds("£552,418.00"))
    }

    @Test func eachGrantsLineRowsAddUpToTheGrantRow() throws {
        for filter in [ReportFilter(grantID: "ss4-bns"), ReportFilter(financialYear: FinancialYear(startYear: 2019))] {
            let report = try GrantsReport.build(ledger, filter)
            try ReportInvariants.detailRowsAddUp(report, columns: ["budget", "spent", "remaining"])
        }
    }

    @Test func aGrantRunningOverSeveralYearsShowsWhatIsLeftAtTheEndOfTheYear() throws {
        let report = try GrantsReport.build(ledger, ReportFilter(financialYear: FinancialYear(startYear: 2023)))
        #expect(report.columns.map(\.key).contains("spent_before"))
        let ss4 = report.row("ss4-bns")
        #expect(report.money(ss4, "spent_before") == pounds("£48,250.00"), "spent in 2022-23")
        #expect(report.money(ss4, "spent") == .zero, "nothing spent in 2023-24")
        #expect(report.money(ss4, "remaining") == pounds("£701,750.00"), "award − spent before − spent")
        #expect(report.cell(ss4, "spent_percent") == .percent(Percent(part: pounds("£48,250.00"), whole: pounds("£750,000.00"))))
        let cctv = report.row("ss4-bns", "cctv")
        #expect(report.money(cctv, "spent_before") == pounds("£48,250.00"))
        #expect(report.money(cctv, "remaining") == pounds("£251,750.00"))
        try ReportInvariants.detailRowsAddUp(report, columns: ["budget", "spent_before", "spent", "remaining"])
        let undated = try GrantsReport.build(ledger, ReportFilter(grantID: "ss4-bns"))
        #expect(!undated.columns.map(\.key).contains("spent_before"), "no start date, nothing before it")
    }

    @Test func dateFilterCountsOnlySpendInRange() throws {
        let report = try GrantsReport.build(ledger, ReportFilter(from: Day.parse("2019-07-01"), to: Day.parse("2022-12-31")))
        #expect(report.money(report.row("snb-2019-20"), "spent") == pounds("£67,700.00"))
        #expect(report.money(report.row("ss4-bns"), "spent") == pounds("£48,250.00"))
    }

    @Test func areaFilterIncludesTheAreasWithinIt() throws {
        let report = try GrantsReport.build(ledger, ReportFilter(areaID: "bns-csp"))
        #expect(report.money(report.row("snb-2019-20"), "spent") == pounds("£67,687.50"), "newark is within bns-csp")
        #expect(report.money(report.row("ss4-bns"), "spent") == pounds("£48,250.00"), "bassetlaw is within bns-csp")
        let county = try GrantsReport.build(ledger, ReportFilter(areaID: "nottinghamshire"))
        #expect(county.money(county.totals, "spent") == pounds("£120,937.50"), "every tagged area; the untagged £12.50 is not in it")
    }
}
