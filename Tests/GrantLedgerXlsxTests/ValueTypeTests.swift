import Testing
import GrantLedgerCore
@testable import GrantLedgerXlsx

@Suite("Addresses, dates and header codes")
struct ValueTypeTests {
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

    @Test("Excel serials", arguments: [
        (1900, 3, 1, 61), (1970, 1, 1, 25_569), (2019, 4, 1, 43_556), (2020, 2, 29, 43_890),
        (2020, 3, 31, 43_921), (2026, 11, 25, 46_351), (9999, 12, 31, 2_958_465),
    ])
    func serials(year: Int, month: Int, day: Int, serial: Int) throws {
        #expect(try #require(Day(year: year, month: month, day: day)).excelSerial() == serial)
    }

    @Test("impossible days do not exist; days Excel cannot show are errors")
    func badDates() throws {
        #expect(Day(year: 2021, month: 2, day: 29) == nil)
        #expect(Day(year: 2021, month: 13, day: 1) == nil)
        #expect(Day(year: 2021, month: 4, day: 31) == nil)
        #expect(throws: WorkbookError.dateOutOfRange("1900-02-28")) {
            _ = try #require(Day(year: 1900, month: 2, day: 28)).excelSerial()
        }
        let lastDay = try #require(Day(year: 9999, month: 12, day: 31))
        #expect(throws: WorkbookError.self) { _ = try lastDay.adding(days: 1).excelSerial() }  // 10000-01-01
    }

    @Test("day counts and calendar dates round-trip over the years a workbook can hold")
    func roundTrip() throws {
        // 0001-01-01 through 9999-12-31, the days `Day(year:month:day:)` accepts.
        for days in stride(from: Int32(-719_162), through: 2_932_896, by: 997) {
            let date = Day(daysSinceEpoch: days)
            let (y, m, d) = date.components
            #expect(Day(year: y, month: m, day: d) == date)
        }
        #expect(Day(year: 2019, month: 4, day: 1)?.description == "2019-04-01")
        #expect(Day(daysSinceEpoch: 0).description == "1970-01-01")
    }

    @Test("header and footer codes escape ampersands in text")
    func headerCodes() {
        let footer = HeaderFooter(left: [.text("Crime & disorder")], center: [.sheetName],
                                  right: [.text("Page "), .pageNumber, .text(" of "), .pageCount])
        #expect(footer.code == "&LCrime && disorder&C&A&RPage &P of &N")
        #expect(HeaderFooter().code == "")
        let setup = PageSetup.committee()
        #expect(setup.orientation == .landscape)
        #expect(setup.fitToPagesWide == 1)
        #expect(setup.fitToPagesTall == 0)
        #expect(setup.repeatRows == 0...0)
        #expect(setup.header?.code == "&COFFICIAL")
        #expect(setup.footer?.code == "&L&A&COFFICIAL&RPage &P of &N")
    }
}
