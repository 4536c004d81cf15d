import Testing
@testable import GrantLedgerCore

@Suite("Sheet names and cell references")
struct SheetNamesTests {
    @Test func namesAreMadeLegalAndDistinct() {
        #expect(SheetNames.unique("Equal thirds", taken: ["Summary"]) == "Equal thirds")
        #expect(SheetNames.unique("'quoted'", taken: []) == "quoted")
        #expect(SheetNames.unique("", taken: []) == "Sheet")
        #expect(SheetNames.unique("summary", taken: ["Summary"]) == "summary (2)")
        let long = String(repeating: "x", count: 40)
        #expect(SheetNames.unique(long, taken: []).count == 31)
        let clash = SheetNames.unique(long, taken: [String(repeating: "x", count: 31)])
        #expect(clash.count == 31 && clash.hasSuffix(" (2)"))
    }

    /// `_x0041_` as a sheet name is read back as `A` by LibreOffice, and the formulas naming the sheet
    /// fail (#NAME?): the pattern is broken, including one that dropping a character would make.
    @Test func namesNeverHoldAnXMLEscape() {
        #expect(SheetNames.unique("_x0041_", taken: []) == "_x0041")
        #expect(SheetNames.unique("Plan _X00e9_ b", taken: []) == "Plan _X00e9 b")
        #expect(SheetNames.unique("_x00[41_", taken: []) == "_x0041")
        #expect(SheetNames.unique("_x0041__x0042_", taken: []) == "_x0041x0042_")
        #expect(SheetNames.unique("_x004G_ and _x41_", taken: []) == "_x004G_ and _x41_")
    }

    @Test func quotingForFormulas() {
        #expect(SheetNames.quoted("Summary") == "Summary")
        #expect(SheetNames.quoted("Budget v actual") == "'Budget v actual'")
        #expect(SheetNames.quoted("O'Brien") == "'O''Brien'")
        #expect(SheetNames.quoted("FY2019") == "'FY2019'")
        #expect(SheetNames.quoted("2019") == "'2019'")
        #expect(CellRef(row: 11, column: 14).on(sheet: "Equal thirds") == "'Equal thirds'!O12")
    }

    @Test func references() {
        #expect(CellRef(row: 0, column: 0).a1 == "A1")
        #expect(CellRef(row: 4, column: 27).absolute == "$AB$5")
        #expect(CellRef(row: 4, column: 1).rowAbsolute == "B$5")
        #expect(CellArea(column: 1, rows: 4...10).a1 == "B5:B11")
        #expect(CellArea(column: 1, rows: 4...10).rowAbsolute == "B$5:B$11")
        #expect(CellRef.columnName(16_383) == "XFD")
    }
}
