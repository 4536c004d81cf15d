import Testing
import GrantLedgerCore
@testable import GrantLedgerXlsx

/// Core's days as Excel stores them: serial numbers, and the days it cannot show.
@Suite("Days as Excel serials")
struct DayExcelTests {
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
}
