import Foundation
import Testing

/// Colour and the progress line, typed into a real pseudo-terminal: colour on a terminal, none
/// through a pipe, into a file or with `NO_COLOR`; the text itself the same either way; the progress
/// line drawn on a terminal's standard error only, and never left behind.
@Suite("Terminal: colour and progress")
struct TerminalTests {
    static let broken = """
        funder f  Funder
        grant g  A grant
          funder  f
          period  2019-20
          award   £100.00
        account assets:bank
        account expenses:x

        2019-06-28 * Mansfield | NWPS   ; grant:g
            expenses:x    £22.50
            assets:bank   -£20.00

        """

    /// What `check broken.ledger` writes to standard error today, byte for byte.
    static let brokenPlain = """
        broken.ledger:9:1: error[unbalanced-transaction]: the postings sum to £2.50, not zero
          9 | 2019-06-28 * Mansfield | NWPS   ; grant:g
            | ^^^^^^^^^^
          hint: a posting of -£2.50 would balance it; or leave one amount out to have it inferred

        1 error, 0 findings

        """

    /// No progress line in the colour tests: it would wait for a run this short anyway.
    static let noProgress = ["GRANTLEDGER_PROGRESS_AFTER": "600"]

    static let escape = "\u{1B}["

    private func brokenBooks() throws -> ScratchFolder {
        let folder = try ScratchFolder()
        try folder.write("broken.ledger", Self.broken)
        return folder
    }

    @Test func anErrorIsColouredOnATerminalAndPlainThroughAPipe() throws {
        let folder = try brokenBooks()
        let piped = try Grantledger.run(["check", "broken.ledger"], in: folder.url)
        #expect(piped.status == 2)
        #expect(piped.stderr == Self.brokenPlain)
        #expect(!piped.stderr.contains(Self.escape))

        let shown = try PseudoTerminal.run(["check", "broken.ledger"], environment: Self.noProgress, in: folder.url)
        #expect(shown.status == 2)
        #expect(shown.terminal.contains("\u{1B}[1;31merror[unbalanced-transaction]\u{1B}[0m: the postings sum to £2.50"))
        #expect(shown.terminal.contains("| \u{1B}[1;31m^^^^^^^^^^\u{1B}[0m\r\n"), "the caret in the error's colour")
        #expect(shown.terminal.contains("  \u{1B}[36mhint:\u{1B}[0m a posting of"))
        #expect(shown.terminal.contains("\u{1B}[1;31m1 error\u{1B}[0m, 0 findings"), "the summary's count that is not zero")
        #expect(PseudoTerminal.withoutProgress(PseudoTerminal.withoutColour(shown.terminal)) == Self.brokenPlain)
    }

    @Test func aFindingIsYellow() throws {
        let arguments = ["check", "Tests/ErrorCatalogue/line-overspent.ledger"]
        let shown = try PseudoTerminal.run(arguments, environment: Self.noProgress)
        #expect(shown.status == 1)
        #expect(shown.terminal.contains("\u{1B}[33mfinding[line-overspent]\u{1B}[0m: line cctv"))
        #expect(shown.terminal.contains("|        \u{1B}[33m^^^^\u{1B}[0m\r\n"))
        #expect(shown.terminal.contains("0 errors, \u{1B}[33m1 finding\u{1B}[0m"))
        let expected = try String(contentsOf: Grantledger.packageRoot.appendingPathComponent("Tests/ErrorCatalogue/line-overspent.expected"),
                                  encoding: .utf8)
        let piped = try Grantledger.run(arguments)
        #expect(PseudoTerminal.withoutColour(shown.terminal).replacingOccurrences(of: "\r\n", with: "\n") == expected + piped.stdout)
    }

