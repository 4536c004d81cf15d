@testable import GrantLedgerCore
import Testing

/// What a committee member tripped over: ids in the Summary chart, an empty Supplier for a row
/// keyed by hand, "Underspend" for money a running grant has yet to spend.
@Suite("Committee reading")
struct CommitteeReadingTests {
    static let books = """
        funder f  F
        account expenses:youth
        account assets:bank
        grant g  Youth diversion grant
          funder  f
          period  2019-20
          award   £100.00
          line youth  £100.00  Youth
        bid b  Youth diversion bid
          requested  £100.00
          grant  g
          2019-03-01  submitted
          2019-03-20  awarded  £100.00

        2019-05-01 Mansfield Youth Club | sessions   ; grant:g, line:youth
            expenses:youth  £10.00
            assets:bank

        2019-06-01 Tagged | sessions   ; grant:g, line:youth, supplier:Secure Vision Ltd
            expenses:youth  £5.00
            assets:bank
        """

    static func model() throws -> WorkbookModel {
        try CommitteeWorkbook.build(LedgerText.load(Self.books).ledger, WorkbookFixtures.settings(asOf: Day.parse("2019-12-31")!))
    }

    @Test func theSummaryChartNamesTheGrants() throws {
        let summary = try #require(try Self.model().sheet(named: "Summary"))
        let categories = try #require(summary.charts.first?.series.first?.categories.area)
        let first = summary.cell(categories.first)
        #expect(first.value == .text("Youth diversion grant"))
    }

    @Test func aRowKeyedByHandShowsItsPayeeAsSupplier() throws {
        let spend = try #require(try Self.model().sheet(named: "Spend"))
        #expect(spend.find("Mansfield Youth Club") != nil, "the payee, where no supplier: tag was written")
        #expect(spend.find("Secure Vision Ltd") != nil && spend.find("Tagged") == nil, "the tag, where one was")
    }

    @Test func aRunningGrantsMoneyIsNotSpentNotUnderspent() throws {
        let bids = try #require(try Self.model().sheet(named: "Bids"))
        #expect(bids.find("Not spent", role: .header) != nil && bids.find("Underspend", role: .header) == nil)
    }
}
