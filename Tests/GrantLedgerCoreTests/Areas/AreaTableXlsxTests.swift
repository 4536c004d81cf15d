@testable import GrantLedgerCore
import Testing

/// Area data and last year's allocation read from a workbook's sheet: numbers exactly from their
/// stored text, text cells through the same parsers as CSV, and every problem at its cell.
@Suite("Area data from .xlsx")
struct AreaTableXlsxTests {
    typealias F = XlsxFixture

    static func text(_ reference: String, _ value: String) -> String {
        "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
    }

    static func number(_ reference: String, _ value: String) -> String { "<c r=\"\(reference)\"><v>\(value)</v></c>" }

    static func table(_ rows: String, sheet: String = "Areas") -> (AreaTable?, [Diagnostic]) {
        AreaTable.parse(workbook: SourceFile(name: "areas.xlsx", bytes: F.workbook(sheets: [(sheet, F.sheet(rows))])), sheet: nil)
    }

    @Test func numbersAreExactAndTextNumbersReadAsInACSVFile() throws {
        let rows = "<row r=\"1\">\(Self.text("A1", "area"))\(Self.text("B1", "population"))\(Self.text("C1", "deprivation"))</row>"
            + "<row r=\"2\">\(Self.text("A2", "Ashfield"))\(Self.number("B2", "126300"))\(Self.number("C2", "26.308000000000003"))</row>"
            + "<row r=\"3\">\(Self.text("A3", "Bassetlaw"))\(Self.text("B3", "117,800"))\(Self.number("C3", "2.2588E1"))</row>"
        let (table, problems) = Self.table(rows)
        #expect(problems.isEmpty)
        let population = try #require(table?.numbers(named: "population").0)
        #expect(population == [Rational(126_300), Rational(117_800)])
        let deprivation = try #require(table?.numbers(named: "deprivation").0)
        #expect(deprivation == [Rational(26_308_000_000_000_003, 1_000_000_000_000_000), Rational(22_588, 1000)])
    }

    @Test func badCellsAreNamedAndLocatedAtTheirRowAndColumn() throws {
        let rows = "<row r=\"1\">\(Self.text("A1", "area"))\(Self.text("B1", "crime"))</row>"
            + "<row r=\"2\">\(Self.text("A2", "Ashfield"))<c r=\"B2\" t=\"e\"><v>#REF!</v></c></row>"
            + "<row r=\"3\">\(Self.text("A3", "Bassetlaw"))\(Self.text("B3", "n/a"))</row>"
            + "<row r=\"4\">\(Self.text("A4", "Gedling"))\(Self.number("B4", "-3"))</row>"
            + "<row r=\"5\">\(Self.text("A5", "Mansfield"))</row>"
            + "<row r=\"6\">\(Self.text("A6", "Rushcliffe"))\(Self.number("B6", "1"))\(Self.text("D6", "note"))</row>"
        let (table, problems) = Self.table(rows)
        #expect(problems.map(\.message) == ["cell D6 holds \"note\", right of the header's last column, B"])
        #expect(problems.first?.location == SourceLocation(file: "areas.xlsx", line: 6, column: 4))
        #expect(problems.first?.hint == "clear the cells right of column B, or give their column a heading")
        #expect(problems.first?.code == .raggedRow)
        let crime = try #require(table).numbers(named: "crime").1
        #expect(crime.map(\.message) == [
            "crime for Ashfield is the spreadsheet error #REF! (cell B2)",
            "crime for Bassetlaw is not a number: unexpected character in a number (cell B3)",
            "crime for Gedling is negative (cell B4)",
            "crime for Mansfield is empty (cell B5)",
        ])
        #expect(crime.map(\.location) == [2, 3, 4, 5].map { SourceLocation(file: "areas.xlsx", line: $0, column: 2) })
    }

    @Test func anEmptySheetSaysWhichSheetIsEmpty() {
        let (table, problems) = Self.table("", sheet: "Districts")
        #expect(table == nil)
        #expect(problems.map(\.message) == ["sheet \"Districts\" of the area file is empty"])
        #expect(problems.map(\.code) == [.emptyAreaFile])
    }

    @Test func aBrokenWorkbookIsOneProblem() {
        let (table, problems) = AreaTable.parse(workbook: SourceFile(name: "areas.xlsx", bytes: Array("area,population\n".utf8)))
        #expect(table == nil)
        #expect(problems.map(\.code) == [.badXlsx])
    }

    @Test func lastYearsAmountsAreWholePenceFromStoredNumbers() throws {
        let rows = "<row r=\"1\">\(Self.text("A1", "area"))\(Self.text("B1", "amount"))</row>"
            + "<row r=\"2\">\(Self.text("A2", "Ashfield"))\(Self.number("B2", "41464.44"))</row>"
            + "<row r=\"3\">\(Self.text("A3", "Bassetlaw"))\(Self.number("B3", "2772.0000000000005"))</row>"
            + "<row r=\"4\">\(Self.text("A4", "Broxtowe"))\(Self.text("B4", "£36,408.61"))</row>"
            + "<row r=\"5\">\(Self.text("A5", "Gedling"))\(Self.number("B5", "12.345"))</row>"
            + "<row r=\"6\">\(Self.text("A6", "Mansfield"))<c r=\"B6\" t=\"e\"><v>#N/A</v></c></row>"
        let source = SourceFile(name: "previous.xlsx", bytes: F.workbook(sheets: [("Last year", F.sheet(rows))]))
        let (previous, problems) = PreviousAllocation.parse(workbook: source)
        #expect(previous?.rows.map(\.amount) == [Money(pence: 4_146_444), Money(pence: 277_200), Money(pence: 3_640_861)])
        #expect(problems.map(\.message) == [
            "last year's amount for Gedling: cell B5 holds 12.345, which is not a whole number of pence",
            "last year's amount for Mansfield is the spreadsheet error #N/A (cell B6)",
        ])
        #expect(problems.first?.hint == "round it to pence in the sheet (=ROUND(…, 2)) if £12.35 is meant")
        #expect(problems.map(\.location) == [SourceLocation(file: "previous.xlsx", line: 5, column: 2),
                                             SourceLocation(file: "previous.xlsx", line: 6, column: 2)])
    }

    @Test func theRendererShowsNoLineOfAWorkbook() {
        let sources = SourceFiles()
        sources.add(SourceFile(name: "areas.xlsx", bytes: F.workbook(rows: "")))
        let problem = Diagnostic(.badIndicatorValue, "crime for Ashfield is empty (cell B5)", hint: "write 0 for none",
                                 at: SourceLocation(file: "areas.xlsx", line: 1, column: 2))
        #expect(DiagnosticRenderer(sources: sources).render(problem)
                == "areas.xlsx:1:2: error[bad-indicator-value]: crime for Ashfield is empty (cell B5)\n  hint: write 0 for none\n")
    }
}
