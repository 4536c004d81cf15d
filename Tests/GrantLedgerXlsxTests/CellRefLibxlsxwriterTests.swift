import Testing
import GrantLedgerCore
@testable import GrantLedgerXlsx

/// Core's cells as libxlsxwriter takes them: A1 text, the grid check, references on named sheets.
@Suite("Cells, ranges and sheet references")
struct CellRefLibxlsxwriterTests {
    @Test("column letters and A1 references", arguments: [
        (0, 0, "A1", "$A$1"), (6, 1, "B7", "$B$7"), (0, 25, "Z1", "$Z$1"), (0, 26, "AA1", "$AA$1"),
        (0, 701, "ZZ1", "$ZZ$1"), (0, 702, "AAA1", "$AAA$1"), (1_048_575, 16_383, "XFD1048576", "$XFD$1048576"),
    ])
    func a1(row: Int, column: Int, a1: String, absolute: String) throws {
        let cell = CellRef(row: row, column: column)
        #expect(cell.a1 == a1)
        #expect(cell.absolute == absolute)
        #expect(try CellRef(a1: a1) == cell)
        #expect(try CellRef(a1: absolute) == cell)
    }

    @Test("malformed references are errors", arguments: ["", "A", "1", "A0", "1A", "A1B", "XFE1", "A1048577", "A-1", "ABCD1"])
    func badA1(text: String) {
        #expect(throws: WorkbookError.self) { _ = try CellRef(a1: text) }
    }

    @Test("ranges and sheet references quote sheet names only when needed")
    func sheetReferences() {
        let range = CellArea(column: 1, rows: 1...3)
        #expect(range.a1 == "B2:B4")
        #expect(SheetArea(sheet: "Summary", area: range).reference == "Summary!$B$2:$B$4")
        #expect(SheetArea(sheet: "Spend data", area: range).reference == "'Spend data'!$B$2:$B$4")
        #expect(SheetNames.quoted("O'Brien's") == "'O''Brien''s'")
        #expect(SheetNames.quoted("2019") == "'2019'")
        #expect(SheetNames.quoted("AB12") == "'AB12'")
        #expect(SheetNames.quoted("FY2019_20") == "FY2019_20")
        #expect(SheetNames.quoted("2019-20") == "'2019-20'")
    }
}
