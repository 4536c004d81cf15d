import Foundation
import Testing

/// `grantledger export`: refuses bad books, and a failed export changes no file.
@Suite struct ExportCommandTests {
    @Test func writesTheJournalAndLeavesNoTemporaryFile() throws {
        let folder = try ReportTestCLI.books(ReportCommandTests.books)
        let out = try ReportTestCLI.temporaryDirectory()
        let journal = out.appendingPathComponent("books.journal")
        let result = try ReportTestCLI.grantledger(["export", "--hledger", journal.path, folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: journal, encoding: .utf8)
        #expect(text.contains("commodity £1000.00"))
        #expect(text.contains("    expenses:nwps  £90250.00  ; grant:snb, line:nwps, area:ashfield, budget:budget:snb:nwps\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["books.journal"])
    }

    @Test func refusesBooksWithErrorsAndKeepsTheOldFile() throws {
        let folder = try ReportTestCLI.books(ReportCommandTests.books + "\n\n2019-10-01 Unbalanced\n    expenses:nwps  £1.00\n    assets:bank  £-2.00\n")
        let out = try ReportTestCLI.temporaryDirectory()
        let journal = out.appendingPathComponent("books.journal")
        try Data("previous export\n".utf8).write(to: journal)
        let result = try ReportTestCLI.grantledger(["export", "--hledger", journal.path, folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error[unbalanced-transaction]"))
        #expect(try String(contentsOf: journal, encoding: .utf8) == "previous export\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["books.journal"])
    }

    @Test func aFailedWriteLeavesNoFile() throws {
        let folder = try ReportTestCLI.books(ReportCommandTests.books)
        let out = try ReportTestCLI.temporaryDirectory()
        // The target is a folder: refused before anything is written, with a code of its own.
        let target = out.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("inside"), withIntermediateDirectories: true)
        let result = try ReportTestCLI.grantledger(["export", "--hledger", target.path, folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error[not-a-regular-file]: refusing to write"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["taken"])
        let missing = out.appendingPathComponent("no-such-folder/books.journal")
        #expect(try ReportTestCLI.grantledger(["export", "--hledger", missing.path, folder.path]).status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["taken"])
    }

    @Test func neverWritesOverALedger() throws {
        let folder = try ReportTestCLI.books(ReportCommandTests.books)
        let ledger = folder.appendingPathComponent("books.ledger")
        let before = try Data(contentsOf: ledger)
        let result = try ReportTestCLI.grantledger(["export", "--hledger", ledger.path, folder.path])
        #expect(result.status == 2)
        #expect(try Data(contentsOf: ledger) == before)
    }

    @Test func needsSomethingToExport() throws {
        let folder = try ReportTestCLI.books(ReportCommandTests.books)
        #expect(try ReportTestCLI.grantledger(["export", folder.path]).status == 2)
    }

    /// Help lists the allocation sheets' options under one heading, scenario files and the sheet's
    /// name with them, each with a value name that says what to write; audit lists the same group.
    @Test(arguments: [("export", "ALLOCATION SHEETS:\n"), ("audit", "ALLOCATION SHEETS (WITH --XLSX, AS EXPORT TAKES THEM):\n")])
    func helpGroupsTheAllocationSheetOptionsWithValueNames(_ command: String, _ heading: String) throws {
        let help = try ReportTestCLI.grantledger([command, "--help"]).stdout
        let start = try #require(help.range(of: heading), "\(help)")
        let end = try #require(help.range(of: "\n\n", range: start.upperBound..<help.endIndex))
        let group = help[start.upperBound..<end.lowerBound].split(separator: "\n").filter { $0.hasPrefix("  --") }
            .map { $0.dropFirst(2).split(separator: " ").prefix(2).joined(separator: " ") }
        #expect(group == ["--scenario <FILE>", "--pot <AMOUNT>", "--areas <FILE.csv>", "--area-sheet <NAME>", "--weight <NAME=W>", "--indicator <NAME=FORMULA>",
                          "--round <UNIT>", "--floor <AMOUNT>", "--cap <AMOUNT>", "--top-slice <SLICE>",
                          "--previous <FILE.csv>", "--damping <BAND>", "--per-head <COLUMN>", "--title <TEXT>",
                          "--description <TEXT>", "--allocation-name <NAME>"])
    }
}
