import Foundation
import GrantLedgerTestSupport
import Testing

/// A grant audit flags is never Green on the Summary: match funding short of its share shows on the
/// sheet and lifts the status to Amber, live (the formula recalculates to it in LibreOffice), and a
/// tranche spent past its cap is Red. Read back with openpyxl.
@Suite struct SummaryConditionsTests {
    static let books = """
        funder ho  Home Office
        account assets:bank
        account expenses:cctv
        account expenses:partners
        grant ss  Safer Streets
          funder   ho
          period   2022-04-01..2023-03-31
          award    £1,000.00
          match    50%
          tranche  2022-23  £1,000.00  by 2023-03-31
          line cctv  £1,000.00  CCTV

        2022-10-31 Council | cameras  ; grant:ss, line:cctv
            expenses:cctv  £700.00
            assets:bank

        2022-11-30 Partners | their own spend  ; match:ss
            expenses:partners  £50.00
            assets:bank

        """

    static func export(_ text: String) throws -> (book: WorkbookOracle.Workbook, path: String) {
        let folder = try ReportTestCLI.books(text)
        let books = folder.appendingPathComponent("books.ledger").path
        let audit = try ReportTestCLI.grantledger(["audit", books])
        #expect(audit.stderr.contains("finding[match-funding-short]") || audit.stderr.contains("finding[tranche-overspent]"), "\(audit.stderr)")
        let path = folder.appendingPathComponent("committee.xlsx").path
        let export = try ReportTestCLI.grantledger(["export", "--xlsx", path, "--as-of", "2022-12-31", books])
        #expect(export.status == 0, "\(export.stderr)")
        return (try WorkbookOracle.inspect(path), path)
    }

    static func row(_ book: WorkbookOracle.Workbook, grant: String) -> [String: Any] {
        let cells = book.cells("Summary")
        guard let ref = cells.first(where: { $0.key.hasPrefix("A") && ($0.value["value"] as? String) == grant })?.key else { return [:] }
        let row = String(ref.dropFirst())
        var found: [String: Any] = [:]
        for (key, cell) in cells where String(key.drop(while: { $0.isLetter })) == row {
            found[String(key.prefix(while: { $0.isLetter }))] = cell["cached"] ?? cell["value"]
        }
        return found
    }

    @Test(.enabled(if: Requirement.workbookOracle.shouldRun))
    func matchFundingShortIsShownAndIsNeverGreen() throws {
        try Requirement.workbookOracle.require()
        let (book, path) = try Self.export(Self.books)
        let row = Self.row(book, grant: "ss")
        // £700 spent needs £350 of match at 50%; £50 recorded: £300 short.
        // The tranche's money forecast not spent by 31 March follows, in the same column.
        #expect(row.values.contains { ($0 as? String)?.hasPrefix("match funding £300.00 short; ") == true }, "\(row)")
        // 70% of the award spent 75% through the year is Green by the pace rule; the condition makes it Amber.
        #expect(row.values.contains { ($0 as? String) == "Amber" }, "\(row)")
        #expect(!row.values.contains { ($0 as? String) == "Green" }, "\(row)")
        let (summary, output) = try XlsxOracle.recalculate(path)
        #expect(XlsxOracle.passedWithNoFailures(summary) != nil, "\(output)")
    }

    @Test(.enabled(if: Requirement.workbookOracle.shouldRun))
    func aTrancheOverspentIsRed() throws {
        try Requirement.workbookOracle.require()
        let overspent = Self.books.replacingOccurrences(of: "tranche  2022-23  £1,000.00", with: "tranche  2022-23  £400.00")
            .replacingOccurrences(of: "expenses:partners  £50.00", with: "expenses:partners  £500.00")
        let row = Self.row(try Self.export(overspent).book, grant: "ss")
        #expect(row.values.contains { ($0 as? String) == "2022-23 tranche £300.00 over" }, "\(row)")
        #expect(row.values.contains { ($0 as? String) == "Red" }, "\(row)")
    }
}
