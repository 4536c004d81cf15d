import Foundation
import Testing
@testable import GrantLedgerCore

/// What an outside tester found at the edges of exports, kept found: signs in a debit/credit pair,
/// VAT the wrong way, settings given twice, cells padded or stored as numbers, invisible characters.
@Suite("Exports at their edges")
struct ExportEdgesTests {
    static func rules(_ amount: String, _ extra: String = "") -> (ImportRules, [Diagnostic]) {
        ImportRulesReader.read(text: """
            column date  Date
            column reference  Invoice
            column account  Account
            \(amount)
            date-format  DD/MM/YYYY
            paid-from  assets:bank
            \(extra)
            skip account 9210
            map
              grant    ss4
              line     cctv
              account  expenses:cctv
            """, name: "r.rules")
    }

    static func read(_ amount: String, extra: String = "", _ csv: String) -> FinanceExport.Reading {
        let (rules, problems) = Self.rules(amount, extra)
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        return FinanceExport.read(text: csv, name: "e.csv", rules: rules)
    }

    @Test func aSignedFigureInADebitOrCreditColumnIsAnErrorNotADoubleNegative() {
        let reading = Self.read("column debit  Debit\ncolumn credit  Credit", """
            Date,Invoice,Account,Debit,Credit
            15/03/2022,CN-1,4110,,(85.00)
            15/03/2022,CN-2,4110,-50.00,
            """)
        #expect(reading.rows.isEmpty)
        #expect(reading.diagnostics.map(\.message) == ["the credit column holds a negative amount (-£85.00)",
                                                       "the debit column holds a negative amount (-£50.00)"])
    }

    @Test func vatTheOtherWayFromItsNetIsAnError() {
        let reading = Self.read("column vat  VAT\ncolumn gross  Gross", extra: "vat  recoverable assets:vat", """
            Date,Invoice,Account,VAT,Gross
            03/02/2022,INV-1,4110,20.00,10.00
            03/02/2022,INV-2,4110,-20.00,80.00
            03/02/2022,CN-3,4110,-20.00,-120.00
            """)
        #expect(reading.diagnostics.count == 2)
        #expect(reading.diagnostics.allSatisfy { $0.message.contains("does not go with the net") })
        #expect(reading.rows.map(\.amount.pence) == [-10_000])
        #expect(reading.rows.map(\.vat.pence) == [-2_000])
    }

    @Test func aSettingGivenTwiceIsAnErrorAndTheVATAccountIsNotTheBank() {
        let (_, twice) = Self.rules("column amount  Amount", "paid-from  assets:bank:opcc")
        #expect(twice.map { "\($0.code.rawValue) \($0.location?.line ?? 0) \($0.message)" } == ["duplicate-setting 7 paid-from is set twice"])
        let (_, bank) = Self.rules("column net  Net\ncolumn gross  Gross", "vat  recoverable assets:bank")
        #expect(bank.map(\.message) == ["the VAT account is the account that pays (assets:bank): the bank would be credited net and the VAT lost"])
    }

    @Test func twoLinesAlikeButForTheirVATAreTwoLines() {
        let (rules, _) = Self.rules("column net  Net\ncolumn vat  VAT", "vat  recoverable assets:vat")
        let export = FinanceExport.read(text: "Date,Invoice,Account,Net,VAT\n01/09/2022,INV-1,4110,100.00,20.00\n01/09/2022,INV-1,4110,100.00,0.00\n",
                                        name: "e.csv", rules: rules)
        let (ledger, _) = LedgerText.load(LedgerText.declarations + "account assets:vat\n")
        let plan = ImportPlan.make(rows: export.rows, rules: rules, ledger: ledger)
        #expect(plan.diagnostics.isEmpty, "\(plan.diagnostics.map(\.message))")
        #expect(plan.transactions.first?.vat?.amount == Money(pence: 2_000))
    }

    @Test func paddedCellsAndWholeNumbersStoredAsNumbersReadAsTheirCodes() {
        let reading = Self.read("column amount  Amount", """
            Date,Invoice,Account,Amount
            01/09/2022," INV-1 ",4110,10.00
            01/09/2022,INV-1,"9210\u{A0}",2.00
            """)
        #expect(reading.diagnostics.isEmpty)
        #expect(reading.rows.map(\.reference) == ["INV-1"])
        #expect(reading.skipped == 1)
        // A workbook's 9210.0 is account code 9210; 3120.5 keeps its stored text.
        for (stored, shown) in [("9210.0", "9210"), ("9.21E3", "9210"), ("3120.5", "3120.5")] {
            #expect(CSVField(text: stored, line: 1, column: 1, length: 1, cell: "A1", kind: .number).asExportValue.text == shown)
        }
    }

    @Test func aReferenceWithACharacterThatCannotBeSeenIsRefused() {
        for invisible in ["\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{202E}", "\u{00A0}"] {
            let reading = Self.read("column amount  Amount", "Date,Invoice,Account,Amount\n01/09/2022,INV\(invisible)1,4110,10.00\n")
            #expect(reading.rows.isEmpty, "U+\(String(invisible.unicodeScalars.first?.value ?? 0, radix: 16))")
            #expect(reading.diagnostics.first?.message.contains("holds a character that cannot be seen") == true)
        }
    }

    @Test func aPatternThatRepeatsARepetitionIsRefusedBeforeItCanHang() {
        for pattern in ["(a+)+$", "^(\\w+\\s?)+$", "(x*)*", "((ab)+c)*", "(a{1,})+"] {
            if case .success = RuleCondition.compile(pattern) { Issue.record("\(pattern) was accepted") }
        }
        for pattern in ["^CS21[0-9]{2}$", "(CCTV|camera)s?", "a+b+", "(ab)+", "[(+)]+", "\\(a+\\)+"] {
            if case .failure(let problem) = RuleCondition.compile(pattern) { Issue.record("\(pattern): \(problem.reason)") }
        }
    }
}
