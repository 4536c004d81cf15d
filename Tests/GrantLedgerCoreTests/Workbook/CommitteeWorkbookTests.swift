import Testing
@testable import GrantLedgerCore

@Suite("Committee workbook model")
struct CommitteeWorkbookTests {
    let ledger = SampleBooks.ledger()

    @Test func sheetsInOrderWithAuditAndComparisonOnlyWhenThereIsSomethingToShow() throws {
        let plain = try CommitteeWorkbook.build(ledger, WorkbookFixtures.settings())
        #expect(plain.sheets.map(\.name) == ["Summary", "Budget v actual", "Budget monitoring", "Bids", "Spend", "Provenance"])

        let one = try WorkbookFixtures.allocation(pot: 27_075_000, weights: WorkbookFixtures.thirds)
        let two = try WorkbookFixtures.allocation(pot: 27_075_000, weights: [("population", "1")], unit: 100)
        let finding = Diagnostic(.lineOverspent, "line nwps is overspent", at: SourceLocation(file: "a.ledger", line: 3, column: 5))
        let full = try CommitteeWorkbook.build(ledger, WorkbookFixtures.settings(
            scenarios: [one.named("Summary"), two.named("By population")],
            findings: [finding]))
        #expect(full.sheets.map(\.name) == ["Summary", "Budget v actual", "Budget monitoring", "Bids", "Spend", "Summary (2)", "By population",
                                            "Comparison", "Audit", "Provenance"])
        let audit = try #require(full.sheet(named: "Audit"))
        #expect(audit.find("line-overspent") != nil && audit.find("a.ledger:3:5") != nil)
    }

    @Test func summaryTotalsAreTheGrantsReportsAsFormulas() throws {
        let model = try CommitteeWorkbook.build(ledger, WorkbookFixtures.settings())
        let summary = try #require(model.sheet(named: "Summary"))
        let report = try GrantsReport.build(ledger, ReportFilter(to: WorkbookFixtures.asOf))
        let award = try #require(summary.cell("Total", under: "Award"))
        #expect(award.formula?.text == "=SUM(F5:F6)")
        #expect(award.money == report.money(report.totals, "budget"))
        #expect(summary.cell("Total", under: "Spent")?.money == report.money(report.totals, "spent"))
        #expect(summary.cell("Total", under: "Remaining")?.money == report.money(report.totals, "remaining"))
        // Each grant's remaining is award less spent, live; its status is a formula over the named thresholds.
        let remaining = try #require(summary.cell("snb-2019-20", under: "Remaining"))
        #expect(remaining.formula?.text == "=F5-H5")
        #expect(remaining.money == report.money(report.row("snb-2019-20"), "remaining"))
        let status = try #require(summary.cell("snb-2019-20", under: "Status")?.formula)
        #expect(status.text.contains(">RedGap,\"Red\"") && status.text.contains(">AmberGap,\"Amber\""))
        // The grant is over but only a tenth spent: Red.
        #expect(status.result == .text("Red"))
        #expect(model.names.contains { $0.name == "PositionDate" && $0.target.sheet == "Summary" })
        #expect(summary.charts.count == 1 && summary.charts[0].series.count == 2)
        #expect(summary.highlights.map(\.text) == ["Red", "Amber", "Green"])
    }

    @Test func aFinancialYearSplitsSpendBeforeItAndStopsAtItsEnd() throws {
        let model = try CommitteeWorkbook.build(ledger, WorkbookFixtures.settings(year: FinancialYear(startYear: 2019)))
        let summary = try #require(model.sheet(named: "Summary"))
        #expect(summary.find("Spent before 2019-20", role: .header) != nil)
        #expect(summary.find("Spent to 31/03/2020", role: .header) != nil)
        let position = try #require(summary.cell("Position at", under: "Name"))
        #expect(position.value == .date(Day.parse("2020-03-31") ?? Day(daysSinceEpoch: 0)))
        // 2019-20 only: the Safer Streets grant of 2022 is not listed.
        #expect(summary.find("ss4-bns") == nil)
    }

    @Test func spendIsEveryPostingStreamedWithItsTotalFollowingTheFilters() throws {
        let model = try CommitteeWorkbook.build(ledger, WorkbookFixtures.settings())
        let spend = try #require(model.sheet(named: "Spend"))
        let postings = ledger.postings.filter { ledger.isSpend($0) }
        #expect(spend.rows.count == 5 + postings.count)
        #expect(spend.autofilter == CellArea(first: CellRef(row: 4, column: 0), last: CellRef(row: 4 + postings.count, column: 9)))
        let total = try #require(spend.allRows[2].cells.last?.formula)
        #expect(total.text == "=SUBTOTAL(9,J6:J\(5 + postings.count))")
        #expect(total.result == .money(try Money.sum(postings.map(\.amount))))
        let first = spend.rows[5]
        #expect(first.cells[0].value == .date(Day.parse("2019-06-30") ?? Day(daysSinceEpoch: 0)))
        #expect(first.cells[9].value == .money(Money(pence: 5_000_00)))
        #expect(spend.rows[spend.rows.count].cells.isEmpty)
    }

    @Test func budgetAndBidsTotalsAreTheReports() throws {
        let model = try CommitteeWorkbook.build(ledger, WorkbookFixtures.settings())
        let budget = try #require(model.sheet(named: "Budget v actual"))
        let lines = try LinesReport.build(ledger, ReportFilter(to: WorkbookFixtures.asOf))
        #expect(budget.cell("Total of lines", under: "Budget")?.money == lines.money(lines.totals, "budget"))
        #expect(budget.cell("Total of lines", under: "Variance")?.money == lines.money(lines.totals, "remaining"))
        #expect(budget.cell("Total of initiatives", under: "Spent")?.money == lines.money(lines.totals, "spent"))
        let bids = try #require(model.sheet(named: "Bids"))
        #expect(bids.cell("Total", under: "Requested")?.money == Money(pence: 1_150_000_00))
        #expect(bids.cell("ss4-bns-bid", under: "Not spent")?.formula?.text == "=K5-L5")
    }

    @Test func provenanceAndProperties() throws {
        var settings = WorkbookFixtures.settings()
        settings.provenance.commandLine = "grantledger export " + String(repeating: "--weight pop£=1/3 ", count: 30)
        let model = try CommitteeWorkbook.build(ledger, settings)
        let provenance = try #require(model.sheet(named: "Provenance"))
        #expect(provenance.find(String(repeating: "0", count: 64)) != nil)
        #expect(provenance.find(settings.provenance.commandLine) != nil)
        #expect(model.properties.created == WorkbookFixtures.asOf)
        let command = try #require(model.properties.custom.first { $0.name == "Command" })
        #expect(command.value.utf8.count <= 255 && command.value.hasSuffix("…"))
        #expect(model.properties.company == nil)  // the sample grants name no recipient
    }

    @Test func sameInputsSameModel() throws {
        let a = try CommitteeWorkbook.build(ledger, WorkbookFixtures.settings())
        let b = try CommitteeWorkbook.build(ledger, WorkbookFixtures.settings())
        #expect(a.sheets.map(\.allRows) == b.sheets.map(\.allRows))
        #expect(a.names == b.names && a.properties == b.properties)
    }

    @Test func anAsOfBeforeTheYearIsAnError() {
        #expect(throws: ReportError.self) {
            try CommitteeWorkbook.build(ledger, WorkbookFixtures.settings(
                asOf: Day.parse("2019-01-01") ?? Day(daysSinceEpoch: 0), year: FinancialYear(startYear: 2019)))
        }
    }
}
