import Foundation
import GrantLedgerTestSupport
import Testing

/// A grant forecast to leave money unspent at 31 March shows the same sum wherever the grant is: in
/// report budget (a note under the lines, and a row with --rows tranches), on the workbook's Summary
/// sheet, and as an audit finding.
///
/// Worked by hand, to 30 September 2023: work is forecast at the officer's entry, £5,100.00 (above
/// its £2,900.00 spent); cameras at its £3,650.00 spent (its profile fell due in Q2, nothing is
/// committed). £8,750.00 of the £10,000.00 tranche will be spent: £1,250.00 is at risk of being lost.
@Suite("Money at risk, everywhere the grant is")
struct MoneyAtRiskCommandTests {
    static let books = """
        funder ho  Home Office
        account assets:bank
        account expenses:youth
        account expenses:cameras

        grant yd  Youth diversion 2023-24
          funder   ho
          period   2023-04-01..2024-03-31
          award    £10,000.00
          tranche  2023-24  £10,000.00  by 2024-03-31
          line work     £6,000.00  Detached youth work
          line cameras  £4,000.00  Cameras at the youth hub
          profile work     quarterly  £1,500.00 £1,500.00 £1,500.00 £1,500.00
          profile cameras  quarterly  £0.00 £4,000.00 £0.00 £0.00
          forecast work  2023-09-30  £5,100.00  One youth worker post vacant from October

        2023-05-10 * Trent Valley Youth Trust | April and May   ; grant:yd, line:work, ref:INV-1
            expenses:youth  £1,400.00
            assets:bank

        2023-08-20 * Secure Vision Ltd | cameras   ; grant:yd, line:cameras, ref:INV-2, class:capital
            expenses:cameras  £3,650.00
            assets:bank

        2023-09-15 * Trent Valley Youth Trust | June to August   ; grant:yd, line:work, ref:INV-3
            expenses:youth  £1,500.00
            assets:bank

        """

    static let sentence = "£1,250.00 of the 2023-24 tranche at risk of being lost on 31 March 2024"

    static func path() throws -> String { try ReportTestCLI.books(books).appendingPathComponent("books.ledger").path }

    @Test func reportBudgetSaysItUnderTheLinesAndInARow() throws {
        let books = try Self.path()
        let table = try ReportTestCLI.grantledger(["report", "budget", "--as-of", "2023-09-30", books])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasSuffix("\nyd: \(Self.sentence)\n"), "\(table.stdout)")
        let json = try ReportTestCLI.grantledger(["report", "budget", "--as-of", "2023-09-30", "--format", "json", books])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["notes"] as? [String] == ["yd: \(Self.sentence)"])
        let rows = try ReportTestCLI.grantledger(["report", "budget", "--rows", "tranches", "--as-of", "2023-09-30", "--format", "csv", books])
        #expect(rows.stdout == """
            grant,money,from,spend_by,must_spend,actual,forecast,at_risk,over,status
            yd,2023-24 tranche,2023-04-01,2024-03-31,10000.00,6550.00,8750.00,1250.00,0.00,at risk

            """)
        // A CSV of lines is the lines alone: programs read rows, not sentences.
        let csv = try ReportTestCLI.grantledger(["report", "budget", "--as-of", "2023-09-30", "--format", "csv", books])
        #expect(!csv.stdout.contains("at risk"))
    }

    @Test func auditFindsItAtTheTranche() throws {
        let books = try Self.path()
        let audit = try ReportTestCLI.grantledger(["audit", "--as-of", "2023-09-30", books])
        #expect(audit.status == 1)
        #expect(audit.stderr.contains("books.ledger:10:3: finding[money-at-risk]: grant yd: \(Self.sentence) (£6,550.00 of £10,000.00 spent to 30 September 2023, £8,750.00 forecast)\n"),
                "\(audit.stderr)")
        // At or below the threshold it is not a finding; by April it is lost.
        #expect(try ReportTestCLI.grantledger(["audit", "--as-of", "2023-09-30", "--at-risk-above", "£1,250.00", books]).status == 0)
        let april = try ReportTestCLI.grantledger(["audit", "--as-of", "2024-04-01", books])
        #expect(april.stderr.contains("£3,450.00 of the 2023-24 tranche was not spent by 31 March 2024 and is lost"), "\(april.stderr)")
    }

    @Test(.enabled(if: Requirement.workbookOracle.shouldRun))
    func theSummarySheetCarriesIt() throws {
        try Requirement.workbookOracle.require()
        let books = try Self.path()
        let xlsx = URL(fileURLWithPath: books).deletingLastPathComponent().appendingPathComponent("committee.xlsx").path
        let export = try ReportTestCLI.grantledger(["export", "--xlsx", xlsx, "--as-of", "2023-09-30", books])
        #expect(export.status == 0, "\(export.stderr)")
        let book = try WorkbookOracle.inspect(xlsx)
        let cells = book.cells("Summary")
        guard let header = cells.first(where: { ($0.value["value"] as? String) == "At risk" })?.key,
              let grant = cells.first(where: { $0.key.hasPrefix("A") && ($0.value["value"] as? String) == "yd" })?.key else {
            Issue.record("no At risk column or no yd row: \(cells.keys.sorted())")
            return
        }
        let column = header.prefix { $0.isLetter }, row = grant.drop { $0.isLetter }
        #expect(cells["\(column)\(row)"]?["value"] as? Double == 1250)
        #expect(cells.values.contains { ($0["value"] as? String)?.contains(Self.sentence) == true })
        let (summary, output) = try XlsxOracle.recalculate(xlsx)
        #expect(XlsxOracle.passedWithNoFailures(summary) != nil, "\(output)")
    }
}
