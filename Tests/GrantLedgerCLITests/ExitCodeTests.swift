import Foundation
import Testing

/// Exit codes as a shell script sees them: 0 clean, 1 findings, 2 trouble (bad input, a mistake on
/// the command line, an output that could not be written), as the root command's help says.
@Suite("Exit codes")
struct ExitCodeTests {
    static let clean = """
        funder home-office  Home Office
        grant ss4  Safer Streets round 4
          funder  home-office
          period  2022-07-01..2023-09-30
          award   £750,000.00
          line cctv      £300,000.00  CCTV cameras
          line lighting  £450,000.00  Street lighting
        account assets:bank
        account expenses:cctv

        2022-10-31 * Bassetlaw District Council | CCTV cameras   ; grant:ss4, line:cctv
            expenses:cctv  £48,250.00
            assets:bank

        """

    @Test func cleanBooksExitZeroAndPrintASummary() throws {
        let folder = try ScratchFolder()
        try folder.write("books.ledger", Self.clean)
        let result = try Grantledger.run(["check", "books.ledger"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == "1 file, 1 transaction, 2 postings; 1 grant (£750,000.00 awarded), 0 bids, 0 areas, 0 initiatives, 2 accounts\n")
    }

    @Test func theDefaultIsTheLedgersFolder() throws {
        let folder = try ScratchFolder()
        try folder.write("ledgers/a.ledger", Self.clean)
        #expect(try Grantledger.run(["check"], in: folder.url).status == 0)
        let empty = try ScratchFolder()
        let missing = try Grantledger.run(["check"], in: empty.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("error[file-not-found]: no such file or folder: ledgers"))
    }

    @Test func findingsExitOne() throws {
        let folder = try ScratchFolder()
        try folder.write("books.ledger", Self.clean + """
            2022-11-30 Bassetlaw District Council | more cameras   ; grant:ss4, line:cctv
                expenses:cctv  £251,750.01
                assets:bank

            """)
        let result = try Grantledger.run(["check", "books.ledger"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("finding[line-overspent]"))
        #expect(result.stderr.hasSuffix("0 errors, 1 finding\n"))
        #expect(!result.stdout.isEmpty)
    }

    @Test func badInputExitsTwoAndReportsEveryProblem() throws {
        let folder = try ScratchFolder()
        try folder.write("books.ledger", Self.clean + """
            2022-11-30 First problem
                expenses:cctv  £1,0
                assets:bank

            2022-11-31 Second problem
                expenses:cctv  £1.00
                assets:bank

            """)
        let result = try Grantledger.run(["check", "books.ledger"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("books.ledger:15:23: error[bad-amount]"))
        #expect(result.stderr.contains("books.ledger:18:1: error[impossible-date]"))
        #expect(result.stderr.hasSuffix("2 errors, 0 findings\n"))
        #expect(result.stdout.isEmpty)
    }

    @Test func errorsAndFindingsTogetherExitTwo() throws {
        let folder = try ScratchFolder()
        try folder.write("books.ledger", Self.clean.replacingOccurrences(of: "£450,000.00", with: "£400,000.00") + "bogus\n")
        let result = try Grantledger.run(["check", "books.ledger"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.hasSuffix("1 error, 1 finding\n"))
    }

    @Test func crlfLedgersShowTheirLinesUnderTheirProblems() throws {
        let folder = try ScratchFolder()
        let text = Self.clean + "2022-11-30 Unbalanced\n    expenses:cctv  £10.00\n    assets:bank  -£9.00\n"
        try folder.write("books.ledger", text.replacingOccurrences(of: "\n", with: "\r\n"))
        let result = try Grantledger.run(["check", "books.ledger"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr == """
            books.ledger:14:1: error[unbalanced-transaction]: the postings sum to £1.00, not zero
              14 | 2022-11-30 Unbalanced
                 | ^^^^^^^^^^
              hint: a posting of -£1.00 would balance it; or leave one amount out to have it inferred

            1 error, 0 findings

            """)
    }

    @Test func theShippedLedgersReadWithoutErrors() throws {
        let result = try Grantledger.run(["check", "ledgers"])
        #expect(result.status != 2, "\(result.stderr)")
        #expect(!result.stderr.contains("error["))
    }

    @Test func aMistakeOnTheCommandLineExitsTwoLikeAnyBadInput() throws {
        let unknownOption = try Grantledger.run(["check", "--no-such-option"])
        #expect(unknownOption.status == 2)
        #expect(unknownOption.stderr.hasPrefix("Error: Unknown option '--no-such-option'\nUsage: grantledger check"))
        #expect(unknownOption.stdout.isEmpty)
        let unknownCommand = try Grantledger.run(["frobnicate"])
        #expect(unknownCommand.status == 2)
        #expect(unknownCommand.stderr.contains("frobnicate"))
        let badChoice = try Grantledger.run(["report", "nope"])
        #expect(badChoice.status == 2)
        #expect(badChoice.stderr.contains("The value 'nope' is invalid for '<kind>'"))
        // A command's own validation (export with nothing to export) is the same kind of mistake.
        let nothingToExport = try Grantledger.run(["export"])
        #expect(nothingToExport.status == 2)
        #expect(nothingToExport.stderr.hasPrefix("Error: name what to export"))
    }

    @Test func helpAndVersionExitZeroOnStandardOutput() throws {
        let help = try Grantledger.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Exit status, for every command: 0 done; 1 findings, from the commands"))
        #expect(help.stderr.isEmpty)
        let subcommandHelp = try Grantledger.run(["check", "--help"])
        #expect(subcommandHelp.status == 0)
        #expect(subcommandHelp.stdout.hasPrefix("OVERVIEW:"))
        let version = try Grantledger.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.split(separator: ".").count == 3)
    }
}
