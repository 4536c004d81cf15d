import Foundation
import Testing
@testable import GrantLedgerCore

@Suite("Reading finance-system exports")
struct FinanceExportTests {
    static let rulesText = """
        column date         Posting Date
        column amount       Amount
        column reference    Invoice No
        column supplier     Supplier
        column cost-centre  Cost Centre
        column account      Account
        date-format  DD/MM/YYYY
        paid-from    assets:bank
        skip account 9210
        map cost-centre C1
          grant    ss4
          line     cctv
          account  expenses:cctv
        """
    static let rules = ImportRulesReader.read(text: rulesText, name: "r.rules").rules
    static let header = "Company,Posting Date,Cost Centre,Account,Supplier,Invoice No,Amount,Notes\n"

    static func read(_ text: String) -> FinanceExport.Reading {
        FinanceExport.read(text: text, name: "e.csv", rules: rules)
    }

    static func located(_ reading: FinanceExport.Reading) -> [String] {
        DiagnosticRenderer.ordered(reading.diagnostics).map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code.rawValue)" }
    }

    @Test func readsRowsCodesThemAndSkipsVATLines() throws {
        let reading = Self.read(Self.header + """
            NCC,09/01/2023,C1,4110,"Secure Vision, Ltd",INV-1,"33,424.76",first
            NCC,09/01/2023,C1,9210,"Secure Vision, Ltd",INV-1,"6,684.95",VAT
            NCC,9/2/2023,C1,4110,Secure Vision Ltd,CN-1,(350.00),credit note
            """)
        #expect(reading.diagnostics.isEmpty, "\(DiagnosticRenderer().render(reading.diagnostics))")
        #expect(reading.skipped == 1)
        #expect(reading.rows.count == 2)
        let first = try #require(reading.rows.first)
        #expect(first.date == Day(year: 2023, month: 1, day: 9))
        #expect(first.amount == Money(pence: 3_342_476))
        #expect(first.supplier == "Secure Vision, Ltd")
        #expect(first.reference == "INV-1")
        #expect(first.grantLineText == "ss4/cctv")
        #expect(first.account == "expenses:cctv")
        #expect(first.line == 2)
        #expect(reading.rows[1].amount == Money(pence: -35_000))
        #expect(reading.rows[1].date == Day(year: 2023, month: 2, day: 9))
    }

    @Test func amountsAsFinanceSystemsWriteThem() {
        let cases: [(String, Int64?)] = [
            ("1234.56", 123_456), ("1,234.56", 123_456), ("-1,234.56", -123_456), ("(1,234.56)", -123_456),
            ("£1,234.56", 123_456), ("(£20)", -2_000), ("1,5", nil), ("12.345", nil), ("(12.00", nil), ("(-1.00)", nil),
            ("1.234,56", nil), ("12 00", nil), ("()", nil),
        ]
        for (text, pence) in cases {
            switch ExportAmount.parse(text) {
            case .success(let money): #expect(money.pence == pence, "\(text)")
            case .failure: #expect(pence == nil, "\(text) should read as \(pence ?? 0)")
            }
        }
    }

    @Test func datesInTheNamedFormatOnly() throws {
        #expect(try ExportDateFormat.dayMonthYearSlash.parse("31/03/2023").get() == Day(year: 2023, month: 3, day: 31))
        #expect(try ExportDateFormat.iso.parse("2023-03-31").get() == Day(year: 2023, month: 3, day: 31))
        #expect(try ExportDateFormat.dayMonthYearDot.parse("1.4.2023").get() == Day(year: 2023, month: 4, day: 1))
        #expect(ExportDateFormat.dayMonthYearSlash.parse("2023-03-31") == .failure(.malformed))
        #expect(ExportDateFormat.dayMonthYearSlash.parse("31/03/23") == .failure(.malformed))
        #expect(ExportDateFormat.dayMonthYearSlash.parse("31/04/2023") == .failure(.impossible))
        #expect(ExportDateFormat.dayMonthYearSlash.parse("") == .failure(.malformed))
        #expect(ExportDateFormat.iso.parse("2023-3-31") == .failure(.malformed))
    }

    @Test func everyBadCellIsReportedWhereItIs() {
        let reading = Self.read(Self.header + """
            NCC,2023-01-09,C1,4110,S,INV-1,10.00,iso date
            NCC,30/02/2023,C1,4110,S,INV-2,10.00,no such day
            NCC,09/01/2023,C1,4110,S,INV-3,"1,5",decimal comma
            NCC,09/01/2023,C1,4110,S,INV-4,12.345,three decimals
            NCC,09/01/2023,C1,4110,S,,10.00,no reference
            NCC,09/01/2023,C9,4110,S,INV-6,10.00,unmapped
            NCC,09/01/2023,C1,4110,S,INV-7,10.00,one,too many
            NCC,09/01/2023,C1,4110,S,INV-8,,no amount
            """)
        #expect(reading.rows.isEmpty)
        #expect(Self.located(reading) == [
            "2:5 bad-date", "3:5 impossible-date", "4:34 bad-amount", "5:37 bad-amount", "6:26 missing-field",
            "7:16 unmapped-row", "8:42 ragged-row", "9:32 bad-amount",
        ])
    }

    @Test func wrongColumnsAreReportedAtTheHeading() {
        let reading = Self.read("Date,Cost Centre,Account,Supplier,Invoice,Amount\n09/01/2023,C1,4110,S,INV-1,10.00\n")
        #expect(Self.located(reading) == ["1:1 missing-export-column", "1:1 missing-export-column"])
        #expect(reading.diagnostics.first?.message == "the export has no column \"Posting Date\" for the date (named in r.rules:1)")
        #expect(reading.diagnostics.last?.hint?.contains("\"Invoice\"") == true)
    }

    @Test func headingsMatchIgnoringCase() {
        let reading = Self.read("posting date,COST CENTRE,account,supplier,invoice no,amount\n09/01/2023,C1,4110,S,INV-1,10.00\n")
        #expect(reading.diagnostics.isEmpty)
        #expect(reading.rows.count == 1)
    }

    @Test func anEmptyFileAndAHeadingWithNoRows() {
        for empty in ["", "\n", "\u{FEFF}", "  \r\n"] {
            #expect(Self.located(Self.read(empty)) == ["1:1 empty-export"], "\(Array(empty.utf8))")
        }
        let headingOnly = Self.read(Self.header)
        #expect(headingOnly.diagnostics.isEmpty)
        #expect(headingOnly.rows.isEmpty)
    }

    @Test func anExportNotInUTF8() {
        // "Café" saved as Windows-1252: E9 is not UTF-8.
        var bytes = Array((Self.header + "NCC,09/01/2023,C1,4110,Caf").utf8)
        bytes += [0xE9]
        bytes += Array(",INV-1,10.00,x\n".utf8)
        let reading = FinanceExport.read(bytes: bytes, name: "e.csv", rules: Self.rules)
        #expect(Self.located(reading) == ["2:24 bad-encoding"])
    }

    @Test func aBrokenQuoteStopsTheRead() {
        let reading = Self.read(Self.header + "NCC,09/01/2023,C1,4110,\"Secure Vision,INV-1,10.00,x\n")
        #expect(reading.diagnostics.codes == [.badCSVQuote])
    }

    @Test func aMissingFile() {
        let reading = FinanceExport.read(path: "/no/such/export.csv", rules: Self.rules)
        #expect(reading.diagnostics.codes == [.fileNotFound])
    }
}
