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
        let cell = CellAddress(row: row, column: column)
        #expect(cell.a1 == a1)
        #expect(cell.absoluteA1 == absolute)
        #expect(try CellAddress(a1: a1) == cell)
        #expect(try CellAddress(a1: absolute) == cell)
    }

    @Test("malformed references are errors", arguments: ["", "A", "1", "A0", "1A", "A1B", "XFE1", "A1048577", "A-1", "ABCD1"])
    func badA1(text: String) {
        #expect(throws: WorkbookError.self) { _ = try CellAddress(a1: text) }
    }

    @Test("ranges and sheet references quote sheet names only when needed")
    func sheetReferences() {
        let range = CellRange(column: 1, rows: 1...3)
        #expect(range.a1 == "B2:B4")
        #expect(SheetRange(sheet: "Summary", range: range).reference == "Summary!$B$2:$B$4")
        #expect(SheetRange(sheet: "Spend data", range: range).reference == "'Spend data'!$B$2:$B$4")
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
        #expect(try WorkbookDate(year: year, month: month, day: day).excelSerial() == serial)
    }

    @Test("impossible or unrepresentable dates are errors")
    func badDates() {
        #expect(throws: WorkbookError.self) { _ = try WorkbookDate(year: 2021, month: 2, day: 29) }
        #expect(throws: WorkbookError.self) { _ = try WorkbookDate(year: 2021, month: 13, day: 1) }
        #expect(throws: WorkbookError.self) { _ = try WorkbookDate(year: 2021, month: 4, day: 31) }
        #expect(throws: WorkbookError.self) { _ = try WorkbookDate(year: 1900, month: 2, day: 28).excelSerial() }
        #expect(throws: WorkbookError.self) { _ = try WorkbookDate(year: 10_000, month: 1, day: 1).excelSerial() }
    }

    @Test("day counts and calendar dates round-trip")
    func roundTrip() throws {
        for days in stride(from: -800_000, through: 3_000_000, by: 997) {
            let date = WorkbookDate(daysSinceUnixEpoch: days)
            let (y, m, d) = date.components
            #expect(try WorkbookDate(year: y, month: m, day: d) == date)
        }
        #expect(try WorkbookDate(year: 2019, month: 4, day: 1).description == "2019-04-01")
        #expect(WorkbookDate(daysSinceUnixEpoch: 0).description == "1970-01-01")
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
