import Foundation
import Testing

/// `grantledger allocate --underspend GRANT --fy YEAR`: the pot is what a grant's tranche (or award)
/// is forecast to leave unspent, the heading says so, and every reason there is nothing to share is
/// a located refusal. The books here read like a ledger; the figures are worked by hand beside them.
@Suite("allocate --underspend", .serialized)
struct UnderspendCommandTests {
    /// A year's youth diversion money, profiled £250.00 a quarter. By 31 August 2023 Q1 has fallen due
    /// with £200.00 spent (£50.00 short, which the profile does not make up), and Q2 is under way
    /// with £100.00 of its £250.00 spent: the forecast is £300.00 + £150.00 + £250.00 + £250.00 =
    /// £950.00 of the £1,000.00 tranche, so £50.00 is at risk.
    static let youthDiversion = """
        funder ho  Home Office

        grant yd-2023-24  Youth diversion 2023-24
          funder   ho
          period   2023-04-01..2024-03-31
          award    £1,000.00
          tranche  2023-24  £1,000.00  by 2024-03-31
          line work  £1,000.00  Detached youth work
          profile work  quarterly  £250.00 £250.00 £250.00 £250.00

        account assets:bank
        account expenses:youth

        2023-05-10 * Trent Valley Youth Trust | April and May   ; grant:yd-2023-24, line:work
            expenses:youth  £200.00
            assets:bank

        2023-08-15 * Trent Valley Youth Trust | July   ; grant:yd-2023-24, line:work
            expenses:youth  £100.00
            assets:bank

        """

    /// £50.00 by population: Bassetlaw 117,800 / 240,700 of it is 2,447.03p, Newark and Sherwood
    /// 2,552.97p; the odd penny goes to the larger remainder.
    static let districts = "area,population\nBassetlaw,117800\nNewark and Sherwood,122900\n"

