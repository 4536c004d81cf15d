import Foundation
import Testing

/// `check` is the gate: on books at the Int64 limits, or whose amounts add up past what a spreadsheet
/// holds to the penny, every command that reads the books gives the same located error, exit 2, and
/// writes nothing (issue 10: check and audit passed an overspend that overflowed, `report` failed
/// unlocated, exports wrote figures no spreadsheet can hold).
@Suite struct AmountLimitCLITests {
    static let declarations = """
        funder home-office  Home Office

        account assets:bank
        account income:grants
        account expenses:cctv

        """

    /// An award and line at £92,233,720,368,547,758.07, spend of that plus £0.01.
    static let atTheInt64Limit = declarations + """
        grant ss4  Safer Streets 4
          funder  home-office
          period  2022-07-01..2023-09-30
          award   £92,233,720,368,547,758.07
          line cctv  £92,233,720,368,547,758.07  CCTV

        2022-10-01 Bassetlaw District Council | CCTV
            expenses:cctv  £92,233,720,368,547,758.07  ; grant:ss4, line:cctv
            assets:bank

        2022-10-02 Bassetlaw District Council | CCTV, the last penny
            expenses:cctv  £0.01  ; grant:ss4, line:cctv
            assets:bank

        """

    /// Every amount can be held, but the expenses account's balance (£10 trillion) could not be
    /// shown to the penny in a workbook.
    static let balancePastTheLimit = declarations + """
        2022-10-01 Bassetlaw District Council | CCTV
            expenses:cctv  £5,000,000,000,000.00
            assets:bank

        2022-10-02 Bassetlaw District Council | CCTV again
            expenses:cctv  £5,000,000,000,000.00
            assets:bank

        """

    /// Every command that reads the books, each writing any file into `out`.
    static func commands(_ books: String, _ out: URL) -> [(name: String, arguments: [String])] {
        [("check", ["check", books])]
            + ["grants", "lines", "initiatives", "areas", "bids", "balance"].map { ("report \($0)", ["report", $0, books]) }
            + [("audit", ["audit", books]),
               ("export --hledger", ["export", "--hledger", out.appendingPathComponent("books.journal").path, books]),
               ("export --xlsx", ["export", "--xlsx", out.appendingPathComponent("committee.xlsx").path, "--as-of", "2023-03-31", books])]
    }

    /// Runs every command on `text`; each must exit 2 with exactly `check`'s diagnostics and write nothing.
    func sameVerdict(_ text: String, code: String, at place: String) throws {
        let folder = try ReportTestCLI.books(text)
        let books = folder.appendingPathComponent("books.ledger").path
        let reference = try ReportTestCLI.grantledger(["check", books])
        #expect(reference.status == 2)
        #expect(reference.stderr.contains("books.ledger:\(place): error[\(code)]"), "\(reference.stderr)")
        #expect(!reference.stderr.contains("amount-overflow"), "\(reference.stderr)")
        let out = try ReportTestCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let commands = Self.commands(books, out)
        #expect(commands.count == 10)
        for command in commands {
            let result = try ReportTestCLI.grantledger(command.arguments)
            #expect(result.status == 2, "\(command.name): \(result.stderr)")
            #expect(result.stderr == reference.stderr, "\(command.name) differs from check:\n\(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "\(command.name) wrote a file")
        }
    }

    @Test func booksAtTheInt64LimitGetOneVerdictFromEveryCommand() throws {
        try sameVerdict(Self.atTheInt64Limit, code: "amount-past-limit", at: "9:11")
        // The award, its line and the spend, each where it stands.
        let check = try ReportTestCLI.grantledger(["check", try ReportTestCLI.books(Self.atTheInt64Limit).appendingPathComponent("books.ledger").path])
        #expect(check.stderr.contains("books.ledger:10:14: error[amount-past-limit]") && check.stderr.contains("books.ledger:13:20: error[amount-past-limit]"))
        #expect(check.stderr.hasSuffix("3 errors, 0 findings\n"), "\(check.stderr)")
    }

    @Test func aBalancePastTheSpreadsheetLimitGetsOneVerdictFromEveryCommand() throws {
        try sameVerdict(Self.balancePastTheLimit, code: "total-past-limit", at: "7:20")
    }

    /// Three spends of £92,233,720,368,547,758.07: audit used to print a wrong (saturated) total
    /// spent; now each amount is refused where it stands, and no total is printed at all.
    @Test func auditRefusesThreeSpendsAtTheInt64Limit() throws {
        var text = Self.declarations + """
            grant ss4  Safer Streets 4
              funder  home-office
              period  2022-07-01..2023-09-30
              award   £1,000.00
              line cctv  £1,000.00  CCTV

            """
        for day in 1...3 {
            text += """

                2022-10-0\(day) Bassetlaw District Council | CCTV
                    expenses:cctv  £92,233,720,368,547,758.07  ; grant:ss4, line:cctv
                    assets:bank

                """
        }
        let folder = try ReportTestCLI.books(text)
        let result = try ReportTestCLI.grantledger(["audit", folder.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.components(separatedBy: "error[amount-past-limit]").count == 4, "\(result.stderr)")
        #expect(!result.stderr.contains("line-overspent") && !result.stderr.contains("£92,233,720,368,547,758.07 against"))
    }
}
