@testable import GrantLedgerCore
import Testing

/// The .xlsx reader on small workbooks written inline: every cell type, sparse rows, rich text,
/// kept spaces, the date system, and choosing a sheet.
@Suite("Xlsx workbook")
struct XlsxWorkbookTests {
    typealias F = XlsxFixture

    @Test func everyCellTypeGivesItsTextAndKind() throws {
        let rows = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Inline</t></is></c>\
            <c r="C1" t="str"><f>UPPER("x")</f><v>X</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c>\
            <c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G1"><v>2772.0000000000005</v></c><c r="H1" t="n"><v>1E-3</v></c>\
            <c r="I1" t="d"><v>2023-04-01T00:00:00</v></c><c r="J1" s="3"><f>SUM(G1:H1)</f><v>-0.5</v></c></row>
            """
        let (records, problems) = F.read(F.workbook(rows: rows, shared: ["Shared"]))
        #expect(problems.isEmpty)
        let fields = try #require(records.first?.fields)
        #expect(fields.map(\.text) == ["Shared", "Inline", "X", "TRUE", "FALSE", "#DIV/0!", "2772.0000000000005", "1E-3",
                                       "2023-04-01T00:00:00", "-0.5"])
        #expect(fields.map(\.kind) == [.text, .text, .text, .boolean, .boolean, .error, .number, .number, .date, .number])
        #expect(fields.map(\.cell) == ["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1", "I1", "J1"])
        #expect(fields.map(\.column) == Array(1...10))
        #expect(fields.allSatisfy { $0.line == 1 && $0.length == 1 })
        #expect(fields[6].isStoredNumber && !fields[0].isStoredNumber)
    }

    @Test func sparseRowsArePaddedToTheHeaderAndAnExtraCellIsKept() {
        let rows = """
            <row r="2"><c r="A2" t="inlineStr"><is><t>area</t></is></c><c r="C2" t="inlineStr"><is><t>crime</t></is></c></row>
            <row r="3" spans="1:3"><c r="A3" s="1"/></row>
            <row r="4"><c r="A4" t="inlineStr"><is><t>Ashfield</t></is></c><c r="B4" s="2"/></row>
            <row r="7"><c r="B7"><v>5</v></c><c r="E7"><v>9</v></c></row>
            """
        let (records, problems) = F.read(F.workbook(rows: rows))
        #expect(problems.isEmpty)
        #expect(F.texts(records) == [["area", "", "crime"], ["Ashfield", "", ""], ["", "5", "", "", "9"]])
        #expect(records.map(\.line) == [2, 4, 7], "blank row 3 skipped, rows keep their numbers")
        #expect(records[2].fields.map(\.cell) == ["A7", "B7", "C7", "D7", "E7"])
        #expect(records[2].endColumn == 6)
    }

    @Test func rowsAndCellsWithoutReferencesFollowOnFromTheOneBefore() {
        let rows = "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c><v>1</v></c></row><row><c r=\"B2\"><v>2</v></c><c><v>3</v></c></row>"
        let (records, problems) = F.read(F.workbook(rows: rows))
        #expect(problems.isEmpty)
        #expect(F.texts(records) == [["a", "1"], ["", "2", "3"]])
        #expect(records[1].fields.map(\.cell) == ["A2", "B2", "C2"])
    }

    @Test func richTextRunsAreJoinedAndPhoneticRunsLeftOut() {
        let shared = F.sharedStrings([
            "<r><rPr><b/></rPr><t>Newark</t></r><r><t xml:space=\"preserve\"> and </t></r><r><t>Sherwood</t></r>",
            "<t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/>",
        ], raw: true)
        let rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>" +
            "<c r=\"C1\" t=\"inlineStr\"><is><r><t>in</t></r><r><t>line</t></r><rPh><t>x</t></rPh></is></c></row>"
        let bytes = F.workbook(sheets: [("Sheet1", F.sheet(rows))], shared: shared)
        let (records, problems) = F.read(bytes)
        #expect(problems.isEmpty)
        #expect(F.texts(records) == [["Newark and Sherwood", "東京", "inline"]])
    }

    @Test func spacesAreKeptAsWrittenAndEscapesUndone() {
        let shared = F.sharedStrings(["  Newark  ", "a_x005F_x0041_b", "AT&amp;T"], raw: false)
        let rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> lead</t></is></c>" +
            "<c r=\"C1\" t=\"s\"><v>1</v></c><c r=\"D1\" t=\"s\"><v>2</v></c><c r=\"E1\" t=\"inlineStr\"><is><t><![CDATA[<b>]]></t></is></c></row>"
        let (records, problems) = F.read(F.workbook(sheets: [("Sheet1", F.sheet(rows))], shared: shared))
        #expect(problems.isEmpty)
        #expect(F.texts(records) == [["  Newark  ", " lead", "a_x0041_b", "AT&amp;T", "<b>"]])
    }

    @Test func controlCharactersAreRefusedAsACSVCellsAre() throws {
        let shared = F.sharedStrings(["bell_x0007_", "two\nlines"])
        let rows = "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c><c r=\"B3\" t=\"s\"><v>1</v></c>" +
            "<c r=\"C3\" t=\"inlineStr\"><is><t>ok</t></is></c><c r=\"D3\" t=\"s\"><v>0</v></c></row>"
        let (records, problems) = F.read(F.workbook(sheets: [("AP Lines", F.sheet(rows))], shared: shared))
        #expect(records.count == 1)
        #expect(problems.map(\.code) == [.badText, .badText, .badText])
        #expect(problems.map { $0.location?.column } == [1, 2, 4])
        #expect(problems[0].message == "cell A3 of sheet \"AP Lines\" contains the control character U+0007")
        #expect(problems[1].hint == "write it on one line: a line break cannot be kept here")
        #expect(problems.allSatisfy { $0.excerpt == "" && $0.location?.line == 3 })
        // The same characters a CSV cell refuses.
        var csv = CSVReader(file: "x.csv")
        _ = csv.records(SourceFile(name: "x.csv", text: "bell\u{7},\"two\nlines\"\n"))
        #expect(csv.diagnostics.all.map(\.code) == [.badText, .badText])
    }

    @Test func theDateSystemIsRead() throws {
        let rows = F.sheet("<row r=\"1\"><c r=\"A1\"><v>0</v></c></row>")
        let modern = try XlsxWorkbook.read(bytes: F.workbook(sheets: [("S", rows)]), file: "a.xlsx").get()
        let mac = try XlsxWorkbook.read(bytes: F.workbook(sheets: [("S", rows)], date1904: true), file: "b.xlsx").get()
        #expect(!modern.date1904 && mac.date1904)
        let serial = try #require(mac.records(sheet: nil).0.first?.fields.first?.text)
        #expect(try SpreadsheetNumber.day(serial, date1904: mac.date1904).get() == Day(year: 1904, month: 1, day: 1))
    }

    @Test func aDateCellIsASerialOrISOText() throws {
        let rows = "<row r=\"2\"><c r=\"A2\"><v>45017.5</v></c><c r=\"B2\" t=\"d\"><v>2023-04-01T00:00:00</v></c>" +
            "<c r=\"C2\" t=\"inlineStr\"><is><t>01/04/2023</t></is></c><c r=\"D2\" t=\"d\"><v>April</v></c><c r=\"E2\"><v>60</v></c></row>"
        let fields = try #require(F.read(F.workbook(rows: rows)).0.first?.fields)
        let day = Day(year: 2023, month: 4, day: 1)!
        #expect(fields[0].spreadsheetDay(date1904: false) == .success(day))
        #expect(fields[0].spreadsheetDay(date1904: true) == .success(Day(year: 2027, month: 4, day: 2)!))
        #expect(fields[1].spreadsheetDay(date1904: false) == .success(day))
        #expect(fields[2].spreadsheetDay(date1904: false) == nil, "text is the caller's to read")
        #expect(fields[3].spreadsheetDay(date1904: false) == .failure(.notADay))
        #expect(fields[4].spreadsheetDay(date1904: false) == .failure(.phantomLeapDay))
        #expect(fields[0].cellSuffix == " (cell A2)")
        #expect(CSVField(text: "x", line: 1, column: 1, length: 1).cellSuffix == "")
    }

    @Test func aSheetIsChosenByNameExactlyThenIgnoringCaseAndTheFirstByDefault() throws {
        let sheets = [("Summary", F.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")),
                      ("AP Lines", F.sheet("<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>")),
                      ("Notes", F.sheet("<row r=\"1\"><c r=\"A1\"><v>3</v></c></row>"))]
        let workbook = try XlsxWorkbook.read(bytes: F.workbook(sheets: sheets, absoluteTargets: true), file: "book.xlsx").get()
        #expect(workbook.sheetNames == ["Summary", "AP Lines", "Notes"])
        func first(_ name: String?) -> String? { workbook.records(sheet: name).0.first?.fields.first?.text }
        #expect(first(nil) == "1")
        #expect(first("AP Lines") == "2")
        #expect(first("notes") == "3")
        #expect(first("ap LINES") == "2")
        #expect(workbook.sheetName(matching: "summary") == "Summary")
        #expect(workbook.sheetName(matching: nil) == "Summary")
        #expect(workbook.sheetName(matching: "Summar") == nil)
    }

    @Test func twoSheetsNamedAlikeIgnoringCaseAreRefusedAsExcelRefusesThem() {
        let sheets = [("Data", F.sheet("")), ("DATA", F.sheet(""))]
        let (_, problems) = F.read(F.workbook(sheets: sheets))
        #expect(problems.map(\.message) == ["the workbook names two sheets \"DATA\""])
    }

    @Test func anUnknownSheetIsALocatedErrorListingTheSheets() throws {
        let sheets = [("Summary", F.sheet("")), ("AP Lines", F.sheet(""))]
        let workbook = try XlsxWorkbook.read(bytes: F.workbook(sheets: sheets), file: "export.xlsx").get()
        let (records, problems) = workbook.records(sheet: "AP Line")
        #expect(records.isEmpty)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.code == .badXlsx)
        #expect(problem.message == "export.xlsx has no sheet \"AP Line\"")
        #expect(problem.hint == "did you mean \"AP Lines\"? its sheets are \"Summary\", \"AP Lines\"")
        #expect(problem.location == SourceLocation(file: "export.xlsx", line: 1, column: 1))
        #expect(problem.excerpt == "")
        let origin = SettingOrigin(location: SourceLocation(file: "s.scenario", line: 4, column: 12), length: 7, excerpt: "area-sheet AP Line")
        let placed = try #require(workbook.records(sheet: "AP Line", origin: origin).1.first)
        #expect(placed.location == SourceLocation(file: "s.scenario", line: 4, column: 12))
    }

    @Test func anEmptySheetHasNoRecords() {
        let (records, problems) = F.read(F.workbook(rows: ""))
        #expect(records.isEmpty && problems.isEmpty)
    }

    @Test func prefixedElementsAndAnotherRelationshipsPrefixAreRead() {
        let sheet = """
            <x:worksheet xmlns:x="\(F.main)"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>hi</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>
            """
        var parts = F.parts(sheets: [("Data", sheet)])
        parts[2].1 = """
            <x:workbook xmlns:x="\(F.main)" xmlns:rel="\(F.relationshipsNamespace)"><x:sheets><x:sheet name="Data" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>
            """
        let (records, problems) = F.read(F.zip(parts))
        #expect(problems.isEmpty)
        #expect(F.texts(records) == [["hi"]])
    }
}
