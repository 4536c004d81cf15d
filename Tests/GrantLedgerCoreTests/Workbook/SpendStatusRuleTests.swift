import Testing
@testable import GrantLedgerCore

@Suite("RAG status rule")
struct SpendStatusRuleTests {
    let rule = SpendStatusRule()
    let year = FinancialYear(startYear: 2019).period  // 366 days: 2020 is a leap year

    func day(_ text: String) -> Day { Day.parse(text) ?? Day(daysSinceEpoch: 0) }
    func r(_ n: Int, _ d: Int) -> Rational { Rational(Int128(n), Int128(d)) ?? .zero }

    @Test func timeElapsedRunsFromNothingToAll() {
        #expect(SpendStatusRule.timeElapsed(year, at: day("2019-03-31")) == .zero)
        #expect(SpendStatusRule.timeElapsed(year, at: day("2019-04-01")) == r(1, 366))
        #expect(SpendStatusRule.timeElapsed(year, at: day("2019-09-30")) == r(183, 366))
        #expect(SpendStatusRule.timeElapsed(year, at: day("2020-03-31")) == .one)
        #expect(SpendStatusRule.timeElapsed(year, at: day("2026-11-25")) == .one)
    }

    @Test func statusByGap() {
        let award = Money(pence: 100_000_00)
        // All the time gone: 95% spent is 5 points behind (Green), 80% 20 (Amber), 70% 30 (Red).
        #expect(rule.status(award: award, spent: Money(pence: 95_000_00), elapsed: .one) == .green)
        #expect(rule.status(award: award, spent: Money(pence: 80_000_00), elapsed: .one) == .amber)
        #expect(rule.status(award: award, spent: Money(pence: 70_000_00), elapsed: .one) == .red)
        // Exactly on a threshold is not beyond it.
        #expect(rule.status(award: award, spent: Money(pence: 90_000_00), elapsed: .one) == .green)
        #expect(rule.status(award: award, spent: Money(pence: 75_000_00), elapsed: .one) == .amber)
        // Ahead of time is Green; overspent is Red however early.
        #expect(rule.status(award: award, spent: Money(pence: 60_000_00), elapsed: r(1, 2)) == .green)
        #expect(rule.status(award: award, spent: Money(pence: 100_000_01), elapsed: r(1, 10)) == .red)
        #expect(rule.status(award: award, spent: award, elapsed: .one) == .green)
    }

    @Test func theGapIsRoundedToMillionthsAsTheSheetRoundsIt() {
        // 10.00004 points behind rounds to 10.0000 (six places of a share) and so is not beyond 10.
        #expect(SpendStatusRule.gap(award: Money(pence: 10_000_000_00), spent: Money(pence: 8_999_999_60), elapsed: .one)
                == r(100_000, 1_000_000))
        #expect(rule.status(award: Money(pence: 10_000_000_00), spent: Money(pence: 8_999_999_60), elapsed: .one) == .green)
    }

    @Test func onlyAHalfMillionthNextToAThresholdIsDelicate() {
        let award = Money(pence: 20_000_000_00)
        // spent/award = 0.8999995 exactly: the gap is 0.1000005, half a millionth past 10 points.
        #expect(rule.isDelicate(award: award, spent: Money(pence: 17_999_990_00), elapsed: .one))
        #expect(!rule.isDelicate(award: award, spent: Money(pence: 18_000_000_00), elapsed: .one))
        #expect(!rule.isDelicate(award: award, spent: Money(pence: 15_000_000_00), elapsed: .one))
        #expect(!rule.isDelicate(award: .zero, spent: .zero, elapsed: .one))
    }
}
