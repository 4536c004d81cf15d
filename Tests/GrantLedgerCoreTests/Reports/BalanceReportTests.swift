import GrantLedgerCore
import Testing

@Suite struct BalanceReportTests {
    @Test func tinyLedgerBalancesAsHledgerShowsThem() throws {
        let (ledger, diagnostics) = LedgerLoader.load(text: """
        account assets:bank
        account assets:bank:petty
        account expenses:cctv
        account expenses:unused
        account income:grant

        2022-04-01 Grant
            assets:bank      £1,000.00
            income:grant

        2022-05-01 CCTV
            expenses:cctv    £250.00
            assets:bank

        2022-05-02 Float
            assets:bank:petty   £20.00
            assets:bank
        """)
        #expect(diagnostics.isEmpty)
        let report = try BalanceReport.build(ledger)
        #expect(report.columns.map(\.key) == ["account", "balance"])
        let rows = report.rows.map { ($0.cells[0].text ?? "", $0.cells[1].money ?? .zero) }
        #expect(rows.map(\.0) == ["assets:bank", "assets:bank:petty", "expenses:cctv", "income:grant"],
                "sorted by name, the zero balance of expenses:unused left out")
        #expect(rows.map(\.1) == [pounds("£730.00"), pounds("£20.00"), pounds("£250.00"), pounds("-£1,000.00")],
                "each account's own postings: no roll-up of assets:bank:petty into assets:bank")
        #expect(report.totals.cells[1] == .money(.zero))
    }

    @Test func filtersNarrowThePostingsSummed() throws {
        let ledger = SampleBooks.ledger()
        let report = try BalanceReport.build(ledger, ReportFilter(financialYear: FinancialYear(startYear: 2022)))
        #expect(report.rows.map { $0.cells[0].text ?? "" } ==
                ["assets:bank:bns-csp", "expenses:safer-streets:cctv", "income:grants"])
        let grant = try BalanceReport.build(ledger, ReportFilter(grantID: "snb-2019-20"))
        #expect(grant.money(grant.rows.first { $0.cells[0] == .text("assets:bank:snb") }, "balance") == pounds("£552,418.00"))
    }
}
