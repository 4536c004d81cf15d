import Foundation
import Testing

/// `grantledger report` as a person runs it: what it prints, and its exit status.
@Suite struct ReportCommandTests {
    static let books = """
    funder opcc  Office of the Police and Crime Commissioner
    area notts  Nottinghamshire
      type  county
    area ashfield  Ashfield
      type    district
      within  notts
    grant snb  PCC grant 2019-20
      funder  opcc
      period  2019-20
      award   £625,118.00
      line nwps   £270,750.00  Neighbourhood Working Problem Solving
      line other  £354,368.00  Everything else
    bid snb-bid  PCC grant 2019-20
      fund       PCC community safety
      round      2019-20
      applicant  Safer Nottinghamshire Board
      requested  £625,118.00
      grant      snb
      2019-02-01  draft
      2019-02-15  submitted
      2019-03-20  awarded  £625,118.00
    account assets:bank
    account income:grant
    account expenses:nwps

    2019-04-01 * OPCC | grant   ; grant:snb
        assets:bank   £625,118.00
        income:grant

    2019-09-30 * Ashfield DC | problem solving   ; grant:snb, line:nwps, area:ashfield
        expenses:nwps   £90,250.00
        assets:bank
    """

    @Test func grantsForAYearShowTheAwardAndItsLines() throws {
        let folder = try ReportTestCLI.books(Self.books)
        let result = try ReportTestCLI.grantledger(["report", "grants", "--fy", "2019-20", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Grants (2019-20)")
        let grant = try #require(lines.first { $0.hasPrefix("snb ") })
        #expect(grant.contains("£625,118.00") && grant.contains("£90,250.00") && grant.contains("£534,868.00"))
        let nwps = try #require(lines.first { $0.contains("nwps") })
        #expect(nwps.contains("£270,750.00") && nwps.contains("£180,500.00") && nwps.hasSuffix("33.3%"))
        #expect(lines.last?.hasPrefix("Total") == true)
    }

    /// Committee reports write the year 2019/20: the same year as 2019-20, printed 2019-20.
    @Test func aYearWrittenWithASlashIsTheSameYear() throws {
        let folder = try ReportTestCLI.books(Self.books)
        let dash = try ReportTestCLI.grantledger(["report", "grants", "--fy", "2019-20", folder.path])
        let slash = try ReportTestCLI.grantledger(["report", "grants", "--fy", "2019/20", folder.path])
        #expect(slash.status == 0, "\(slash.stderr)")
        #expect(slash.stdout == dash.stdout)
        #expect(slash.stdout.hasPrefix("Grants (2019-20)\n"))
    }

    @Test func balanceCSVHasExactlyAccountAndBalance() throws {
        let folder = try ReportTestCLI.books(Self.books)
        let result = try ReportTestCLI.grantledger(["report", "balance", "--format", "csv", folder.path])
        #expect(result.status == 0)
        #expect(result.stdout == """
        account,balance
        assets:bank,534868.00
        expenses:nwps,90250.00
        income:grant,-625118.00

        """)
    }

    @Test func jsonIsParseableWithExactAmounts() throws {
        let folder = try ReportTestCLI.books(Self.books)
        let result = try ReportTestCLI.grantledger(["report", "bids", "--format", "json", folder.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.first?["awarded"] as? String == "625118.00")
        #expect(rows.first?["underspend"] as? String == "534868.00")
    }

    @Test(arguments: [
        (["--fy", "2019/21"], "--fy 2019/21: not a financial year"),
        (["--from", "2019-13-01"], "--from 2019-13-01: there is no such date"),
        (["--grant", "snbb"], "did you mean snb?"),
        (["--area", "ashfeld"], "did you mean ashfield?"),
        (["--from", "2020-01-01", "--to", "2019-01-01"], "the dates asked for are empty"),
    ])
    func badFiltersExitTwoWithAClearMessage(_ options: [String], _ message: String) throws {
        let folder = try ReportTestCLI.books(Self.books)
        let result = try ReportTestCLI.grantledger(["report", "grants", folder.path] + options)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func unknownReportOrFormatIsAUsageError() throws {
        let folder = try ReportTestCLI.books(Self.books)
        #expect(try ReportTestCLI.grantledger(["report", "budgets", folder.path]).status == 2)
        #expect(try ReportTestCLI.grantledger(["report", "grants", "--format", "xml", folder.path]).status == 2)
    }

    @Test func unreadableBooksExitTwoWithLocatedDiagnostics() throws {
        let folder = try ReportTestCLI.books(Self.books + "\n\n2019-10-01 Broken\n    expenses:nwps  £1,00\n    assets:bank\n")
        let result = try ReportTestCLI.grantledger(["report", "grants", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("books.ledger:35:23: error[bad-amount]"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func findingsDoNotStopAReport() throws {
        // Spend beyond the line's budget is a finding, not an error.
        let folder = try ReportTestCLI.books(Self.books + "\n\n2019-10-01 Overspend   ; grant:snb, line:nwps\n    expenses:nwps  £200,000.00\n    assets:bank\n")
        let result = try ReportTestCLI.grantledger(["report", "lines", folder.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("note: the books have 1 finding"), "\(result.stderr)")
        #expect(result.stdout.contains("-£19,500.00"))
    }
}
