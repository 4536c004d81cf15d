import GrantLedgerCore
import Testing

@Suite struct TableWriterTests {
    @Test func alignsColumnsRightAlignsMoneyAndRulesOffTheTotals() throws {
        let (ledger, _) = LedgerLoader.load(text: """
        account assets:bank
        account expenses:cctv
        account income:grant

        2022-04-01 Grant
            assets:bank      £1,000,000.00
            income:grant

        2022-05-01 CCTV
            expenses:cctv    £250.00
            assets:bank
        """)
        let table = TableWriter.render(try BalanceReport.build(ledger))
        #expect(table == """
        Balances

        Account               Balance
        -------------  --------------
        assets:bank       £999,750.00
        expenses:cctv         £250.00
        income:grant   -£1,000,000.00
        -------------  --------------
        Total                   £0.00

        """)
    }

    @Test func linesAreIndentedUnderTheirGrantWithoutRepeatingIt() throws {
        let table = TableWriter.render(try GrantsReport.build(SampleBooks.ledger(), ReportFilter(grantID: "ss4-bns")))
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Grants (grant ss4-bns)")
        #expect(lines[4].hasPrefix("ss4-bns  "))
        #expect(lines[5].hasPrefix("           cctv  "), "the grant id is not repeated; the line is indented")
        #expect(lines[5].contains("£300,000.00"))
        #expect(lines[5].hasSuffix("16.1%"))
        #expect(lines[7].allSatisfy { $0 == "-" || $0 == " " })
        #expect(lines[8].hasPrefix("Total"))
        #expect(lines[8].contains("£750,000.00"))
    }

    @Test func anEmptyReportSaysSo() throws {
        let table = TableWriter.render(try BidsReport.build(SampleBooks.ledger(), ReportFilter(grantID: "snb-2019-20")))
        #expect(table.contains("(nothing to report)"))
    }
}
