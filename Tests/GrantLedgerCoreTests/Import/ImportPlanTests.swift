import Testing
@testable import GrantLedgerCore

@Suite("Import plans: what is new, what is already there, what conflicts")
struct ImportPlanTests {
    static let books = LedgerText.declarations + """
        2022-10-31 * Secure Vision Ltd | CCTV   ; grant:ss4, ref:INV-1
            expenses:cctv   £250.00   ; line:cctv, area:bassetlaw, initiative:cctv-upgrade, class:capital
            assets:bank

        """
    static let rulesText = """
        column date         Date
        column amount       Amount
        column reference    Invoice
        column supplier     Supplier
        column description  Text
        column cost-centre  CC
        date-format  DD/MM/YYYY
        paid-from    assets:bank
        map cost-centre C1
          grant       ss4
          line        cctv
          account     expenses:cctv
          area        bassetlaw
          initiative  cctv-upgrade
          class       capital
        map cost-centre L1
          grant    ss4
          line     lighting
          account  expenses:lighting
        """

    static func plan(_ csv: String) -> (ImportPlan, ImportRules, Ledger) {
        let (ledger, diagnostics) = LedgerText.load(books)
        #expect(diagnostics.isEmpty)
        let rules = ImportRulesReader.read(text: rulesText, name: "r.rules").rules
        let export = FinanceExport.read(text: "Date,Invoice,Supplier,Text,CC,Amount\n" + csv, name: "e.csv", rules: rules)
        #expect(export.diagnostics.isEmpty, "\(DiagnosticRenderer().render(export.diagnostics))")
        #expect(rules.problems(against: ledger, rows: export.rows).isEmpty)
        return (ImportPlan.make(rows: export.rows, rules: rules, ledger: ledger), rules, ledger)
    }

    @Test func aRowAlreadyInTheLedgerIsSkippedAndCounted() {
        let (plan, _, _) = Self.plan("31/10/2022,INV-1,Secure Vision Ltd,edited later,C1,250.00\n")
        #expect(plan.transactions.isEmpty)
        #expect(plan.rowsAlreadyImported == 1)
        #expect(plan.referencesAlreadyImported == 1)
        #expect(plan.diagnostics.isEmpty)
    }

    @Test func theSameReferenceWithOtherContentIsAnErrorShowingBoth() throws {
        let (plan, _, _) = Self.plan("31/10/2022,INV-1,Secure Vision Ltd,x,C1,205.00\n")
        #expect(plan.diagnostics.codes == [.referenceConflict])
        let problem = try #require(plan.diagnostics.first)
        #expect(problem.location == SourceLocation(file: "e.csv", line: 2, column: 12))
        #expect(problem.message == "reference INV-1 is already in the ledger (test.ledger:24) with different content")
        #expect(problem.hint?.contains("ledger: 2022-10-31 £250.00 expenses:cctv grant:ss4 line:cctv") == true)
        #expect(problem.hint?.contains("this export: 2022-10-31 £205.00 expenses:cctv grant:ss4 line:cctv") == true)
    }

    @Test func linesOfOneInvoiceBecomeOneTransactionInDateOrder() throws {
        let (plan, rules, _) = Self.plan("""
            15/11/2022,INV-3,Bright Lights Ltd,lamps,L1,100.00
            02/11/2022,INV-2,Secure Vision Ltd,cameras,C1,40.00
            02/11/2022,INV-2,Secure Vision Ltd,"poles; brackets",L1,60.00
            20/11/2022,CN-4,"Secure Vision, Ltd",returned,C1,(10.00)

            """)
        #expect(plan.diagnostics.isEmpty)
        #expect(plan.transactions.map(\.reference) == ["INV-2", "INV-3", "CN-4"])
        #expect(plan.rowsToAdd == 4)
        let (text, lines) = ImportedTransactionWriter.text(plan.transactions, paidFrom: rules.paidFrom?.value ?? "", source: "e.csv")
        #expect(text == """
            ; Imported by grantledger import from e.csv: 3 transactions

            2022-11-02 * Secure Vision Ltd | cameras / poles, brackets   ; grant:ss4, ref:INV-2
                ; supplier:Secure Vision Ltd
                expenses:cctv                                            £40.00     ; line:cctv, area:bassetlaw, initiative:cctv-upgrade, class:capital
                expenses:lighting                                        £60.00     ; line:lighting
                assets:bank

            2022-11-15 * Bright Lights Ltd | lamps   ; grant:ss4, ref:INV-3
                ; supplier:Bright Lights Ltd
                expenses:lighting                                       £100.00     ; line:lighting
                assets:bank

            2022-11-20 * Secure Vision, Ltd | returned   ; grant:ss4, ref:CN-4
                ; supplier:Secure Vision Ltd
                expenses:cctv                                           -£10.00     ; line:cctv, area:bassetlaw, initiative:cctv-upgrade, class:capital
                assets:bank

            """)
        #expect(lines.map(\.range) == [3...7, 9...12, 14...17])
        // What is written reads back as the same postings, so a second import skips it.
        let (ledger, diagnostics) = LedgerText.load(Self.books + text)
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
        let rows = FinanceExport.read(text: "Date,Invoice,Supplier,Text,CC,Amount\n02/11/2022,INV-2,S,x,C1,40.00\n02/11/2022,INV-2,S,y,L1,60.00\n",
                                      name: "e.csv", rules: ImportRulesReader.read(text: Self.rulesText).rules).rows
        let again = ImportPlan.make(rows: rows, rules: ImportRulesReader.read(text: Self.rulesText).rules, ledger: ledger)
        #expect(again.transactions.isEmpty)
        #expect(again.rowsAlreadyImported == 2)
    }

    @Test func theSameRowTwiceIsAnError() {
        let (plan, _, _) = Self.plan("02/11/2022,INV-2,S,a,C1,40.00\n02/11/2022,INV-2,S,b,C1,40.00\n")
        #expect(plan.diagnostics.codes == [.duplicateRow])
        #expect(plan.diagnostics.first?.location?.line == 3)
    }
}
