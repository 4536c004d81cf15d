import Foundation
import GrantLedgerTestSupport
import Testing

/// `grantledger claim` on the shipped Safer Streets round 4 books: every figure of every claim is the
/// sum of the postings it lists, those postings are where it says they are, the register (another
/// path through the books) agrees, and the same books give the same bytes.
@Suite("claim")
struct ClaimCommandTests {
    static let periods = ["2022-23-Q2", "2022-23-Q3", "2022-23-Q4", "2023-24-Q1", "2023-24-Q2"]

    static func pence(_ value: Any?) -> Int64? { (value as? String).flatMap(WorkbookOracle.pence) }

    static func json(_ period: String) throws -> [String: Any] {
        let result = try Grantledger.run(["claim", "ss4-bns", "--quarter", period, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test(arguments: periods)
    func everyFigureIsTheSumOfThePostingsItTracesTo(_ period: String) throws {
        let claim = try Self.json(period)
        let spend = try #require(claim["spend"] as? [[String: Any]])
        let lines = try #require(claim["lines"] as? [[String: Any]])
        let amounts = spend.compactMap { Self.pence($0["amount"]) }
        #expect(amounts.count == spend.count && !spend.isEmpty)
        // The period's eligible spend, and each line's and class's, are the sums of the postings listed.
        #expect(Self.pence(claim["eligible"]) == amounts.reduce(0, +))
        for line in lines {
            let id = line["line"] as? String
            let own = spend.filter { ($0["line"] as? String) == id }
            #expect(Self.pence(line["in_period"]) == own.compactMap { Self.pence($0["amount"]) }.reduce(0, +), "\(id ?? "")")
            for spendClass in ["capital", "revenue"] {
                let classed = own.filter { ($0["class"] as? String) == spendClass }.compactMap { Self.pence($0["amount"]) }
                #expect(Self.pence(line[spendClass]) == classed.reduce(0, +), "\(id ?? "") \(spendClass)")
            }
        }
        // Each posting is on the line of the file it names, with its reference and amount.
        var files: [String: [Substring]] = [:]
        for posting in spend {
            let file = try #require(posting["file"] as? String), number = try #require(posting["line_number"] as? Int)
            if files[file] == nil {
                files[file] = try String(contentsOf: Grantledger.packageRoot.appendingPathComponent(file), encoding: .utf8)
                    .split(separator: "\n", omittingEmptySubsequences: false)
            }
            let text = String(files[file]?[number - 1] ?? "")
            // The amount as the JSON has it (`40145.67`), written on the line with its pound sign and commas.
            let plain = try #require(posting["amount"] as? String)
            #expect(text.replacingOccurrences(of: ",", with: "").contains("£" + plain), "\(file):\(number): \(text)")
            if let reference = posting["reference"] as? String { #expect(files[file]?[(number - 3)..<number].contains { $0.contains(reference) } == true) }
        }
        // The register, another path through the books, holds the same spend for the quarter.
        let register = try Grantledger.run(["report", "register", "--grant", "ss4-bns", "--quarter", period, "--account", "expenses",
                                            "--format", "json"])
        let registered = try #require(try JSONSerialization.jsonObject(with: Data(register.stdout.utf8)) as? [String: Any])
        let totals = registered["totals"] as? [String: Any]
        #expect(Self.pence(totals?["amount"]) == amounts.reduce(0, +), "\(register.stderr)")
        // Claimed, received and owed: the books' claim and its receipts.
        #expect(Self.pence(claim["claimed"]) == Self.pence(claim["eligible"]))
        #expect(Self.pence(claim["received"]) == Self.pence(claim["claimed"]))
        #expect(Self.pence(claim["owed"]) == 0)
    }

    @Test func theSameBooksGiveTheSameBytesWithTheirHashes() throws {
        let first = try Grantledger.run(["claim", "ss4-bns", "--quarter", "2022-23-Q3"])
        let second = try Grantledger.run(["claim", "ss4-bns", "--quarter", "2022-23-Q3"])
        #expect(first.status == 0 && first.stdout == second.stdout)
        #expect(first.stdout.hasPrefix("Claim return: ss4-bns 2022-23-Q3 (1 October 2022 to 31 December 2022)\n"))
        #expect(first.stdout.contains("Eligible spend in the period             £221,823.16\n"))
        #expect(first.stdout.contains("Left of it                               £271,839.72\n"))
        let claim = try Self.json("2022-23-Q3")
        let inputs = try #require(claim["inputs"] as? [[String: Any]])
        #expect(inputs.count == 7 && inputs.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
        let csv = try Grantledger.run(["claim", "ss4-bns", "--quarter", "2022-23-Q3", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("line,name,budget,profile,capital,revenue,in_period,profile_to_date,to_date,remaining\ncctv,"))
    }

    /// Struck on 20 July 2023, the first quarter's return is the claim made on 13 July and not yet paid.
    @Test func asOfStrikesTheReturnAsTheBooksStood() throws {
        let result = try Grantledger.run(["claim", "ss4-bns", "--quarter", "2023-24-Q1", "--as-of", "2023-07-20", "--format", "json"])
        let claim = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(claim["received"] as? String == "0.00" && claim["owed"] as? String == "114521.45")
        #expect((claim["steps"] as? [[String: Any]])?.compactMap { $0["status"] as? String } == ["draft", "submitted"])
        let now = try Self.json("2023-24-Q1")
        #expect(now["received"] as? String == "114521.45" && now["owed"] as? String == "0.00")
    }

    @Test func mistakesAreLocatedOnTheCommandLine() throws {
        let typo = try Grantledger.run(["claim", "ss4-bsn", "--quarter", "2022-23-Q3"])
        #expect(typo.status == 2)
        #expect(typo.stderr.hasPrefix("command line:1:19: error[unknown-grant]: grant ss4-bsn: no grant has that id\n"), "\(typo.stderr)")
        #expect(typo.stderr.contains("hint: did you mean ss4-bns?"))
        let outside = try Grantledger.run(["claim", "ss4-bns", "--quarter", "2021-22-Q3"])
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("error[bad-value]: grant ss4-bns has no claim for 2021-22-Q3"))
        #expect(outside.stderr.contains("hint: its claims are each quarter, from 2022-23-Q2 to 2023-24-Q2"))
        let month = try Grantledger.run(["claim", "ss4-bns", "--month", "2022-23-Q3"])
        #expect(month.stderr.contains("error[bad-period]: --month 2022-23-Q3: not a month"))
        let two = try Grantledger.run(["claim", "ss4-bns", "--quarter", "2022-23-Q3", "--month", "2022-10"])
        #expect(two.stderr.contains("error[bad-value]: --month and --quarter both name the claim's period"))
        let unscheduled = try Grantledger.run(["claim", "pcc-snb-2019-20", "--fy", "2019-20"])
        #expect(unscheduled.stderr.contains("error[bad-value]: grant pcc-snb-2019-20 has no claims schedule"))
    }

    /// The workbook: a sheet per claim in a return layout, its formulas recalculated by LibreOffice to
    /// the program's figures, the same bytes from the same command.
    @Test(.enabled(if: Requirement.workbookOracle.shouldRun))
    func theClaimWorkbookRecalculatesAndRepeats() throws {
        try Requirement.workbookOracle.require()
        let folder = try ScratchFolder()
        let path = folder.url.appendingPathComponent("claims.xlsx").path
        var bytes: [Data?] = []
        for _ in 0..<2 {
            let result = try Grantledger.run(["claim", "ss4-bns", "--xlsx", path, "--as-of", "2023-11-30"])
            #expect(result.status == 0, "\(result.stderr)")
            bytes.append(FileManager.default.contents(atPath: path))
        }
        #expect(bytes[0] != nil && bytes[0] == bytes[1])
        let book = try WorkbookOracle.inspect(path)
        #expect(book.sheets == Self.periods.map { "Claim \($0)" } + ["Provenance"])
        let q3 = book.cells("Claim 2022-23-Q3").values.compactMap { $0["value"] as? String }
        for text in ["Certification", "Prepared by", "Checked by", "Grants officer, Bassetlaw DC (illustrative)", "safer-streets.ledger:464"] {
            #expect(q3.contains(text), "\(text)")
        }
        let (summary, output) = try XlsxOracle.recalculate(path)
        #expect((XlsxOracle.passedWithNoFailures(summary) ?? 0) > 50, "\(output)")
    }
}
