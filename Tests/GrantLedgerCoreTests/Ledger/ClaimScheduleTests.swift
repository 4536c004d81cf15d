import Testing
@testable import GrantLedgerCore

/// A grant's claims schedule as written (`claims  arrears quarterly within 20 days`) and the claims it
/// asks for over the grant's period: financial quarters (Q1 is April to June), cut to the grant.
@Suite("Claims schedules")
struct ClaimScheduleTests {
    @Test(arguments: ["arrears quarterly", "advance monthly", "arrears annually", "arrears quarterly within 20 days",
                      "arrears  monthly\twithin 1 day"])
    func aScheduleIsRead(_ text: String) {
        #expect(ClaimSchedule.parse(text) != nil, "\(text)")
    }

    @Test(arguments: ["arrears", "quarterly arrears", "arrears weekly", "advance quarterly within 20 days", "arrears quarterly within -1 days",
                      "arrears quarterly within 400 days", "arrears quarterly within 0 days", "arrears quarterly in 20 days", "arrears quarterly within twenty days", ""])
    func anythingElseIsNot(_ text: String) {
        #expect(ClaimSchedule.parse(text) == nil, "\(text)")
    }

    @Test func arrearsQuarterlyOverSaferStreetsRoundFour() throws {
        // July 2022 to September 2023: five quarters, each claimable the day after it ends, due 20 days after.
        let schedule = try #require(ClaimSchedule.parse("arrears quarterly within 20 days"))
        let period = try Period.parse("2022-07-01..2023-09-30").get()
        let claims = schedule.claims(over: period)
        #expect(claims.map(\.period.description) == ["2022-23-Q2", "2022-23-Q3", "2022-23-Q4", "2023-24-Q1", "2023-24-Q2"])
        #expect(claims[1].opens == Day.parse("2023-01-01") && claims[1].dueBy == Day.parse("2023-01-20"))
        #expect(claims.last?.covers.end == Day.parse("2023-09-30"))
    }

    @Test func aGrantStartingMidQuarterIsClaimedForItsOwnDaysOnly() throws {
        let schedule = try #require(ClaimSchedule.parse("advance quarterly"))
        let period = try Period.parse("2022-08-15..2023-01-31").get()
        let claims = schedule.claims(over: period)
        #expect(claims.map(\.covers.description) == ["2022-08-15..2022-09-30", "2022-10-01..2022-12-31", "2023-01-01..2023-01-31"])
        #expect(claims.map(\.opens) == [Day.parse("2022-08-15"), Day.parse("2022-10-01"), Day.parse("2023-01-01")])
        #expect(claims.allSatisfy { $0.dueBy == nil })
    }

    @Test func aScheduleThatCannotBeReadIsALocatedError() throws {
        let text = """
            funder f  F
            grant g  G
              funder  f
              period  2019-20
              award   £1.00
              claims  arrears fortnightly
            """
        let problems = LedgerText.load(text).diagnostics
        #expect(problems.map(\.code) == [.badValue])
        #expect(problems.first?.message == "\"arrears fortnightly\" is not a claims schedule")
        #expect(problems.first?.location?.line == 6 && problems.first?.location?.column == 11)
    }

    @Test func noClaimFallsPastTheLastDayADateCanBeWritten() throws {
        let schedule = try #require(ClaimSchedule.parse("arrears monthly within 366 days"))
        let claims = schedule.claims(over: try Period.parse("9999-01-01..9999-12-31").get())
        #expect(claims.allSatisfy { $0.opens <= Day.latest && ($0.dueBy ?? Day.latest) <= Day.latest })
        #expect(Day.latest.description == "9999-12-31")
    }
}
