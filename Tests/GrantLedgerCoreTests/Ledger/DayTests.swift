import PropertyBased
import Testing
@testable import GrantLedgerCore

@Suite("Days")
struct DayTests {
    @Test func epochAndKnownDays() throws {
        #expect(Day(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(Day(year: 1970, month: 1, day: 2)?.daysSinceEpoch == 1)
        #expect(Day(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
        #expect(Day(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11_017)
        #expect(Day(year: 2019, month: 4, day: 1)?.description == "2019-04-01")
        #expect(Day(year: 1, month: 1, day: 1)?.description == "0001-01-01")
        #expect(Day(year: 9999, month: 12, day: 31)?.description == "9999-12-31")
    }

    @Test(arguments: [
        (2019, 2, 29), (2020, 2, 30), (2021, 4, 31), (2021, 6, 31), (2021, 9, 31), (2021, 11, 31),
        (2021, 13, 1), (2021, 0, 1), (2021, 1, 0), (2021, 1, 32), (1900, 2, 29), (2100, 2, 29),
        (0, 1, 1), (10_000, 1, 1), (-1, 1, 1),
    ])
    func impossibleDatesAreRejected(_ year: Int, _ month: Int, _ day: Int) {
        #expect(Day(year: year, month: month, day: day) == nil)
    }

    @Test func leapYears() {
        #expect(Day.isLeap(2020))
        #expect(Day.isLeap(2000))
        #expect(Day.isLeap(2400))
        #expect(!Day.isLeap(2019))
        #expect(!Day.isLeap(1900))
        #expect(!Day.isLeap(2100))
        #expect(Day(year: 2020, month: 2, day: 29) != nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil)
        #expect(Day.daysIn(month: 2, year: 2024) == 29)
        #expect(Day.daysIn(month: 2, year: 2023) == 28)
        // 2020 has 366 days, 2019 has 365.
        let days2020 = Day(year: 2021, month: 1, day: 1)!.daysSinceEpoch - Day(year: 2020, month: 1, day: 1)!.daysSinceEpoch
        let days2019 = Day(year: 2020, month: 1, day: 1)!.daysSinceEpoch - Day(year: 2019, month: 1, day: 1)!.daysSinceEpoch
        #expect(days2020 == 366)
        #expect(days2019 == 365)
    }

    /// Every day from 0001-01-01 to 9999-12-31, generated from components: to days and back, to
    /// text and back, and consecutive days are consecutive integers.
    @Test func componentsRoundTripOverTheWholeRange() async {
        let date = zip(Gen.int(in: 1...9999), Gen.int(in: 1...12), Gen.int(in: 1...31))
        await propertyCheck(count: 2000, input: date) { parts in
            let (year, month, day) = parts
            guard let value = Day(year: year, month: month, day: day) else {
                #expect(day > Day.daysIn(month: month, year: year))
                return
            }
            #expect(value.components == (year, month, day))
            #expect(Day.parse(value.description) == value)
            #expect(Day(daysSinceEpoch: value.daysSinceEpoch) == value)
            let next = Day(daysSinceEpoch: value.daysSinceEpoch + 1)
            if day < Day.daysIn(month: month, year: year) {
                #expect(next.components == (year, month, day + 1))
            } else if month < 12 {
                #expect(next.components == (year, month + 1, 1))
            } else {
                #expect(next.components == (year + 1, 1, 1))
            }
        }
    }

    /// Walking day by day across four centuries (one whole Gregorian cycle) matches a calendar
    /// counted by hand.
    @Test func walkingDayByDayMatchesACountedCalendar() {
        var expected = (year: 1899, month: 12, day: 31)
        var value = Day(year: 1899, month: 12, day: 31)!
        for _ in 0..<(146_097 + 400) {
            value = value.adding(days: 1)
            if expected.day < Day.daysIn(month: expected.month, year: expected.year) {
                expected.day += 1
            } else if expected.month < 12 {
                expected = (expected.year, expected.month + 1, 1)
            } else {
                expected = (expected.year + 1, 1, 1)
            }
            if value.components != expected {
                Issue.record("\(value.daysSinceEpoch) is \(value.components), expected \(expected)")
                return
            }
        }
    }

    @Test(arguments: [
        "2019-02-29", "2020-02-30", "2021-04-31", "2021-13-01", "2021-00-10", "2021-01-00", "2021-1-01",
        "21-01-01", "2021/01/01", "2021-01-01x", " 2021-01-01", "", "20210101", "2021-01-1", "abcd-ef-gh",
        "２０２１-01-01", "0000-01-01",
    ])
    func parseRejects(_ text: String) {
        #expect(Day.parse(text) == nil)
    }

