import Testing
@testable import GrantLedgerCore

@Suite("Export amounts: a debit/credit pair, and net, VAT and gross")
struct AmountShapeTests {
    static let books = LedgerText.declarations + """
        account assets:vat-recoverable
        account expenses:hospitality

        """

    /// Rules with `amountLines`; with VAT columns, a rule keeping hospitality's VAT in the spend.
    static func rules(_ amountLines: String, extra: String = "") -> (ImportRules, [Diagnostic]) {
        let hospitality = amountLines.contains("column net") || amountLines.contains("column vat") || amountLines.contains("column gross")
            ? "map cost-centre H1\n  account  expenses:hospitality\n  vat      irrecoverable" : ""
        return ImportRulesReader.read(text: """
            column date       Date
            column reference  Invoice
            column supplier   Supplier
            column cost-centre  CC
            \(amountLines)
            date-format  DD/MM/YYYY
            paid-from    assets:bank
            \(extra)
            map cost-centre C1
              grant    ss4
              line     cctv
              account  expenses:cctv
            \(hospitality)
            """, name: "r.rules")
    }

    static func read(_ amountLines: String, extra: String = "", _ csv: String) -> (FinanceExport.Reading, ImportRules) {
        let (rules, problems) = Self.rules(amountLines, extra: extra)
        #expect(problems.isEmpty, "\(DiagnosticRenderer().render(problems))")
        return (FinanceExport.read(text: csv, name: "e.csv", rules: rules), rules)
    }