    /// NO_COLOR with a value, or a dumb terminal: no colour. NO_COLOR empty counts as unset.
    @Test(arguments: [(["NO_COLOR": "1"], false), (["NO_COLOR": "yes please"], false), (["TERM": "dumb"], false),
                      (["NO_COLOR": ""], true), (["CLICOLOR_FORCE": "1", "NO_COLOR": "1"], false)])
    func theEnvironmentTurnsColourOff(_ environment: [String: String], _ coloured: Bool) throws {
        let folder = try brokenBooks()
        let shown = try PseudoTerminal.run(["check", "broken.ledger"], environment: Self.noProgress.merging(environment) { $1 },
                                           in: folder.url)
        #expect(shown.terminal.contains(Self.escape) == coloured)
        #expect(PseudoTerminal.withoutColour(shown.terminal).replacingOccurrences(of: "\r\n", with: "\n") == Self.brokenPlain)
    }

    /// CLICOLOR_FORCE colours a pipe (for `less -R`); 0 does not. (`swift test` sets NO_COLOR=1 for
    /// the programs the tests start: empty, it counts as unset.)
    @Test func clicolorForceColoursAPipe() throws {
        let folder = try brokenBooks()
        let forced = try Grantledger.run(["check", "broken.ledger"], in: folder.url, environment: ["CLICOLOR_FORCE": "1", "NO_COLOR": ""])
        #expect(forced.stderr.contains("\u{1B}[1;31merror[unbalanced-transaction]\u{1B}[0m"))
        #expect(PseudoTerminal.withoutColour(forced.stderr) == Self.brokenPlain)
        let notForced = try Grantledger.run(["check", "broken.ledger"], in: folder.url, environment: ["CLICOLOR_FORCE": "0", "NO_COLOR": ""])
        #expect(notForced.stderr == Self.brokenPlain)
    }

    /// Each stream is decided alone: `check 2>file` keeps the file plain; `report > file` too.
    @Test func aStreamIntoAFileIsPlainWhileTheOtherIsOnTheTerminal() throws {
        let folder = try brokenBooks()
        let errorsToFile = try PseudoTerminal.run(["check", "broken.ledger"], environment: Self.noProgress, stderrOnTerminal: false,
                                                  in: folder.url)
        #expect(errorsToFile.stderr == Self.brokenPlain)
        #expect(errorsToFile.terminal.isEmpty)

        let arguments = ["report", "budget", "--fy", "2021-22"]
        let reportToFile = try PseudoTerminal.run(arguments, environment: Self.noProgress, stdoutOnTerminal: false)
        let piped = try Grantledger.run(arguments)
        #expect(reportToFile.stdout == piped.stdout)
        #expect(!reportToFile.stdout.contains(Self.escape))
        #expect(reportToFile.stdout.contains("  Red"))
    }