    @Test func comparesByDate() {
        let a = Day(year: 2022, month: 3, day: 31)!, b = Day(year: 2022, month: 4, day: 1)!
        #expect(a < b)
        #expect(a.adding(days: 1) == b)
    }
}

@Suite("Financial years")
struct FinancialYearTests {
    @Test func theYearTurnsOnTheFirstOfApril() {
        #expect(Day(year: 2020, month: 3, day: 31)!.financialYear.description == "2019-20")
        #expect(Day(year: 2020, month: 4, day: 1)!.financialYear.description == "2020-21")
        #expect(Day(year: 2020, month: 1, day: 1)!.financialYear == FinancialYear(startYear: 2019))
        #expect(Day(year: 2020, month: 12, day: 31)!.financialYear == FinancialYear(startYear: 2020))
    }

    @Test func periodRunsAprilToMarch() {
        let year = FinancialYear(startYear: 2019)
        #expect(year.period.start.description == "2019-04-01")
        #expect(year.period.end.description == "2020-03-31")
        #expect(year.period.description == "2019-20")
        #expect(FinancialYear(startYear: 1999).description == "1999-00")
        #expect(FinancialYear(startYear: 2009).description == "2009-10")
    }

    @Test func everyDayOfAYearIsInThatYear() async {
        await propertyCheck(count: 500, input: Gen.int(in: 1000...9998), Gen.int(in: 0...365)) { start, offset in
            let year = FinancialYear(startYear: start)
            let day = year.period.start.adding(days: Int32(offset))
            if day <= year.period.end {
                #expect(day.financialYear == year)
                #expect(year.period.contains(day))
            } else {
                #expect(day.financialYear == FinancialYear(startYear: start + 1))
            }
            #expect(FinancialYear.parse(year.description) == year)
        }
    }

    @Test(arguments: [("2019-20", 2019), ("1999-00", 1999), ("2009-10", 2009), ("9998-99", 9998), ("2019/20", 2019), ("2026/27", 2026)])
    func parses(_ text: String, _ start: Int) {
        #expect(FinancialYear.parse(text) == FinancialYear(startYear: start))
    }

    @Test(arguments: ["2019-21", "2019-2020", "2019-2", "19-20", "2019", "2019/21", "2019/20-", "2019-20/21", "2019-19", "9999-00", "0999-00", ""])
    func rejects(_ text: String) {
        #expect(FinancialYear.parse(text) == nil)
    }
}

@Suite("Periods")
struct PeriodTests {
    @Test func aFinancialYear() throws {
        let period = try Period.parse("2022-23").get()
        #expect(period.start.description == "2022-04-01")
        #expect(period.end.description == "2023-03-31")
        #expect(period.description == "2022-23")
    }

    @Test func fromTo() throws {
        let period = try Period.parse("2022-07-01..2023-09-30").get()
        #expect(period.start.description == "2022-07-01")
        #expect(period.end.description == "2023-09-30")
        #expect(period.description == "2022-07-01..2023-09-30")
        #expect(period.contains(Day(year: 2022, month: 7, day: 1)!))
        #expect(period.contains(Day(year: 2023, month: 9, day: 30)!))
        #expect(!period.contains(Day(year: 2022, month: 6, day: 30)!))
        #expect(!period.contains(Day(year: 2023, month: 10, day: 1)!))
        // A single day is a period; a whole year written out prints as the year.
        #expect(try Period.parse("2022-07-01..2022-07-01").get().start == Day(year: 2022, month: 7, day: 1))
        #expect(try Period.parse("2019-04-01..2020-03-31").get().description == "2019-20")
    }

    @Test(arguments: [
        ("2022-07-01..2023-02-30", Period.ParseProblem.impossibleDate),
        ("2019-02-29..2019-03-01", .impossibleDate),
        ("2023-01-01..2022-01-01", .endBeforeStart),
        ("2022-07-01...2023-09-30", .malformed),
        ("2022-07-01..", .malformed),
        ("..2022-07-01", .malformed),
        ("2022-07-01", .malformed),
        ("2022-07-01..2023-09-30..2024-01-01", .malformed),
        ("2022-7-1..2023-9-30", .malformed),
        ("2019-21", .malformed),
        ("2019-20 ", .malformed),
        ("", .malformed),
        ("abcdefghij..klmnopqrst", .malformed),
    ])
    func rejects(_ text: String, _ problem: Period.ParseProblem) {
        #expect(Period.parse(text) == .failure(problem))
    }
}