    static func folder(ledger: String = youthDiversion) throws -> ScratchFolder {
        let folder = try ScratchFolder()
        try ledger.write(to: folder.url.appendingPathComponent("books.ledger"), atomically: true, encoding: .utf8)
        try districts.write(to: folder.url.appendingPathComponent("areas.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    static let byPopulation = ["--areas", "areas.csv", "--weight", "population=1"]

    static func underspend(_ arguments: [String], in folder: ScratchFolder) throws -> AllocateCLI.Output {
        try AllocateCLI.allocate(["--ledger", "books.ledger"] + arguments, in: folder.url)
    }

    @Test func theHeadingNamesTheWindowAndTheDay() throws {
        let folder = try Self.folder()
        let output = try Self.underspend(["--underspend", "yd-2023-24", "--as-of", "2023-08-31"] + Self.byPopulation, in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("""
            Allocation of £50.00 across 2 areas (areas.csv)
            Pot: Underspend of yd-2023-24's 2023-24 tranche: £50.00 forecast unspent by 31 March 2024 (to 2023-08-31)

            """))
        let csv = try Self.underspend(["--underspend", "yd-2023-24", "--fy", "2023-24", "--as-of", "2023-08-31", "--format", "csv"]
                                      + Self.byPopulation, in: folder)
        #expect(csv.stdout == "area,share,amount\nBassetlaw,0.489405899460,24.47\nNewark and Sherwood,0.510594100540,25.53\n")
        // The working for an area, and the sensitivity, say it too.
        let source = "Pot: Underspend of yd-2023-24's 2023-24 tranche: £50.00 forecast unspent by 31 March 2024 (to 2023-08-31)\n"
        for extra in [["--explain", "Bassetlaw"], ["--sensitivity", "5%"]] {
            let shown = try Self.underspend(["--underspend", "yd-2023-24", "--as-of", "2023-08-31"] + Self.byPopulation + extra, in: folder)
            #expect(shown.status == 0, "\(extra): \(shown.stderr)")
            #expect(shown.stdout.contains(source), "\(extra): \(shown.stdout)")
        }
    }

    /// A scenario's own pot gives way to the underspend, as it would to --pot, and says where it came from.
    @Test func theUnderspendReplacesAScenariosPot() throws {
        let folder = try Self.folder()
        try "scenario halves  Population and nothing else\n  pot £270,750.00\n  areas areas.csv\n  weight population 1\n"
            .write(to: folder.url.appendingPathComponent("halves.scenario"), atomically: true, encoding: .utf8)
        try "scenario again  The same, again\n  pot grant:nowhere\n  areas areas.csv\n  weight population 1\n"
            .write(to: folder.url.appendingPathComponent("again.scenario"), atomically: true, encoding: .utf8)
        let table = try Self.underspend(["halves.scenario", "--underspend", "yd-2023-24", "--as-of", "2023-08-31"], in: folder)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Allocation of £50.00 across 2 areas (areas.csv)\nPot: Underspend of yd-2023-24's 2023-24 tranche"))
        let json = try Self.underspend(["halves.scenario", "--underspend", "yd-2023-24", "--as-of", "2023-08-31", "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let window = try #require(object["underspend"] as? [String: Any])
        #expect(window["forecast"] as? String == "950.00")
        #expect(window["at_risk"] as? String == "50.00")
        #expect(object["pot"] as? String == "50.00")
        // Side by side, every scenario shares the one underspend (the second's own pot is never read).
        let both = try Self.underspend(["halves.scenario", "again.scenario", "--underspend", "yd-2023-24", "--as-of", "2023-08-31"], in: folder)
        #expect(both.status == 0, "\(both.stderr)")
        #expect(both.stdout.contains("(differences against A)\nPot: Underspend of yd-2023-24's 2023-24 tranche: £50.00"))
        let compared = try Self.underspend(["halves.scenario", "again.scenario", "--underspend", "yd-2023-24", "--as-of", "2023-08-31",
                                            "--format", "json"], in: folder)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(compared.stdout.utf8)) as? [String: Any])
        let scenarios = try #require(document["scenarios"] as? [[String: Any]])
        #expect(scenarios.map { $0["pot"] as? String } == ["50.00", "50.00"])
        let sources = scenarios.map { ($0["scenario"] as? [String: Any])?["pot_source"] as? String }
        #expect(sources.allSatisfy { $0?.hasPrefix("Underspend of yd-2023-24's") == true }, "\(sources)")
    }

    @Test func potWithUnderspendIsRefusedWhereItIsWritten() throws {
        let folder = try Self.folder()
        let output = try Self.underspend(["--underspend", "yd-2023-24", "--as-of", "2023-08-31", "--pot", "£50.00"] + Self.byPopulation, in: folder)
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        let lines = output.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("command line:1:") == true)
        #expect(lines.first?.hasSuffix("error[bad-value]: --pot and --underspend both name the pot: the underspend is the pot") == true)
        // The caret sits under the --pot value.
        let command = try #require(lines.dropFirst().first), caret = try #require(lines.dropFirst(2).first)
        let column = try #require(caret.firstIndex(of: "^")).utf16Offset(in: caret)
        #expect(command.dropFirst(column).hasPrefix("£50.00"))
        #expect(output.stderr.contains("  hint: leave out --pot to share the underspend"))
    }

    @Test func aMistypedGrantIsSuggested() throws {
        let folder = try Self.folder()
        let output = try Self.underspend(["--underspend", "yd-2032-24", "--as-of", "2023-08-31"] + Self.byPopulation, in: folder)
        #expect(output.status == 2)
        #expect(output.stderr.contains("error[unknown-grant]: --underspend yd-2032-24: no grant has that id"))
        #expect(output.stderr.contains("  hint: did you mean yd-2023-24?"))
    }

    /// Early in Q1, £200.00 spent of its £250.00: the rest of the profile spends the whole £1,000.00.
    @Test func nothingAtRiskIsNothingToShare() throws {
        let folder = try Self.folder()
        let output = try Self.underspend(["--underspend", "yd-2023-24", "--as-of", "2023-05-10"] + Self.byPopulation, in: folder)
        #expect(output.status == 2)
        #expect(output.stderr.contains("error[bad-pot]: nothing of yd-2023-24's 2023-24 tranche is at risk: the forecast spends all "
                                       + "£1,000.00 of it by 31 March 2024 (to 2023-05-10), so there is nothing to share"))
        #expect(output.stdout.isEmpty)
    }

