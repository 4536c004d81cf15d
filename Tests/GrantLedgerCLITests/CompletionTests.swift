import Foundation
import GrantLedgerTestSupport
import Testing

/// Shell completion as a shell runs it: the bash script the binary generates is sourced in bash and
/// its completion function called as bash calls it on TAB, so the ids come back through the
/// script's own call into the binary (`grantledger ---completion …`).
@Suite("Shell completion")
struct CompletionTests {
    static let bash = ["/bin/bash", "/usr/bin/bash"].first { FileManager.default.isExecutableFile(atPath: $0) }
    /// bash runs the script; without it the tests that need it are skipped, and the skip listed by `make test`.
    static let bashRequirement = Requirement(name: "bash", missing: bash == nil ? ["bash, which runs the completion script"] : [])

    /// The generated bash script, written once outside any folder a test lists.
    static let bashScript: URL? = {
        guard let result = try? Grantledger.run(["--generate-completion-script", "bash"]), result.status == 0 else { return nil }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("grantledger-completion-\(UUID().uuidString).bash")
        return (try? Data(result.stdout.utf8).write(to: url)).map { url }
    }()

    /// Sets COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT (the cursor at the end of the last
    /// word, the one being completed), calls the function `complete -F` names with the command,
    /// the word and the one before it, and prints COMPREPLY one candidate a line.
    static let driver = """
        source "$1" || exit 3
        shift
        COMP_WORDS=("$@")
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        COMP_LINE="${COMP_WORDS[*]}"
        COMP_POINT=${#COMP_LINE}
        spec=$(complete -p grantledger) || exit 4
        function=${spec##*-F }
        function=${function%% *}
        "$function" grantledger "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        (( ${#COMPREPLY[@]} )) && printf '%s\\n' "${COMPREPLY[@]}"
        exit 0
        """

    /// TAB after `words` (as bash holds them: quotes as typed), typed in `folder`, with
    /// `grantledger` on the PATH as an installed one is.
    static func tab(_ words: [String], in folder: URL) throws -> (candidates: [String], stderr: String) {
        try bashRequirement.require()
        let bash = try #require(bash), script = try #require(bashScript, "the binary made no bash completion script")
        let path = Grantledger.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try Grantledger.run(["-c", driver, "bash", script.path, "grantledger"] + words, in: folder,
                                         executable: URL(fileURLWithPath: bash), environment: ["PATH": path])
        #expect(result.status == 0, "\(result.stderr)")
        return (result.stdout.split(separator: "\n").map(String.init), result.stderr)
    }

    /// A grant and its lines, declared and nothing else (the checks are not what completion runs).
    static func grant(_ id: String, funder: String = "home-office", lines: [String] = ["cctv", "lighting"]) -> String {
        "funder \(funder)  A funder\ngrant \(id)  A grant\n  funder  \(funder)\n  period  2022-07-01..2023-09-30\n  award   £\(lines.count * 100).00\n"
            + lines.map { "  line \($0)  £100.00  A line\n" }.joined()
    }

