import Testing

/// An option naming something the shipped books do not have is shown where it was typed, with a
/// caret under the value, and the id meant (or the ids there are): a slip inside the start of a
/// longer id is found too.
@Suite("mistyped ids in options")
struct ReportErrorLocationTests {
    /// The first three lines of standard error: the located message, the command line, the caret.
    static func located(_ arguments: [String]) throws -> (status: Int32, lines: [String], stderr: String) {
        let result = try Grantledger.run(arguments)
        #expect(result.stdout.isEmpty)
        return (result.status, result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), result.stderr)
    }

    /// What the caret underlines on the command line shown.
    static func underlined(_ lines: [String]) throws -> String {
        let command = try #require(lines.dropFirst().first), caret = try #require(lines.dropFirst(2).first)
        let start = try #require(caret.firstIndex(of: "^")).utf16Offset(in: caret)
        let width = caret.filter { $0 == "^" }.count
        return String(command.dropFirst(start).prefix(width))
    }

    @Test func aGrantMistypedInsideItsStartIsFound() throws {
        let (status, lines, stderr) = try Self.located(["report", "budget", "--grant", "pcc-msb", "--fy", "2019-20"])
        #expect(status == 2)
        #expect(lines.first == "command line:1:35: error[unknown-grant]: --grant pcc-msb: no grant has that id", "\(stderr)")
        #expect(lines.dropFirst().first == "  1 | grantledger report budget --grant pcc-msb --fy 2019-20")
        #expect(try Self.underlined(lines) == "pcc-msb")
        #expect(lines.contains("  hint: did you mean pcc-snb-2019-20?"))
    }

    @Test(arguments: [
        (["report", "register", "--grant", "pcc-snb-2019-20", "--line", "youth-crme"], "youth-crme", "unknown-line",
         "--line youth-crme: no grant asked for has that line", "did you mean youth-crime?"),
        (["report", "areas", "--area", "mansfeld"], "mansfeld", "unknown-area", "--area mansfeld: no area has that id",
         "did you mean mansfield?"),
        (["report", "register", "--initiative", "nwps-ashfeld"], "nwps-ashfeld", "unknown-initiative",
         "--initiative nwps-ashfeld: no initiative has that id", "did you mean nwps-ashfield?"),
        (["report", "register", "--account", "expenses:comunity-safety"], "expenses:comunity-safety", "unknown-account",
         "--account expenses:comunity-safety: no account is that or under it", "did you mean expenses:community-safety?"),
        (["claim", "ss4-bsn"], "ss4-bsn", "unknown-grant", "grant ss4-bsn: no grant has that id", "did you mean ss4-bns?"),
        (["report", "grants", "--grant=ss4-bnz"], "ss4-bnz", "unknown-grant", "--grant ss4-bnz: no grant has that id",
         "did you mean ss4-bns?"),
    ])
    func eachOptionNamingTheBooksIsLocatedWithItsSuggestion(_ arguments: [String], _ value: String, _ code: String,
                                                            _ message: String, _ hint: String) throws {
        let (status, lines, stderr) = try Self.located(arguments)
        #expect(status == 2)
        #expect(lines.first?.hasPrefix("command line:1:") == true && lines.first?.hasSuffix("error[\(code)]: \(message)") == true, "\(stderr)")
        #expect(try Self.underlined(lines) == value)
        #expect(lines.contains("  hint: \(hint)"), "\(stderr)")
        #expect(stderr.hasSuffix("\n1 error, 0 findings\n"))
    }

    @Test func noNearIdListsTheFewThereAre() throws {
        let (status, lines, _) = try Self.located(["report", "grants", "--grant", "housing-benefit"])
        #expect(status == 2)
        #expect(lines.contains("  hint: the grants are: pcc-snb-2019-20, pcc-nwps-2021-22, ss1-ncity-burglary, ss1-ncity-youth, "
            + "ss1-ncity-safe-space, ss4-bns, vru-2019-20, eiyf"))
        // Forty initiatives are too many for a hint: it says where to see them.
        let initiatives = try Self.located(["report", "register", "--initiative", "housing-benefit"])
        #expect(initiatives.lines.contains("  hint: there are 40 initiatives: grantledger report initiatives lists them"), "\(initiatives.stderr)")
        // The accounts are counted as report balance lists them, though --account also takes their parents.
        let accounts = try Self.located(["report", "register", "--account", "housing-benefit"])
        #expect(accounts.lines.contains("  hint: there are 39 accounts: grantledger report balance lists them"), "\(accounts.stderr)")
    }

    @Test func anOptionGivenTwiceIsLocatedAtTheValueKept() throws {
        // swift-argument-parser keeps the last value; the caret goes under it, not the first.
        let (status, lines, stderr) = try Self.located(["report", "grants", "--grant", "ss4-bns", "--grant", "pcc-msb"])
        #expect(status == 2)
        #expect(lines.first == "command line:1:51: error[unknown-grant]: --grant pcc-msb: no grant has that id", "\(stderr)")
        let again = try Self.located(["report", "grants", "--grant", "pcc-msb", "--grant", "pcc-msb"])
        #expect(again.lines.first?.hasPrefix("command line:1:51:") == true, "\(again.stderr)")
    }

    @Test func anEmptyOrDashedIdIsLocatedAndNamed() throws {
        let empty = try Self.located(["report", "grants", "--grant", ""])
        #expect(empty.status == 2)
        #expect(empty.lines.first == "command line:1:35: error[unknown-grant]: --grant '': no grant has that id", "\(empty.stderr)")
        #expect(try Self.underlined(empty.lines) == "''")
        let dashed = try Self.located(["report", "grants", "--grant=-pcc-snb-2019-20"])
        #expect(dashed.lines.first?.hasSuffix("error[unknown-grant]: --grant -pcc-snb-2019-20: no grant has that id") == true)
        #expect(try Self.underlined(dashed.lines) == "-pcc-snb-2019-20")
        #expect(dashed.lines.contains("  hint: did you mean pcc-snb-2019-20?"))
        // After `--` a grant may start with a dash; a grant called claim is the argument, not the command.
        let afterDashes = try Self.located(["claim", "--", "-ss4-bns"])
        #expect(afterDashes.lines.first == "command line:1:22: error[unknown-grant]: grant -ss4-bns: no grant has that id", "\(afterDashes.stderr)")
        #expect(afterDashes.lines.contains("  hint: did you mean ss4-bns?"))
        let named = try Self.located(["claim", "claim"])
        #expect(named.lines.first?.hasPrefix("command line:1:19: error[unknown-grant]: grant claim:") == true, "\(named.stderr)")
        let unicode = try Self.located(["report", "areas", "--area", "Mánsfield"])
        #expect(try Self.underlined(unicode.lines) == "Mánsfield")
        #expect(unicode.lines.contains("  hint: did you mean mansfield?"), "\(unicode.stderr)")
    }

    @Test func aPrefixOfTwoIdsIsNoGuess() throws {
        let (_, lines, stderr) = try Self.located(["report", "grants", "--grant", "ss1-ncity"])
        #expect(lines.contains { $0.hasPrefix("  hint: the grants are: ") }, "\(stderr)")
        #expect(!stderr.contains("did you mean"))
    }

    @Test func aBadDateOfAReportIsLocatedToo() throws {
        let (status, lines, stderr) = try Self.located(["report", "grants", "--fy", "2019-2020"])
        #expect(status == 2)
        #expect(lines.first == "command line:1:32: error[bad-period]: --fy 2019-2020: not a financial year", "\(stderr)")
        #expect(try Self.underlined(lines) == "2019-2020")
    }
}
