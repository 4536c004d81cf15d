import Foundation
import GrantLedgerTestSupport
import Testing

/// `grantledger export --hledger` checked by hledger itself: the journal must read in hledger 1.25
/// and its balances must agree with `grantledger report balance`, account by account, to the penny.
@Suite struct ExportHledgerTests {
    @Test(.enabled(if: Requirement.hledger.shouldRun, "hledger is not installed"))
    func hledgerAgreesWithTheBalanceReportOnTheTestBooks() throws {
        let folder = try ReportTestCLI.books(ReportCommandTests.books + Self.awkwardTransactions)
        try expectAgreement(on: folder.path)
    }

    @Test(.enabled(if: Requirement.hledger.shouldRun, "hledger is not installed"))
    func hledgerAgreesWithTheBalanceReportOnTheShippedLedgers() throws {
        let ledgers = ReportTestCLI.root.appendingPathComponent("ledgers")
        let shipped = FileManager.default.enumerator(atPath: ledgers.path)?.contains { ($0 as? String)?.hasSuffix(".ledger") == true }
        try #require(shipped == true, "the shipped ledgers are in ledgers/")
        try expectAgreement(on: ledgers.path)
        try expectAgreement(on: ledgers.path, grantledgerFilter: ["--fy", "2019-20"], hledgerFilter: ["-b", "2019-04-01", "-e", "2020-04-01"])
    }

    /// The export's budgets read by hledger: `hledger bal --budget -Q --pivot budget` gives, for
    /// each line and quarter, the profile and actual that `report budget --by quarter` gives.
    @Test(.enabled(if: Requirement.hledger.shouldRun, "hledger is not installed"),
          arguments: [("pcc-snb-2019-20", ["--fy", "2019-20"], ["-b", "2019-04-01", "-e", "2020-04-01"]),
                      ("ss4-bns", ["--from", "2022-07-01", "--to", "2023-09-30"], ["-b", "2022-07-01", "-e", "2023-10-01"])])
    func hledgerBudgetAgreesWithTheBudgetReport(_ grant: String, _ ours: [String], _ theirs: [String]) throws {
        let hledger = try #require(ReportTestCLI.hledger, "hledger must be installed where CI is set")
        let scratch = try ReportTestCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let journal = scratch.appendingPathComponent("books.journal").path
        let ledgers = ReportTestCLI.root.appendingPathComponent("ledgers").path
        #expect(try ReportTestCLI.grantledger(["export", "--hledger", journal, ledgers]).status == 0)
        let budget = try ReportTestCLI.run(hledger, ["-f", journal, "bal", "--budget", "-Q", "--pivot", "budget", "budget:\(grant):",
                                                     "-O", "csv"] + theirs, in: scratch)
        #expect(budget.status == 0, "\(budget.stderr)")
        let report = try ReportTestCLI.grantledger(["report", "budget", "--by", "quarter", "--grant", grant, "--format", "csv", ledgers] + ours)
        #expect(report.status == 0, "\(report.stderr)")

        // hledger: "Account","2019Q2","budget",… with one actual and one budget column per quarter.
        var hledgerRows: [String: [Int64?]] = [:]
        for row in Self.csvRows(budget.stdout).dropFirst() where row.first?.hasPrefix("budget:\(grant):") == true {
            hledgerRows[String(row[0].dropFirst("budget:\(grant):".count))] = row.dropFirst().map { $0.isEmpty ? nil : ReportTestCLI.pence($0) }
        }
        let rows = Self.csvRows(report.stdout)
        let header = try #require(rows.first)
        let periodColumns = header.indices.filter { header[$0].hasSuffix("_profile") || header[$0].hasSuffix("_actual") }
        #expect(periodColumns.count >= 8, "\(header)")
        var compared = 0
        for row in rows.dropFirst() where row.count == header.count && row[0] == grant && row[1] != "(none)" {
            let line = row[1]
            let theirs = try #require(hledgerRows[line], "hledger has no budget row for \(line): \(budget.stdout)")
            #expect(theirs.count == periodColumns.count, "\(line): the same quarters")
            // Ours: profile then actual for each quarter; hledger's: actual then budget.
            for (position, column) in periodColumns.enumerated() where position < theirs.count {
                let counterpart = position % 2 == 0 ? position + 1 : position - 1
                // hledger writes an actual of nothing as 0 and a budget of £0.00 as 0.
                let mine = ReportTestCLI.pence(row[column]) ?? 0
                #expect((theirs[counterpart] ?? 0) == mine, "\(line) \(header[column])")
                compared += 1
            }
        }
        #expect(compared >= 8 * 5, "compared \(compared) figures")
    }

    /// Rows of a CSV text, quotes undone (RFC 4180), written here so the check does not lean on the reader it checks.
    static func csvRows(_ text: String) -> [[String]] {
        let characters = Array(text)
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if quoted {
                if character != "\"" { field.append(character); continue }
                if index < characters.count && characters[index] == "\"" { field.append("\""); index += 1 } else { quoted = false }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\n": row.append(field); rows.append(row); row = []; field = ""
            case "\r": break
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
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