    @Test(.enabled(if: bashRequirement.shouldRun))
    func grantIDsComeFromTheBooksInTheFolder() throws {
        let folder = try ReadmeConsole.workspace()
        let (candidates, stderr) = try Self.tab(["report", "budget", "--grant", "pcc-s"], in: folder.url)
        #expect(candidates == ["pcc-snb-2019-20"])
        #expect(stderr.isEmpty)
        // Every grant, in order, when nothing is typed; and the same before the report is named,
        // when the words do not parse yet (the default books hold).
        let all = try Self.tab(["report", "budget", "--grant", ""], in: folder.url).candidates
        #expect(all == ["eiyf", "pcc-nwps-2021-22", "pcc-snb-2019-20", "ss1-ncity-burglary", "ss1-ncity-safe-space", "ss1-ncity-youth",
                        "ss4-bns", "vru-2019-20"])
        #expect(try Self.tab(["report", "--grant", "pcc-s"], in: folder.url).candidates == ["pcc-snb-2019-20"])
    }

    @Test(.enabled(if: bashRequirement.shouldRun))
    func linesAreThoseOfTheGrantGivenEarlierOnTheLine() throws {
        let folder = try ReadmeConsole.workspace()
        let lines = try Self.tab(["report", "register", "--grant", "pcc-snb-2019-20", "--line", ""], in: folder.url).candidates
        #expect(lines == ["iom-idva", "iom-knife-crime", "joint-commissioning", "nwps", "project-officer", "youth-crime"])
        #expect(try Self.tab(["report", "register", "--grant", "pcc-snb-2019-20", "--line", "y"], in: folder.url).candidates == ["youth-crime"])
        // ss4-bns's lines, and no other grant's; every grant's without --grant; none of a grant not declared.
        let ss4 = try Self.tab(["report", "register", "--grant", "ss4-bns", "--line", ""], in: folder.url).candidates
        #expect(ss4.contains("cctv") && !ss4.contains("youth-crime"))
        let every = try Self.tab(["report", "register", "--line", ""], in: folder.url).candidates
        #expect(every.contains("cctv") && every.contains("youth-crime"))
        #expect(try Self.tab(["report", "register", "--grant", "no-such-grant", "--line", ""], in: folder.url).candidates.isEmpty)
    }

    @Test(.enabled(if: bashRequirement.shouldRun))
    func areasInitiativesAccountsAndClaimsGrant() throws {
        let folder = try ReadmeConsole.workspace()
        #expect(try Self.tab(["report", "areas", "--area", "m"], in: folder.url).candidates == ["ma-csp", "mansfield"])
        #expect(try Self.tab(["report", "register", "--initiative", "nwps-r"], in: folder.url).candidates == ["nwps-rushcliffe"])
        #expect(try Self.tab(["report", "register", "--account", "assets:bank:o"], in: folder.url).candidates == ["assets:bank:opcc"])
        #expect(try Self.tab(["claim", "ss4"], in: folder.url).candidates == ["ss4-bns"])
        #expect(try Self.tab(["allocate", "--underspend", "ss4"], in: folder.url).candidates == ["ss4-bns"])
    }

    @Test(.enabled(if: bashRequirement.shouldRun))
    func theBooksNamedOnTheLineAreRead() throws {
        let folder = try ScratchFolder()
        try folder.write("my books/one.ledger", Self.grant("ss4"))
        try folder.write("other/two.ledger", Self.grant("ss5", funder: "vru"))
        // Nothing in the folder's ledgers/ (there is none); the paths typed, quoted as typed.
        #expect(try Self.tab(["report", "budget", "--grant", ""], in: folder.url).candidates.isEmpty)
        #expect(try Self.tab(["report", "budget", "'my books'", "--grant", ""], in: folder.url).candidates == ["ss4"])
        #expect(try Self.tab(["report", "budget", "my\\ books/", "other", "--grant", ""], in: folder.url).candidates == ["ss4", "ss5"])
        #expect(try Self.tab(["report", "lines", "\"my books/one.ledger\"", "--grant", "ss4", "--line", "l"], in: folder.url).candidates
                == ["lighting"])
        #expect(try Self.tab(["allocate", "--ledger", "other", "--underspend", ""], in: folder.url).candidates == ["ss5"])
    }

    @Test(.enabled(if: bashRequirement.shouldRun))
    func brokenBooksOfferNothingAndSayNothing() throws {
        let folder = try ScratchFolder()
        try folder.write("include-missing/main.ledger", ExitCodeTests.clean + "include gone.ledger\n")
        try folder.write("bad-syntax/main.ledger", ExitCodeTests.clean + "2022-13-45 * Nobody | a date that is none\n")
        try folder.write("empty/.keep", "")
        try folder.write("good/main.ledger", ExitCodeTests.clean)
        #expect(try Self.tab(["report", "budget", "good", "--grant", ""], in: folder.url).candidates == ["ss4"])
        for books in ["include-missing", "bad-syntax", "empty", "no-such-folder"] {
            let (candidates, stderr) = try Self.tab(["report", "budget", books, "--grant", ""], in: folder.url)
            #expect(candidates.isEmpty, "\(books)")
            #expect(stderr.isEmpty, "\(books)")
        }
    }

    /// A pipe named as the books, walked in their folder or included, is refused by the door at once,
    /// never opened and waited on: the binary called as the script calls it, killed if it hangs.
    @Test func aPipeAmongTheBooksOffersNothingAndDoesNotHang() throws {
        let folder = try ScratchFolder()
        try folder.write("books/main.ledger", ExitCodeTests.clean)
        _ = HostileInputTests.fifo(folder, "books/pipe.ledger")
        try folder.write("including/main.ledger", ExitCodeTests.clean + "include pipe.ledger\n")
        _ = HostileInputTests.fifo(folder, "including/pipe.ledger")
        // A pipe in the books' folder is an error for the command (not-a-regular-file), so nothing is offered.
        for (books, expected) in [("books/pipe.ledger", ""), ("books", ""), ("including", "")] {
            let result = try #require(try HostileInputTests.run(["---completion", "report", "--", "--grant", "4", "0",
                                                                 "grantledger", "report", "budget", books, "--grant", ""], in: folder.url),
                                      "completion never finished with \(books)")
            #expect(result.status == 0)
            #expect(result.stdout == expected, "\(books)")
            #expect(result.stderr.isEmpty, "\(books)")
        }
    }

    /// A line id or account name may be any word, `$(…)` included, and bash expands the words it is
    /// offered: they come back as written, and nothing runs.
    @Test(.enabled(if: bashRequirement.shouldRun))
    func idsThatLookLikeShellAreOfferedAsWrittenAndNeverRun() throws {
        let folder = try ScratchFolder()
        try folder.write("ledgers/main.ledger", Self.grant("ss4", lines: ["$(touch${IFS}ran)", "`touch${IFS}ran2`{a,b}~"]))
        #expect(try Grantledger.run(["check"], in: folder.url).status == 0)
        let (candidates, stderr) = try Self.tab(["report", "register", "--grant", "ss4", "--line", ""], in: folder.url)
        #expect(candidates == ["$(touch${IFS}ran)", "`touch${IFS}ran2`{a,b}~"])
        #expect(stderr.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("ran").path))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("ran2").path))
    }

    @Test(.enabled(if: bashRequirement.shouldRun))
    func filesAreOfferedByWhatTheyHold() throws {
        let scenarios = try Self.tab(["export", "--scenario", "examples/scenarios/nwps"], in: Grantledger.packageRoot).candidates
        #expect(scenarios == ["examples/scenarios/nwps-2021-22-crime-heavier.scenario", "examples/scenarios/nwps-2021-22-damped.scenario",
                              "examples/scenarios/nwps-2021-22-thirds.scenario"])
        let folder = try ReadmeConsole.workspace()
        for name in ["data/a.csv", "data/b.xlsx", "data/c.txt", "data/sub/d.csv", "data/e.rules"] { try folder.write(name, "") }
        #expect(try Self.tab(["allocate", "--areas", "data/"], in: folder.url).candidates == ["data/a.csv", "data/b.xlsx", "data/sub"])
        #expect(try Self.tab(["audit", "--rules", "data/"], in: folder.url).candidates == ["data/e.rules", "data/sub"])
        #expect(try Self.tab(["check", "ledgers/nottinghamshire/ma"], in: folder.url).candidates == ["ledgers/nottinghamshire/main.ledger"])
        // --previous: last year's CSV or workbook, or the books' agreed allocations.
        #expect(try Self.tab(["allocate", "--previous", "al"], in: folder.url).candidates == ["allocation:nwps-2021-22-agreed"])
        #expect(try Self.tab(["export", "--previous", "data/"], in: folder.url).candidates == ["data/a.csv", "data/b.xlsx", "data/sub/"])
        #expect(try Self.tab(["report", "budget", "--forecast", "r"], in: folder.url).candidates == ["run-rate"])
    }

    /// zsh and fish run the same call into the binary; zsh's `_describe` takes `:` as the start of
    /// a description, so the binary escapes it for zsh (and ends with the blank zsh's script drops).
    @Test func zshAndFishScriptsCallTheBinaryForIDs() throws {
        for shell in ["zsh", "fish"] {
            let script = try Grantledger.run(["--generate-completion-script", shell])
            #expect(script.status == 0)
            for call in ["---completion report -- --grant", "---completion report -- --line", "---completion claim -- positional@0",
                         "---completion allocate -- --previous"] {
                #expect(script.stdout.contains(call), "\(shell): \(call)")
            }
            // Where the shell is installed, its script must at least parse.
            if let path = ["/usr/bin/\(shell)", "/bin/\(shell)"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
                let folder = try ScratchFolder()
                try folder.write("script", script.stdout)
                let parsed = try Grantledger.run([shell == "zsh" ? "-n" : "--no-execute", "script"], in: folder.url,
                                                 executable: URL(fileURLWithPath: path))
                #expect(parsed.status == 0, "\(shell): \(parsed.stderr)")
            }
        }
        let folder = try ReadmeConsole.workspace()
        let zsh = try Grantledger.run(["---completion", "allocate", "--", "--previous", "3", "2", "grantledger", "allocate", "--previous", "al"],
                                      in: folder.url, environment: ["SAP_SHELL": "zsh"])
        #expect(zsh.stdout == "allocation\\:nwps-2021-22-agreed\n \n")
        #expect(zsh.stderr.isEmpty)
    }
}
