import Testing
@testable import GrantLedgerCore

/// What check accepts every command handles: a date before 1 March 1900, which no spreadsheet can
/// show, is a located error in check, not a failed export.
@Suite("Dates a spreadsheet can show")
struct SpreadsheetDateChecksTests {
    static func books(period: String = "2019-20", date: String = "2019-05-01") -> String {
        """
        funder f  F
        account expenses:x
        account assets:b

        grant g  G
          funder  f
          period  \(period)
          award   £10.00
          line a  £10.00  A

        \(date) Supplier | work   ; grant:g, line:a
            expenses:x  £1.00
            assets:b
        """
    }

    @Test func aYearSlippedTo1019IsLocated() throws {
        let problems = LedgerText.load(Self.books(period: "1019-04-01..2020-03-31", date: "1019-05-01")).diagnostics
            .filter { $0.code == .badDate }
        #expect(problems.map(\.message) == [
            "grant g's start 1019-04-01 is before 1 March 1900, the first day a spreadsheet can show",
            "the date 1019-05-01 is before 1 March 1900, the first day a spreadsheet can show",
        ])
        #expect(problems.map { $0.location?.line } == [7, 11])
        #expect(problems.first?.location?.column == 11, "the caret under the date, not the grant's id")
    }

    @Test func theFirstDayASpreadsheetShowsIsAccepted() {
        #expect(SpreadsheetDateChecks.firstDay.description == "1900-03-01")
        let problems = LedgerText.load(Self.books(period: "1900-03-01..2020-03-31", date: "1900-03-01")).diagnostics
        #expect(!problems.contains { $0.code == .badDate }, "\(problems)")
        let before = LedgerText.load(Self.books(period: "1900-03-01..2020-03-31", date: "1900-02-28")).diagnostics
        #expect(before.contains { $0.code == .badDate })
    }

    @Test func aTranchesYearAndDateAreHeldTooWithTheCaretUnderTheDate() throws {
        let text = Self.books().replacingOccurrences(of: "  award   £10.00\n", with: "  award   £10.00\n  tranche  1899-00  £10.00  by 1900-02-28\n")
        let problems = LedgerText.load(text).diagnostics.filter { $0.code == .badDate }
        #expect(problems.map(\.message) == [
            "the tranche's year, starting 1899-04-01 is before 1 March 1900, the first day a spreadsheet can show",
            "the tranche's spend-by date 1900-02-28 is before 1 March 1900, the first day a spreadsheet can show",
        ])
        #expect(problems.last?.location?.column == 33, "under the date (columns count bytes: £ is two)")
    }
}
