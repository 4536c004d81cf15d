import Testing
@testable import GrantLedgerCore

/// The calendar of what falls due, from the grants' declarations, and its iCalendar form.
@Suite("Calendar")
struct CalendarReportTests {
    static let books = """
        funder f  F

        grant a  Year grant
          funder  f
          period  2019-20
          award   £10.00
          claims  arrears quarterly within 15 days
          tranche 2019-20  £10.00  by 2020-03-31

        grant b  Short grant
          funder    f
          period    2019-07-01..2019-12-31
          award     £5.00
          deadline  2019-11-30
        """

    static var ledger: Ledger { LedgerText.load(books).ledger }

    @Test func everyDueDateOfTheDeclarationsInOrder() throws {
        let events = try CalendarReport.events(Self.ledger, ReportFilter())
        #expect(events.map { "\($0.date) \($0.grantID) \($0.kind.rawValue)" } == [
            "2019-07-15 a claim", "2019-10-15 a claim", "2019-11-30 b last day for spend", "2020-01-15 a claim",
            "2020-03-31 a tranche spend-by", "2020-03-31 a last day for spend", "2020-04-15 a claim",
        ])
        #expect(events[0].detail == "2019-20-Q1, from 2019-07-01, due by 2019-07-15")
        #expect(events[2].detail == "Short grant")
    }

    @Test func datesAndAGrantAskedForNarrowIt() throws {
        let quarter = try CalendarReport.events(Self.ledger, ReportFilter(period: FinancialPeriod.parse("2019-20-Q3")))
        #expect(quarter.map(\.date.description) == ["2019-10-15", "2019-11-30"])
        #expect(try CalendarReport.events(Self.ledger, ReportFilter(grantID: "b")).count == 1)
    }

    @Test func eachIsPastTodayOrToCome() throws {
        let report = try CalendarReport.build(Self.ledger, ReportFilter(grantID: "b"), asOf: Day.parse("2019-11-28")!)
        #expect(report.rows.first?.cells[1] == .text("in 2 days"))
        #expect(CalendarReport.status(of: Day.parse("2019-11-28")!, asOf: Day.parse("2019-11-28")!) == "today")
        #expect(CalendarReport.status(of: Day.parse("2019-11-27")!, asOf: Day.parse("2019-11-28")!) == "past")
        #expect(!TableWriter.render(report).contains("Total"), "a calendar has nothing to total")
    }

    @Test func theICalendarIsStableFoldedAndEscaped() throws {
        let events = try CalendarReport.events(Self.ledger, ReportFilter())
        let a = CalendarWriter.render(events, name: "Calendar", stamp: Day.parse("2019-05-01")!)
        // A tranche's cap and a grant's name edited: the same events, so the same UIDs.
        let edited = LedgerText.load(Self.books.replacingOccurrences(of: "Short grant", with: "Short grant, renamed")
            .replacingOccurrences(of: "£10.00  by", with: "£9.00  by")).ledger
        let b = CalendarWriter.render(try CalendarReport.events(edited, ReportFilter()), name: "Calendar", stamp: Day.parse("2020-05-01")!)
        func uids(_ text: String) -> [Substring] { text.split(separator: "\r\n").filter { $0.hasPrefix("UID:") } }
        #expect(uids(a).count == 7 && Set(uids(a)).count == 7)
        #expect(uids(a) == uids(b), "an event keeps its UID whatever its wording or the day, so a calendar program updates it")
        #expect(!a.contains("DTEND"), "an all-day DTSTART alone lasts the day")
        #expect(a.contains("DTSTAMP:20190501T000000Z\r\n") && a.hasSuffix("END:VCALENDAR\r\n"))
        #expect(a.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(CalendarWriter.escaped("a;b,c\\d\ne\u{1}") == "a\\;b\\,c\\\\d\\ne")
        let long = String(repeating: "é", count: 60)
        let folded = CalendarWriter.folded("DESCRIPTION:" + long)
        #expect(folded.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 } && folded.contains("\r\n "))
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == "DESCRIPTION:" + long, "unfolded, the same text")
        // One character of many combining marks is longer than a line: folded between its scalars.
        let marks = "DESCRIPTION:e" + String(repeating: "\u{301}", count: 45)
        #expect(CalendarWriter.folded(marks).split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }

    @Test func twoTranchesOfOneYearAreTwoEventsAndAdvanceClaimsAreMadeBy() throws {
        let text = Self.books.replacingOccurrences(of: "  tranche 2019-20  £10.00  by 2020-03-31\n",
                                                   with: "  tranche 2019-20  £5.00  by 2020-03-31\n  tranche 2019-20  £5.00  by 2020-03-31\n")
            .replacingOccurrences(of: "claims  arrears quarterly within 15 days", with: "claims  advance quarterly")
        let events = try CalendarReport.events(LedgerText.load(text).ledger, ReportFilter())
        #expect(Set(events.map(\.identity)).count == events.count)
        #expect(events.first?.detail == "2019-20-Q1, in advance, by 2019-04-01")
    }
}