    /// RAG statuses in their colours on a terminal, the columns still aligned: without the escapes
    /// the table is the piped one, byte for byte. Tables with nothing to colour are the same on both.
    @Test(arguments: [(["report", "budget", "--fy", "2019-20"], ["\u{1B}[33mAmber\u{1B}[0m", "\u{1B}[32mGreen\u{1B}[0m"]),
                      (["report", "budget", "--fy", "2021-22"], ["\u{1B}[31mRed\u{1B}[0m"]),
                      (["report", "budget", "--fy", "2019-20", "--by", "quarter"], ["\u{1B}[33mAmber\u{1B}[0m"]),
                      (["report", "grants", "--fy", "2019-20"], [])])
    func ragStatusesAreColouredAndTheColumnsStillLineUp(_ arguments: [String], _ painted: [String]) throws {
        let piped = try Grantledger.run(arguments)
        #expect(piped.status == 0)
        #expect(!piped.stdout.contains(Self.escape))
        let shown = try PseudoTerminal.run(arguments, environment: Self.noProgress)
        for text in painted { #expect(shown.terminal.contains(text)) }
        if painted.isEmpty { #expect(!shown.terminal.contains(Self.escape)) }
        let plain = PseudoTerminal.withoutColour(shown.terminal).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(plain == piped.stderr + piped.stdout)
    }

    /// What machines read is never coloured, on a terminal too.
    @Test(arguments: ["csv", "json"])
    func csvAndJSONAreNeverColoured(_ format: String) throws {
        let arguments = ["report", "budget", "--fy", "2019-20", "--format", format]
        let shown = try PseudoTerminal.run(arguments, environment: Self.noProgress)
        #expect(!shown.terminal.contains(Self.escape))
        #expect(shown.terminal.replacingOccurrences(of: "\r\n", with: "\n") == (try Grantledger.run(arguments)).stdout)
    }

    @Test func aProgressLineIsDrawnOnATerminalAndErasedBeforeTheOutput() throws {
        let shown = try PseudoTerminal.run(["check"], environment: ["GRANTLEDGER_PROGRESS_AFTER": "0"])
        #expect(shown.status == 0)
        let lines = PseudoTerminal.progressLines(shown.terminal)
        #expect(lines.contains { $0.hasPrefix("reading ledgers… ") && $0.hasSuffix(" kB") }, "\(lines)")
        #expect(lines.contains("checking 303 transactions…"), "\(lines)")
        #expect(PseudoTerminal.leavesNoProgressBehind(shown.terminal), "\(shown.terminal.debugDescription)")
        let piped = try Grantledger.run(["check"], environment: ["GRANTLEDGER_PROGRESS_AFTER": "0"])
        #expect(PseudoTerminal.withoutProgress(shown.terminal) == piped.stdout)
        #expect(piped.stderr.isEmpty, "never a progress line through a pipe")
        #expect(!piped.stdout.contains("\r"))
    }

    /// Errors printed while the line is up: the line goes first, and the errors read as ever.
    @Test func errorsPrintedDuringProgressLeaveNoHalfLine() throws {
        let folder = try brokenBooks()
        let shown = try PseudoTerminal.run(["check", "broken.ledger"], environment: ["GRANTLEDGER_PROGRESS_AFTER": "0", "NO_COLOR": "1"],
                                           in: folder.url)
        #expect(!PseudoTerminal.progressLines(shown.terminal).isEmpty)
        #expect(PseudoTerminal.leavesNoProgressBehind(shown.terminal), "\(shown.terminal.debugDescription)")
        #expect(PseudoTerminal.withoutProgress(shown.terminal) == Self.brokenPlain)
        let piped = try Grantledger.run(["check", "broken.ledger"], in: folder.url, environment: ["GRANTLEDGER_PROGRESS_AFTER": "0"])
        #expect(piped.stderr == Self.brokenPlain)
    }

    /// Progress goes with standard error: on the terminal while standard output goes to a file, and
    /// not at all when standard error is the file (or the terminal is dumb).
    @Test func progressFollowsStandardError() throws {
        let progress = ["GRANTLEDGER_PROGRESS_AFTER": "0"]
        let outToFile = try PseudoTerminal.run(["report", "grants", "--fy", "2019-20"], environment: progress, stdoutOnTerminal: false)
        let lines = PseudoTerminal.progressLines(outToFile.terminal)
        #expect(lines.contains("making the grants report…"), "\(lines)")
        #expect(PseudoTerminal.withoutProgress(outToFile.terminal).isEmpty)
        #expect(outToFile.stdout == (try Grantledger.run(["report", "grants", "--fy", "2019-20"])).stdout)

        let errToFile = try PseudoTerminal.run(["check"], environment: progress, stderrOnTerminal: false)
        #expect(errToFile.stderr.isEmpty)
        #expect(PseudoTerminal.progressLines(errToFile.terminal).isEmpty)
        #expect(errToFile.terminal.replacingOccurrences(of: "\r\n", with: "\n") == (try Grantledger.run(["check"])).stdout)
        let dumb = try PseudoTerminal.run(["check"], environment: progress.merging(["TERM": "dumb"]) { $1 })
        #expect(PseudoTerminal.progressLines(dumb.terminal).isEmpty)
    }

    /// The export's stages: reading, checking, then the journal's transactions.
    @Test func theHledgerExportSaysHowFarItHasGot() throws {
        let folder = try ScratchFolder()
        let shown = try PseudoTerminal.run(["export", "--hledger", folder.url.appendingPathComponent("books.journal").path],
                                           environment: ["GRANTLEDGER_PROGRESS_AFTER": "0"])
        #expect(shown.status == 0)
        let lines = PseudoTerminal.progressLines(shown.terminal)
        #expect(lines.contains("writing the hledger journal… 0 of 303 transactions"), "\(lines)")
        #expect(PseudoTerminal.leavesNoProgressBehind(shown.terminal))
    }

    /// The workbook's stages: building it, each sheet's rows, then packing the file.
    @Test func theWorkbookExportSaysHowFarItHasGot() throws {
        let folder = try ScratchFolder()
        let shown = try PseudoTerminal.run(["export", "--xlsx", folder.url.appendingPathComponent("committee.xlsx").path, "--as-of", "2020-03-31"],
                                           environment: ["GRANTLEDGER_PROGRESS_AFTER": "0"])
        #expect(shown.status == 0)
        let lines = PseudoTerminal.progressLines(shown.terminal)
        #expect(lines.contains("building the workbook…"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("writing Spend sheet… 0 of ") && $0.hasSuffix(" rows") }, "\(lines)")
        #expect(lines.last == "packing the workbook…", "\(lines)")
        #expect(PseudoTerminal.leavesNoProgressBehind(shown.terminal))
        #expect(PseudoTerminal.withoutProgress(shown.terminal).hasPrefix("wrote "))
    }

    /// A terminal that goes away at once (its reader gone): every write fails with EIO; the program
    /// must end by itself, by exit and not by a signal or a crash.
    @Test(arguments: [["check"], ["report", "register"], ["report", "budget", "--fy", "2019-20"]])
    func aTerminalClosedEarlyEndsTheProgramCleanly(_ arguments: [String]) throws {
        let result = try PseudoTerminal.run(arguments, environment: ["GRANTLEDGER_PROGRESS_AFTER": "0"], closingEarly: true)
        #expect(result.reason == .exit, "ended by signal \(result.status)")
        #expect([0, 2].contains(result.status))
    }

    /// Ctrl-C while the line is up: the line is erased and the program dies of the interrupt
    /// (exit status 130 to a shell). Should the work finish first, its output is whole and clean.
    @Test func anInterruptDuringProgressErasesTheLine() throws {
        let folder = try ScratchFolder()
        var text = "account assets:bank\naccount expenses:x\n\n"
        for day in 0..<40_000 {
            text += "2019-07-\(day % 18 + 10) * Payee \(day) | item\n    expenses:x  £1.00\n    assets:bank\n\n"
        }
        try folder.write("big.ledger", text)
        var interrupted = false
        let shown = try PseudoTerminal.run(["check", "big.ledger"], environment: ["GRANTLEDGER_PROGRESS_AFTER": "0"], in: folder.url) { sofar, process in
            if !interrupted, sofar.contains("\rgrantledger: ") {
                interrupted = true
                process.interrupt()
            }
        }
        #expect(interrupted)
        #expect(PseudoTerminal.leavesNoProgressBehind(shown.terminal) || shown.terminal.hasSuffix("\r\u{1B}[K"),
                "\(shown.terminal.suffix(200).debugDescription)")
        if shown.reason == .uncaughtSignal {
            #expect(shown.status == SIGINT)
            #expect(shown.terminal.hasSuffix("\r\u{1B}[K"), "\(shown.terminal.suffix(200).debugDescription)")
        } else {
            #expect(PseudoTerminal.leavesNoProgressBehind(shown.terminal))
        }
    }
}