    static func located(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code.rawValue) \($0.message)" }
    }

    // MARK: debit and credit

    static let debitCredit = "column debit  Debit\ncolumn credit  Credit"

    @Test func aDebitIsSpendAndACreditIsARefund() throws {
        let (reading, _) = Self.read(Self.debitCredit, """
            Date,Invoice,Supplier,CC,Debit,Credit
            02/03/2022,INV-1,Secure Vision Ltd,C1,"1,640.00",
            15/03/2022,CN-1,Secure Vision Ltd,C1,,85.00
            16/03/2022,CN-2,Secure Vision Ltd,C1,0.00,10.00
            """)
        #expect(reading.diagnostics.isEmpty, "\(DiagnosticRenderer().render(reading.diagnostics))")
        #expect(reading.rows.map(\.amount.pence) == [164_000, -8_500, -1_000])
        // The caret for a row's amount goes under the cell it came from.
        #expect(reading.rows.map { $0.location(of: .amount).location.column } == [40, 39, 43])
    }

    @Test func aRowWithBothOrNeitherIsAnErrorAtItsCell() {
        let (reading, _) = Self.read(Self.debitCredit, """
            Date,Invoice,Supplier,CC,Debit,Credit
            02/03/2022,INV-1,Secure Vision Ltd,C1,100.00,100.00
            02/03/2022,INV-2,Secure Vision Ltd,C1,,
            02/03/2022,INV-3,Secure Vision Ltd,C1,12.345,
            """)
        #expect(Self.located(reading.diagnostics) == [
            "2:46 bad-amount this row has both a debit (£100.00) and a credit (£100.00)",
            "3:39 bad-amount this row has no amount: its debit and credit are both empty",
            "4:44 bad-amount an amount has at most two decimal places: 12.345",
        ])
        #expect(reading.rows.isEmpty)
    }

    // MARK: net, VAT and gross

    static let netVATGross = "column net  Net\ncolumn vat  VAT\ncolumn gross  Gross"
    static let recoverable = "vat  recoverable assets:vat-recoverable"

    @Test func recoverableVATIsPostedApartAndTheSpendIsNet() throws {
        let (reading, _) = Self.read(Self.netVATGross, extra: Self.recoverable, """
            Date,Invoice,Supplier,CC,Net,VAT,Gross
            03/02/2022,INV-1,Secure Vision Ltd,C1,2310.00,462.00,2772.00
            09/02/2022,INV-2,Council,C1,2988.40,,2988.40
            22/02/2022,INV-3,Venue Ltd,H1,150.00,30.00,180.00
            """)
        #expect(reading.diagnostics.isEmpty, "\(DiagnosticRenderer().render(reading.diagnostics))")
        #expect(reading.rows.map(\.amount.pence) == [231_000, 298_840, 18_000])
        #expect(reading.rows.map(\.vat.pence) == [46_200, 0, 0])
        #expect(reading.rows.map(\.vatAccount) == ["assets:vat-recoverable", nil, nil])
    }

    @Test func twoOfTheThreeGiveTheThird() {
        for (columns, header, cells) in [
            ("column net  Net\ncolumn vat  VAT", "Net,VAT", "2310.00,462.00"),
            ("column net  Net\ncolumn gross  Gross", "Net,Gross", "2310.00,2772.00"),
            ("column vat  VAT\ncolumn gross  Gross", "VAT,Gross", "462.00,2772.00"),
        ] {
            let (reading, _) = Self.read(columns, extra: Self.recoverable,
                                         "Date,Invoice,Supplier,CC,\(header)\n03/02/2022,INV-1,S,C1,\(cells)\n")
            #expect(reading.diagnostics.isEmpty, "\(columns)")
            #expect(reading.rows.first?.amount == Money(pence: 231_000), "\(columns)")
            #expect(reading.rows.first?.vat == Money(pence: 46_200), "\(columns)")
        }
    }

    @Test func netAndVATThatDoNotMakeTheGrossAreAnErrorAtTheGross() {
        let (reading, _) = Self.read(Self.netVATGross, extra: Self.recoverable, """
            Date,Invoice,Supplier,CC,Net,VAT,Gross
            03/02/2022,INV-1,Secure Vision Ltd,C1,2310.00,462.00,2727.00
            """)
        #expect(Self.located(reading.diagnostics) == [
            "2:54 bad-amount the net £2,310.00 and the VAT £462.00 make £2,772.00, not the gross £2,727.00",
        ])
    }

    @Test func irrecoverableVATStaysInTheSpend() {
        let (reading, _) = Self.read(Self.netVATGross, extra: "vat  irrecoverable", """
            Date,Invoice,Supplier,CC,Net,VAT,Gross
            03/02/2022,INV-1,Secure Vision Ltd,C1,2310.00,462.00,2772.00
            """)
        #expect(reading.diagnostics.isEmpty)
        #expect(reading.rows.first?.amount == Money(pence: 277_200))
        #expect(reading.rows.first?.vat == Money(pence: 0))
        #expect(reading.rows.first?.vatAccount == nil)
    }

    /// The whole way through: the VAT is one posting per transaction, written in the ledger's own
    /// syntax, and a second import of the same export finds it all there.
    @Test func theVATPostingIsWrittenAndASecondImportAddsNothing() throws {
        let csv = """
            Date,Invoice,Supplier,CC,Net,VAT,Gross
            03/10/2022,INV-1,Secure Vision Ltd,C1,2310.00,462.00,2772.00
            03/10/2022,INV-1,Secure Vision Ltd,C1,420.00,84.00,504.00
            22/10/2022,INV-3,Venue Ltd,H1,150.00,30.00,180.00
            """
        let (reading, rules) = Self.read(Self.netVATGross, extra: Self.recoverable, csv)
        let (ledger, loaded) = LedgerText.load(Self.books)
        #expect(loaded.isEmpty)
        #expect(rules.problems(against: ledger, rows: reading.rows).isEmpty)
        let plan = ImportPlan.make(rows: reading.rows, rules: rules, ledger: ledger)
        #expect(plan.diagnostics.isEmpty)
        let block = ImportedTransactionWriter.text(plan.transactions, paidFrom: "assets:bank", source: "e.csv").text
        #expect(block.contains("""
                expenses:cctv                                         £2,310.00     ; line:cctv
                expenses:cctv                                           £420.00     ; line:cctv
                assets:vat-recoverable                                  £546.00
                assets:bank
            """))
        // Hospitality's VAT is a cost: all of it in the spend, none posted apart.
        #expect(block.contains("""
                expenses:hospitality                                    £180.00
                assets:bank
            """))
        let (after, problems) = LedgerText.load(Self.books + block)
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(DiagnosticRenderer().render(problems))")
        let again = ImportPlan.make(rows: reading.rows, rules: rules, ledger: after)
        #expect(again.transactions.isEmpty)
        #expect(again.rowsAlreadyImported == 3)
        #expect(again.diagnostics.isEmpty)
        // VAT the ledger holds differently is a conflict, never a silent second posting.
        let edited = block.replacingOccurrences(of: "£546.00", with: "£564.00").replacingOccurrences(of: "£2,310.00", with: "£2,292.00")
        let conflicting = ImportPlan.make(rows: reading.rows, rules: rules, ledger: LedgerText.load(Self.books + edited).0)
        #expect(conflicting.diagnostics.map(\.code) == [.referenceConflict])
    }

    // MARK: the rules

    @Test func amountColumnsMustMakeOneShape() {
        let cases: [(String, String, String)] = [
            ("column debit  Debit", "", "column debit needs column credit beside it (the amount is debit − credit)"),
            ("column amount  Amount\ncolumn net  Net", "", "column net cannot go with column amount"),
            ("column debit  Debit\ncolumn credit  Credit\ncolumn vat  VAT", "",
             "column vat cannot go with column credit, column debit"),
            ("column gross  Gross", "", "name two of column net, vat and gross: the third is worked out from them"),
            ("column net  Net\ncolumn gross  Gross", "",
             "the export has VAT columns, but the rules do not say whether VAT is recoverable"),
            ("column amount  Amount", Self.recoverable, "a vat line, but the rules name no VAT column (net, vat or gross)"),
            ("column net  Net\ncolumn gross  Gross", "vat  refundable", "VAT is recoverable or irrecoverable, not \"refundable\""),
            ("column net  Net\ncolumn gross  Gross", "vat  recoverable", "recoverable VAT needs the account it is posted to"),
            ("", "", "the rules do not say which column holds the amount"),
        ]
        for (columns, extra, message) in cases {
            let (_, problems) = Self.rules(columns, extra: extra)
            #expect(problems.map(\.message).contains(message), "\(columns) / \(extra): \(problems.map(\.message))")
        }
    }

    @Test func aRuleCannotMakeVATRecoverableWithNoAccountToPostItTo() {
        let (_, problems) = ImportRulesReader.read(text: """
            column date  Date
            column reference  Invoice
            column net  Net
            column gross  Gross
            paid-from  assets:bank
            vat  irrecoverable
            map
              account  expenses:cctv
              vat      recoverable
            """, name: "r.rules")
        #expect(problems.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" } == [
            "9:12 this rule makes VAT recoverable, but the rules name no account to post it to",
        ])
    }

    @Test func theVATAccountIsDeclaredAndNotSpend() {
        for (account, message) in [
            ("assets:vat", "unknown account \"assets:vat\""),
            ("expenses:cctv", "recoverable VAT is claimed back, so it goes to an asset or liability account, not expenses:cctv (expenses)"),
        ] {
            let (rules, problems) = Self.rules(Self.netVATGross, extra: "vat  recoverable \(account)")
            #expect(problems.isEmpty)
            let (ledger, _) = LedgerText.load(Self.books)
            #expect(rules.problems(against: ledger, rows: []).map(\.message) == [message])
        }
    }
}
