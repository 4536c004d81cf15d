import Foundation
import Testing

/// `grantledger export --hledger` checked by hledger itself: the journal must read in hledger 1.25
/// and its balances must agree with `grantledger report balance`, account by account, to the penny.
@Suite struct ExportHledgerTests {
    @Test(.enabled(if: ReportTestCLI.hledgerTestsEnabled, "hledger is not installed"))
    func hledgerAgreesWithTheBalanceReportOnTheTestBooks() throws {
        let folder = try ReportTestCLI.books(ReportCommandTests.books + Self.awkwardTransactions)
        try expectAgreement(on: folder.path)
    }

    @Test(.enabled(if: ReportTestCLI.hledgerTestsEnabled, "hledger is not installed"))
    func hledgerAgreesWithTheBalanceReportOnTheShippedLedgers() throws {
        let ledgers = ReportTestCLI.root.appendingPathComponent("ledgers")
        let shipped = FileManager.default.enumerator(atPath: ledgers.path)?.contains { ($0 as? String)?.hasSuffix(".ledger") == true }
        try #require(shipped == true, "the shipped ledgers are in ledgers/")
        try expectAgreement(on: ledgers.path)
        try expectAgreement(on: ledgers.path, grantledgerFilter: ["--fy", "2019-20"], hledgerFilter: ["-b", "2019-04-01", "-e", "2020-04-01"])
    }

    /// Descriptions and tags that hledger would misread if written as they are.
    static let awkwardTransactions = """


    2019-10-02 (abc
        expenses:nwps   £1.00   ; grant:snb, supplier:Smith; Jones
        assets:bank

    2019-10-03 *starred | note; with a semicolon
        expenses:nwps   £0.01
        assets:bank     = £534,866.99
    """

    func expectAgreement(on path: String, grantledgerFilter: [String] = [], hledgerFilter: [String] = []) throws {
        let hledger = try #require(ReportTestCLI.hledger, "hledger must be installed where CI is set")
        let scratch = try ReportTestCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let journal = scratch.appendingPathComponent("books.journal").path
        let export = try ReportTestCLI.grantledger(["export", "--hledger", journal, path])
        #expect(export.status == 0, "\(export.stderr)")

        let theirs = try ReportTestCLI.run(hledger, ["-f", journal, "bal", "--flat", "--no-total", "-O", "csv"] + hledgerFilter, in: scratch)
        #expect(theirs.status == 0, "hledger could not read the journal: \(theirs.stderr)")
        let ours = try ReportTestCLI.grantledger(["report", "balance", "--format", "csv", path] + grantledgerFilter)
        #expect(ours.status == 0, "\(ours.stderr)")

        let hledgerBalances = try #require(ReportTestCLI.balances(csv: theirs.stdout), "\(theirs.stdout)")
        let grantledgerBalances = try #require(ReportTestCLI.balances(csv: ours.stdout), "\(ours.stdout)")
        #expect(!grantledgerBalances.isEmpty)
        for account in Set(hledgerBalances.keys).union(grantledgerBalances.keys).sorted() {
            #expect(hledgerBalances[account] == grantledgerBalances[account], "\(account) \(grantledgerFilter)")
        }
    }
}
