import Testing
@testable import GrantLedgerCore

/// Finance exports saved as .xlsx: the sheet by name, numbers from their stored text, dates from
/// their serials, every problem at its cell.
@Suite("Reading finance-system exports from .xlsx")
struct FinanceExportXlsxTests {
    static let rulesText = """
        sheet  AP Lines
        column date         Posting Date
        column amount       Amount
        column reference    Invoice No
        column cost-centre  Cost Centre
        date-format  DD/MM/YYYY
        paid-from    assets:bank
        map cost-centre C1
          grant    ss4
          line     cctv
          account  expenses:cctv
        """

    /// A cover sheet, then "AP Lines": a header of inline strings and `rows` of raw cells.
    static func workbook(_ rows: String, date1904: Bool = false) -> [UInt8] {
        func text(_ cell: String, _ value: String) -> String { "<c r=\"\(cell)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>" }
        let header = "<row r=\"1\">" + text("A1", "Posting Date") + text("B1", "Invoice No") + text("C1", "Cost Centre") + text("D1", "Amount") + "</row>"
        return XlsxFixture.workbook(sheets: [("Report", XlsxFixture.sheet("<row r=\"1\">" + text("A1", "Accounts payable") + "</row>")),
                                             ("AP Lines", XlsxFixture.sheet(header + rows))], date1904: date1904)
    }

    static func read(_ bytes: [UInt8], rules: String = rulesText) -> FinanceExport.Reading {
        let parsed = ImportRulesReader.read(text: rules, name: "r.rules")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        return FinanceExport.read(workbook: SourceFile(name: "e.xlsx", bytes: bytes), rules: parsed.rules)
    }

    static func row(_ number: Int, date: String, reference: String, amount: String, dateType: String = "") -> String {
        "<row r=\"\(number)\"><c r=\"A\(number)\"\(dateType)><v>\(date)</v></c><c r=\"B\(number)\" t=\"inlineStr\"><is><t>\(reference)</t></is></c>"
            + "<c r=\"C\(number)\" t=\"inlineStr\"><is><t>C1</t></is></c><c r=\"D\(number)\"><v>\(amount)</v></c></row>"
    }

    @Test func numbersAreExactPenceAndDatesAreSerials() throws {
        let reading = Self.read(Self.workbook(
            Self.row(2, date: "44474", reference: "INV-1", amount: "3120.0000000000005")
            + Self.row(3, date: "44474.75", reference: "INV-2", amount: "-240")
            + Self.row(4, date: "2021-10-06T00:00:00", reference: "INV-3", amount: "1.1000000000000001", dateType: " t=\"d\"")))
        #expect(reading.diagnostics.isEmpty, "\(DiagnosticRenderer().render(reading.diagnostics))")
        #expect(reading.rows.map(\.amount.pence) == [312_000, -24_000, 110])
        // Serial 44474 is 5 October 2021; a time of day is dropped.
        #expect(reading.rows.map(\.date) == [Day(year: 2021, month: 10, day: 5), Day(year: 2021, month: 10, day: 5), Day(year: 2021, month: 10, day: 6)])
        #expect(reading.rows.first?.location(of: .amount).location == SourceLocation(file: "e.xlsx", line: 2, column: 4))
    }

    @Test func the1904DateSystemIsHonoured() {
        let reading = Self.read(Self.workbook(Self.row(2, date: "43012", reference: "INV-1", amount: "10"), date1904: true))
        #expect(reading.rows.first?.date == Day(year: 2021, month: 10, day: 5))
    }

    @Test func aFractionOfAPennyAnErrorCellAndABadSerialAreErrorsNamingTheCell() {
        let reading = Self.read(Self.workbook(
            Self.row(2, date: "44474", reference: "INV-1", amount: "12.345")
            + "<row r=\"3\"><c r=\"A3\"><v>44474</v></c><c r=\"B3\" t=\"inlineStr\"><is><t>INV-2</t></is></c><c r=\"C3\" t=\"inlineStr\"><is><t>C1</t></is></c><c r=\"D3\" t=\"e\"><v>#REF!</v></c></row>"
            + Self.row(4, date: "-3", reference: "INV-3", amount: "10")))
        #expect(reading.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" } == [
            "2:4 the amount holds 12.345, which is not a whole number of pence (cell D2)",
            "3:4 the amount is the spreadsheet error #REF! (cell D3)",
            "4:1 the date holds -3, which is not a date a spreadsheet can hold (1900-01-01 to 9999-12-31) (cell A4)",
        ])
        #expect(reading.diagnostics.first?.hint == "round it to pence in the sheet (=ROUND(…, 2)) if £12.35 is meant")
    }

    @Test func aMissingSheetOrTheWrongSheetSaysWhichSheetsThereAre() {
        let missing = Self.read(Self.workbook(""), rules: Self.rulesText.replacingOccurrences(of: "AP Lines", with: "AP Line"))
        #expect(missing.diagnostics.first?.message == "e.xlsx has no sheet \"AP Line\"")
        #expect(missing.diagnostics.first?.hint?.contains("\"AP Lines\"") == true)
        let first = Self.read(Self.workbook(""), rules: Self.rulesText.replacingOccurrences(of: "sheet  AP Lines\n", with: ""))
        #expect(first.diagnostics.first?.code == .missingExportColumn)
        #expect(first.diagnostics.first?.hint?.hasSuffix("this is sheet \"Report\" of the workbook, whose sheets are \"Report\", \"AP Lines\": name the one with the rows in the rules (sheet NAME)") == true)
    }

    @Test func aCellRightOfTheHeaderIsARaggedRowAtThatCell() {
        let reading = Self.read(Self.workbook(
            "<row r=\"2\"><c r=\"A2\"><v>44474</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>INV-1</t></is></c><c r=\"C2\" t=\"inlineStr\"><is><t>C1</t></is></c><c r=\"D2\"><v>10</v></c><c r=\"F2\"><v>99</v></c></row>"))
        #expect(reading.diagnostics.map(\.code) == [.raggedRow])
        #expect(reading.diagnostics.first?.message.contains("cell F2") == true)
    }

    @Test func aSheetNamedForACSVExportIsAnError() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("e.csv", "Posting Date,Invoice No,Cost Centre,Amount\n05/10/2021,INV-1,C1,10.00\n")
        let rules = ImportRulesReader.read(text: Self.rulesText, name: "r.rules").rules
        let reading = FinanceExport.read(path: path, rules: rules)
        #expect(reading.diagnostics.map(\.message) == ["a sheet (\"AP Lines\") is named, but \(path) is not an .xlsx workbook"])
        #expect(reading.diagnostics.first?.location?.line == 1)
    }
}

extension FinanceExportXlsxTests {
    /// LibreOffice and openpyxl write a formatted blank as a number cell with no value.
    @Test func aFormattedBlankCellIsEmptyNotABadNumber() {
        let reading = Self.read(Self.workbook(
            "<row r=\"2\"><c r=\"A2\" s=\"3\" t=\"n\"/><c r=\"B2\" t=\"inlineStr\"><is><t>INV-1</t></is></c><c r=\"C2\" t=\"inlineStr\"><is><t>C1</t></is></c><c r=\"D2\"><v>10</v></c></row>"))
        #expect(reading.diagnostics.map(\.message) == ["this row has no date (cell A2)"])
    }
}
