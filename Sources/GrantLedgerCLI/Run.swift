import ArgumentParser
import Foundation
import GrantLedgerCore

/// The run's one door for input files, and how its problems are shown: every command that reads
/// files starts with `Run.start`, then reads through `Run.sources`, so each file is read once and
/// every diagnostic shows the line that was parsed.
enum Run {
    /// Set once by `start`, before anything is read, on the main thread.
    nonisolated(unsafe) private(set) static var sources = SourceFiles(policy: InputPolicy(wording: InputOptions.wording))

    static func start(_ options: InputOptions) {
        sources = SourceFiles(policy: options.policy)
        startWriting()
    }

    /// For a command that writes without reading (`init`): a write past `ulimit -f` must fail with
    /// EFBIG (reported, the old files kept), not kill us.
    static func startWriting() {
        signal(SIGXFSZ, SIG_IGN)
    }

    /// The problems as people read them, the first `--max-problems` in full and the rest counted,
    /// then the summary line.
    static func report(_ diagnostics: [Diagnostic]) -> String {
        let shown = DiagnosticLog.limited(diagnostics, to: sources.policy.maximumProblems)
        return DiagnosticRenderer(sources: sources, program: "grantledger", showingMore: "--max-problems N").render(shown) + shown.summary
    }

    /// The one meaning of "stop on errors": when any of `diagnostics` is an error, print them all
    /// and end the command with exit 2 (bad input); otherwise go on.
    static func stopOnErrors(_ diagnostics: [Diagnostic]) throws {
        guard ExitStatus(diagnostics) == .badInput else { return }
        Console.error(report(diagnostics))
        throw ExitCode(ExitStatus.badInput.rawValue)
    }
}
