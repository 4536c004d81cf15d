import Foundation
import GrantLedgerTestSupport
import Testing

/// What `check` accepts, `export --xlsx` writes: text long enough to wrap past the tallest row a
/// spreadsheet allows (409 points) used to stop the export with an unlocated `write-failed`
/// ("row height 600.0 is outside 0...409 points"); now the row is as tall as allowed and the text
/// is kept whole in its cell.
@Suite struct LongTextExportTests {
    static func books(_ long: String) -> String {
        """
        funder ho  Home Office \(long)
        account assets:bank
        account expenses:cctv
        grant g1  Safer Streets \(long)
          funder  ho
          period  2022-04-01..2023-03-31
          award   £100.00
          line cctv  £100.00  CCTV \(long)

        2022-10-31 Council | \(long)  ; grant:g1, line:cctv, supplier:\(long)
            expenses:cctv  £1.00
            assets:bank

        """
    }

    @Test func wrappedTextTallerThanARowIsWrittenWhole() throws {
        let long = String(repeating: "word ", count: 1_000) + "end"
        let folder = try ReportTestCLI.books(Self.books(long))
        let books = folder.appendingPathComponent("books.ledger").path
        #expect(try ReportTestCLI.grantledger(["check", books]).status == 0)
        let book = folder.appendingPathComponent("committee.xlsx").path
        let author = String(repeating: "Finance Officer ", count: 2_000)
        let export = try ReportTestCLI.grantledger(["export", "--xlsx", book, "--as-of", "2023-03-31", "--author", author, books])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(!export.stderr.contains("row height"), "\(export.stderr)")
        guard Requirement.workbookOracle.shouldRun else { return }
        try Requirement.workbookOracle.require()
        let script = """
            import sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            spend = book["Spend"]
            texts = [c.value for row in spend.iter_rows() for c in row if isinstance(c.value, str)]
            heights = [d.height for d in spend.row_dimensions.values() if d.height]
            print(max(len(t) for t in texts), max(heights))
            """
        let printed = try WorkbookOracle.python(["-c", script, book]).split(separator: " ")
        #expect(Int(printed.first ?? "") ?? 0 >= long.count + 9, "the description is kept whole: \(printed)")
        #expect(Double(printed.last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") == 409, "\(printed)")
    }
}
