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
