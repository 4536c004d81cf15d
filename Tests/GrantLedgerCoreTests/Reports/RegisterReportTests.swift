import PropertyBased
import Testing
@testable import GrantLedgerCore

/// The register: every posting in date order with a running balance. On random books and filters,
/// each balance is the one before plus the amount, and per account the amounts add up to what
/// `report balance` gives for the same filter; the query narrows as it says.
@Suite("Register")
struct RegisterReportTests {
    @Test func runningBalancesAddUpToTheBalanceReport() async throws {
        await propertyCheck(count: 60, input: Gen.int(in: 0...1_000_000_000)) { seed in
            let (ledger, diagnostics) = LedgerLoader.load(text: RandomBooks.text(seed: seed))
            guard !diagnostics.contains(where: { $0.severity == .error }) else { return }
            #expect(try RegisterReport.figures(ledger).rows.count == ledger.postings.count, "unfiltered, every posting")
            for filter in ReportTotalsPropertyTests.filters(for: ledger, seed: seed) {
                let rows = try RegisterReport.figures(ledger, filter).rows
                var running = Money.zero
                var perAccount: [String: Money] = [:]
                for (index, row) in rows.enumerated() {
                    running = try running.adding(row.amount)
                    #expect(row.balance == running, "row \(index)")
                    perAccount[row.account] = try (perAccount[row.account] ?? .zero).adding(row.amount)
                    if index > 0 { #expect(rows[index - 1].date <= row.date, "date order") }
                }
                let balances = try BalanceReport.figures(ledger, filter).rows
                #expect(Dictionary(uniqueKeysWithValues: balances.map { ($0.account, $0.balance) })
                        == perAccount.filter { !$0.value.isZero }, "\(filter)")
                let table = try RegisterReport.table(ReportFigures(filter: filter, rows: rows))
                #expect(table.rows.count == rows.count)
                #expect(table.totals.cells[8] == .empty, "a running balance is never totalled")
            }
        }
    }

    static let books = """
        funder f  F
        account expenses:youth:sessions
        account expenses:youth:venues
        account expenses:other
        account assets:bank
        initiative club  Youth club
        grant g  G
          funder  f
          period  2019-20
          award   £100.00
          line youth  £60.00  Youth
          line other  £40.00  Other
        grant h  H
          funder  f
          period  2019-20
          award   £10.00
          line youth  £10.00  Youth

        2019-05-01 Mansfield Youth Club | sessions   ; grant:g
            expenses:youth:sessions  £10.00   ; line:youth, initiative:club
            expenses:youth:venues     £5.00   ; line:youth, initiative:club
            assets:bank

        2019-06-01 Other Supplier | other   ; grant:g
            expenses:other  £7.00   ; line:other
            assets:bank

        2019-07-01 Mansfield Youth Club | for h   ; grant:h
            expenses:youth:sessions  £3.00   ; line:youth
            assets:bank
        """

    @Test(arguments: [
        (RegisterReport.Query(lineID: "youth"), 3, 1800),
        (RegisterReport.Query(initiativeID: "club"), 2, 1500),
        (RegisterReport.Query(account: "expenses:youth"), 3, 1800),
        (RegisterReport.Query(account: "expenses:youth:venues"), 1, 500),
        (RegisterReport.Query(payee: "MANSFIELD"), 5, 0),
        (RegisterReport.Query(lineID: "youth", account: "expenses", payee: "youth club"), 3, 1800),
    ])
    func theQueryNarrowsAsItSays(_ query: RegisterReport.Query, _ count: Int, _ balance: Int64) throws {
        let ledger = LedgerText.load(Self.books).ledger
        let rows = try RegisterReport.figures(ledger, ReportFilter(), query).rows
        #expect(rows.count == count)
        #expect(rows.last?.balance.pence == balance)
    }

    @Test func aLineOfTheGrantAskedForOnly() throws {
        let ledger = LedgerText.load(Self.books).ledger
        let rows = try RegisterReport.figures(ledger, ReportFilter(grantID: "h"), RegisterReport.Query(lineID: "youth")).rows
        #expect(rows.map(\.amount.pence) == [300])
        #expect(throws: ReportError.unknownLine("other", suggestion: .known(["youth"]))) {
            try RegisterReport.figures(ledger, ReportFilter(grantID: "h"), RegisterReport.Query(lineID: "other"))
        }
        #expect(throws: ReportError.unknownAccount("expenses:yuth", suggestion: .near("expenses:youth"))) {
            try RegisterReport.figures(ledger, ReportFilter(), RegisterReport.Query(account: "expenses:yuth"))
        }
    }
}