    /// An award with a deadline and no tranches is one window: no year needed, and the heading says award.
    @Test func anAwardToItsDeadlineIsAWindowToo() throws {
        let award = Self.youthDiversion
            .replacingOccurrences(of: "  tranche  2023-24  £1,000.00  by 2024-03-31\n", with: "  deadline 2024-02-29\n")
        let folder = try Self.folder(ledger: award)
        let output = try Self.underspend(["--underspend", "yd-2023-24", "--as-of", "2023-08-31"] + Self.byPopulation, in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        // Q4's £250.00 falls due on 31 March, after the deadline: £300.00 forgone in all.
        #expect(output.stdout.contains("Pot: Underspend of yd-2023-24's award: £300.00 forecast unspent by 29 February 2024 (to 2023-08-31)"))
    }

    @Test func theShippedBooksNeedAYearAndOneTheyHave() throws {
        let none = try AllocateCLI.allocate(["--underspend", "ss4-bns", "--as-of", "2023-06-30", "--areas", "examples/areas/bassetlaw-newark-sherwood.csv",
                                             "--weight", "population=1"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("error[missing-field]: --underspend ss4-bns: grant ss4-bns has 2 tranches; say which year's underspend to share"))
        #expect(none.stderr.contains("hint: add --fy 2022-23 (the 2022-23 tranche, to spend by 31 March 2023) or --fy 2023-24"))
        let later = try AllocateCLI.allocate(["--underspend", "ss4-bns", "--fy", "2024-25", "--as-of", "2023-06-30",
                                              "--areas", "examples/areas/bassetlaw-newark-sherwood.csv", "--weight", "population=1"])
        #expect(later.stderr.contains("error[bad-value]: --fy 2024-25: no money of grant ss4-bns must be spent by a date in 2024-25"))
        let lost = try AllocateCLI.allocate(["--underspend", "ss4-bns", "--fy", "2022-23", "--as-of", "2023-06-30",
                                             "--areas", "examples/areas/bassetlaw-newark-sherwood.csv", "--weight", "population=1"])
        #expect(lost.stderr.contains("error[bad-value]: ss4-bns's 2022-23 tranche had to be spent by 31 March 2023, before --as-of 2023-06-30: "
                                     + "the £5,400.00 not spent of it is lost"))
        let alone = try AllocateCLI.allocate(["--fy", "2023-24", "--pot", "£100.00", "--areas", "examples/areas/bassetlaw-newark-sherwood.csv",
                                              "--weight", "population=1"])
        #expect(alone.status == 2)
        #expect(alone.stderr.contains("error[bad-value]: --fy says which underspend to share, and is given without --underspend"))
    }

    /// Whatever the day, the rows share exactly what `report budget --rows tranches` says is at risk.
    @Test(arguments: ["2022-11-30", "2023-02-14", "2023-04-20", "2023-06-30", "2023-08-15", "2023-09-30"])
    func theRowsAddUpToTheReportsAtRisk(_ day: String) throws {
        let report = try Grantledger.run(["report", "budget", "--rows", "tranches", "--grant", "ss4-bns", "--as-of", day, "--format", "csv"])
        #expect(report.status == 0, "\(report.stderr)")
        let rows = report.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == 2)
        for row in rows where row.count == 10 && row[9] != "lost" && row[9] != "spent" {
            let year = String(row[1].prefix(7)), atRisk = Self.pence(row[7])
            let output = try AllocateCLI.allocate(["--underspend", "ss4-bns", "--fy", year, "--as-of", day, "--format", "csv",
                                                   "--areas", "examples/areas/bassetlaw-newark-sherwood.csv",
                                                   "--weight", "population=1/3", "--weight", "crime=1/3", "--weight", "deprivation=1/3"])
            guard atRisk > 0 else {
                #expect(output.stderr.contains("error[bad-pot]"), "\(day) \(year): \(output.stderr)")
                continue
            }
            let amounts = output.stdout.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").last.map { Self.pence(String($0)) } }
            #expect(amounts.count == 2)
            #expect(amounts.reduce(0, +) == atRisk, "\(day) \(year)")
        }
    }

    static func pence(_ pounds: String) -> Int {
        Int(pounds.replacingOccurrences(of: ".", with: "")) ?? -1
    }

    /// The README's block shows the share-out of the at-risk money (ReadmeConsoleTests runs it).
    @Test func theReadmeBlockSharesOutTheMoneyAtRisk() throws {
        let blocks = try ReadmeConsole.blocks(section: "### Sharing out a forecast underspend")
        #expect(blocks.contains { $0.contains("$ grantledger allocate --underspend ss4-bns") && $0.contains("£478.55") })
    }
}
