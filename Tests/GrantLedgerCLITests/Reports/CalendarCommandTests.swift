import Foundation
import GrantLedgerTestSupport
import Testing

/// `report calendar` on the shipped books: every due date their declarations make (each grant's last
/// day for spend; Safer Streets round 4's two tranches and five quarterly claims), and the same as
/// iCalendar, read by a strict, independent parser (Python `icalendar`, `Tests/tools/ics_check.py`).
@Suite("report calendar")
struct CalendarCommandTests {
    @Test func theShippedGrantsDueDates() throws {
        let result = try Grantledger.run(["report", "calendar", "--as-of", "2022-12-01", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 15, "8 grants' last days for spend, 2 tranches, 5 claims")
        #expect(rows.filter { $0.contains(",last day for spend,") }.count == 8)
        #expect(rows.filter { $0.contains(",ss4-bns,claim,") }.count == 5)
        #expect(rows.contains("2023-03-31,in 120 days,ss4-bns,tranche spend-by,\"2022-23: £500,000.00, not carried over\""))
        // A claim the books record says where it stands: Q2's was paid on 28 October; Q3's is still to make.
        #expect(rows.contains("2022-10-01,paid,ss4-bns,claim,\"2022-23-Q2, from 2022-10-01\""))
        #expect(rows.contains("2023-01-01,in 31 days,ss4-bns,claim,\"2022-23-Q3, from 2023-01-01\""))
    }

    @Test(.enabled(if: Requirement.icalendar.shouldRun))
    func theICalendarParsesStrictlyAndHoldsTheSameEvents() throws {
        let folder = try ScratchFolder()
        let ics = try Grantledger.run(["report", "calendar", "--as-of", "2022-12-01", "--format", "ics"])
        #expect(ics.status == 0)
        let path = folder.url.appendingPathComponent("calendar.ics")
        try Data(ics.stdout.utf8).write(to: path)
        let checked = try WorkbookOracle.python([ReportTestCLI.root.appendingPathComponent("Tests/tools/ics_check.py").path, path.path])
        #expect(checked.hasSuffix("15 events\n"), "\(checked)")
        let table = try Grantledger.run(["report", "calendar", "--as-of", "2022-12-01", "--format", "csv"]).stdout
        let dates = table.split(separator: "\n").dropFirst().map { String($0.prefix(10)) }
        #expect(checked.split(separator: "\n").dropLast().map { String($0.prefix(10)) } == dates, "the same events, in order")
        let again = try Grantledger.run(["report", "calendar", "--as-of", "2022-12-01", "--format", "ics"])
        #expect(again.stdout == ics.stdout, "byte-identical run to run")
    }

    @Test func iCalendarIsForTheCalendarAlone() throws {
        let result = try Grantledger.run(["report", "grants", "--format", "ics"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error[bad-value]: --format ics is for report calendar"))
        let area = try Grantledger.run(["report", "calendar", "--area", "ashfield"])
        #expect(area.status == 2 && area.stderr.contains("error[bad-value]: --area does not narrow report calendar"), "never ignored")
    }
}
