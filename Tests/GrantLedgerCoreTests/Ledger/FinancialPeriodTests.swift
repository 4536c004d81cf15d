import PropertyBased
import Testing
@testable import GrantLedgerCore

/// Months, quarters and years of the financial year (April to March, Q1 April to June): each
/// length cuts a year into periods that follow on without a gap or an overlap, a day falls in the
/// period that contains it, and each period is written and read back as the sector writes it.
@Suite("Financial periods")
struct FinancialPeriodTests {
    static func day(_ text: String) -> Day { Day.parse(text)! }

    @Test func quartersAreTheSectorsQuarters() {
        let year = FinancialYear(startYear: 2024)
        let quarters = (1...4).compactMap { FinancialPeriod(year: year, length: .quarter, number: $0) }
        #expect(quarters.map(\.description) == ["2024-25-Q1", "2024-25-Q2", "2024-25-Q3", "2024-25-Q4"])
        #expect(quarters.map { "\($0.period.start)..\($0.period.end)" }
                == ["2024-04-01..2024-06-30", "2024-07-01..2024-09-30", "2024-10-01..2024-12-31", "2025-01-01..2025-03-31"])
        #expect(FinancialPeriod(year: year, length: .quarter, number: 5) == nil)
        #expect(FinancialPeriod(containing: Self.day("2025-02-28"), length: .month).description == "2025-02")
        #expect(FinancialPeriod(containing: Self.day("2025-02-28"), length: .month).period.end == Self.day("2025-02-28"))
        #expect(FinancialPeriod(containing: Self.day("2024-02-29"), length: .month).period.end == Self.day("2024-02-29"))
    }

    @Test(arguments: ["2024-10", "2024-25-Q3", "2024-25", "2025-03", "2019-20-Q1"])
    func readsWhatItWrites(_ text: String) throws {
        let period = try #require(FinancialPeriod.parse(text))
        #expect(period.description == text)
    }

    @Test(arguments: ["2024-13", "2024-25-Q5", "2024-25-Q0", "2024-26", "24-25", "2024-1", "2024/10", "Q3", ""])
    func refusesWhatIsNotAPeriod(_ text: String) {
        #expect(FinancialPeriod.parse(text) == nil)
    }

    @Test func eachLengthCutsAYearIntoPeriodsThatFollowOn() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1000...9997)) { startYear in
            let year = FinancialYear(startYear: startYear)
            for length in FinancialPeriod.Length.allCases {
                let periods = (1...length.perYear).compactMap { FinancialPeriod(year: year, length: length, number: $0) }
                #expect(periods.count == length.perYear)
                #expect(periods.first?.period.start == year.period.start && periods.last?.period.end == year.period.end)
                for (a, b) in zip(periods, periods.dropFirst()) {
                    #expect(a.period.end.adding(days: 1) == b.period.start, "\(a) then \(b)")
                    #expect(a.next == b && a < b)
                }
                #expect(periods.last?.next.period.start == year.period.end.adding(days: 1))
                let days = periods.reduce(0) { $0 + Int($1.period.end.daysSinceEpoch - $1.period.start.daysSinceEpoch) + 1 }
                #expect(days == Int(year.period.end.daysSinceEpoch - year.period.start.daysSinceEpoch) + 1)
            }
        }
    }

    @Test func aDayFallsInThePeriodThatContainsIt() async {
        await propertyCheck(count: 500, input: Gen.int(in: -300_000...2_900_000)) { offset in
            let day = Day(daysSinceEpoch: Int32(offset))
            for length in FinancialPeriod.Length.allCases {
                let period = FinancialPeriod(containing: day, length: length)
                #expect(period.period.contains(day), "\(day) in \(period)")
                #expect(period.year == day.financialYear)
            }
        }
    }

    @Test func aSpanIsCoveredByThePeriodsItTouches() {
        let span = Period(start: Self.day("2022-07-01"), end: Self.day("2023-09-30"))
        #expect(FinancialPeriod.covering(span, by: .quarter).map(\.description)
                == ["2022-23-Q2", "2022-23-Q3", "2022-23-Q4", "2023-24-Q1", "2023-24-Q2"])
        #expect(FinancialPeriod.covering(span, by: .month).count == 15)
        #expect(FinancialPeriod.covering(span, by: .year).map(\.description) == ["2022-23", "2023-24"])
        let partial = Period(start: Self.day("2022-08-15"), end: Self.day("2022-08-20"))
        #expect(FinancialPeriod.covering(partial, by: .quarter).map(\.description) == ["2022-23-Q2"])
    }

    @Test func theLastDaysStopTheCount() {
        let last = Period(start: Self.day("9999-01-01"), end: Self.day("9999-12-31"))
        let quarters = FinancialPeriod.covering(last, by: .quarter)
        #expect(quarters.map(\.description) == ["9998-99-Q4", "9999-00-Q1", "9999-00-Q2", "9999-00-Q3"])
        #expect(FinancialPeriod.covering(last, by: .month).count == 12)
    }
}
