import GrantLedgerCore
import Testing

@Suite struct HledgerWriterTests {
    @Test func writesDeclarationsAndExplicitAmountsInDateOrder() {
        let (ledger, diagnostics) = LedgerLoader.load(text: """
        funder ho  Home Office
        area bassetlaw  Bassetlaw
        initiative cctv-town  Town CCTV
        grant ss4  Safer Streets 4
          funder  ho
          period  2022-23
          award   £2,000.00
          line cctv  £2,000.00  CCTV
          profile cctv  quarterly  £500.00 £700.00 £500.00 £300.00
        account expenses:cctv
        account assets:bank

        2022-06-01 ! (INV-2) Later | second   ; grant:ss4
            expenses:cctv   £1,234.56   ; line:cctv, area:bassetlaw, initiative:cctv-town, class:capital, supplier:Secure Vision Ltd, ref:BDC/22
            assets:bank                 = -£1,254.56

        2022-05-01 * Earlier; with a semicolon
            expenses:cctv   £20.00   ; grant:ss4
            assets:bank
        """)
        // The second spend names no line on purpose (the journal gives it no budget: tag): a finding, not an error.
        #expect(diagnostics.map(\.code) == [.spendWithoutLine])
        let journal = HledgerWriter.journal(ledger, header: ["from a test"])
        #expect(journal == """
        ; from a test

        commodity £1000.00

        account assets:bank
        account expenses:cctv

        ; Budgets: each line's profile (hledger bal --budget -Q --pivot budget)

        ~ quarterly from 2022-04-01 to 2022-07-01  ss4 cctv 2022-23-Q1
            (budget:ss4:cctv)  £500.00

        ~ quarterly from 2022-07-01 to 2022-10-01  ss4 cctv 2022-23-Q2
            (budget:ss4:cctv)  £700.00

        ~ quarterly from 2022-10-01 to 2023-01-01  ss4 cctv 2022-23-Q3
            (budget:ss4:cctv)  £500.00

        ~ quarterly from 2023-01-01 to 2023-04-01  ss4 cctv 2022-23-Q4
            (budget:ss4:cctv)  £300.00

        2022-05-01 * Earlier, with a semicolon
            expenses:cctv  £20.00  ; grant:ss4
            assets:bank  £-20.00

        2022-06-01 ! (INV-2) Later | second
            expenses:cctv  £1234.56  ; grant:ss4, line:cctv, area:bassetlaw, initiative:cctv-town, class:capital, supplier:Secure Vision Ltd, ref:BDC/22, budget:budget:ss4:cctv
            assets:bank  £-1234.56 = £-1254.56  ; grant:ss4

        """)
    }

    @Test func guardsDescriptionsThatHledgerWouldReadAsStatusOrCode() {
        let (ledger, _) = LedgerLoader.load(text: """
        account expenses:x
        account assets:bank

        2022-05-01 (unclosed paren
            expenses:x   £1.00
            assets:bank

        2022-05-02 *starred
            expenses:x   £1.00
            assets:bank
        """)
        let journal = HledgerWriter.journal(ledger)
        #expect(journal.contains("2022-05-01 () (unclosed paren\n"))
        #expect(journal.contains("2022-05-02 () *starred\n"))
    }

    @Test func tiesKeepFileOrder() {
        let (ledger, _) = LedgerLoader.load(text: """
        account expenses:x
        account assets:bank

        2022-05-02 B
            expenses:x   £2.00
            assets:bank

        2022-05-01 A
            expenses:x   £1.00
            assets:bank

        2022-05-02 C
            expenses:x   £3.00
            assets:bank
        """)
        let order = HledgerWriter.journal(ledger).split(separator: "\n").filter { $0.hasPrefix("2022") }
        #expect(order == ["2022-05-01 A", "2022-05-02 B", "2022-05-02 C"])
    }
}
