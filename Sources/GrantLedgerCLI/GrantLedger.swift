import Foundation
import GrantLedgerCore
import ArgumentParser

/// The `grantledger` command: a thin layer over GrantLedgerCore, which never prints.
@main
struct GrantLedger: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "grantledger",
        abstract: "Exact plain-text ledgers of community-safety grant funding: init, check, report, export, import, audit.",
        discussion: """
            Exit status, for every command: 0 done; 1 findings, from the commands that look for them \
            (check, audit, allocate: an overspend, an audit difference, money at risk: the books read, \
            but something needs a person; report and export make what was asked and end \
            with 0, noting any findings the books have); 2 trouble: bad input, a mistake on the command \
            line (an unknown option, a value the option does not take) or an output that could not be \
            written. Nothing is changed when the status is 2.

            On a terminal, problems and the RAG statuses of reports are in colour (errors red, findings \
            yellow, hints cyan; Red, Amber, Green), decided apart for standard output and standard error; never \
            through a pipe, into a file, or in CSV, JSON or iCalendar. NO_COLOR=1 (any value but empty) or \
            TERM=dumb turns colour off; CLICOLOR_FORCE=1 turns it on through a pipe (for less -R). Long work \
            shows a progress line on standard error when it is a terminal, after GRANTLEDGER_PROGRESS_AFTER \
            seconds (default 2).
            """,
        version: version,
        subcommands: [InitCommand.self, CheckCommand.self, ReportCommand.self, ExportCommand.self, AllocateCommand.self, ImportCommand.self, AuditCommand.self, ClaimCommand.self]
    )

    /// Arguments that are not UTF-8 are refused before they are parsed (see
    /// `ArgumentLocator.encodingProblems`); then the usual parsing and run. A shell asking for
    /// completions (`---completion`, see `ShellCompletion`) is answered with candidates or nothing,
    /// never an error, whatever the words typed so far.
    static func main() {
        let completing = CommandLine.arguments.dropFirst().first == "---completion"
        let problems = completing ? [] : ArgumentLocator().encodingProblems()
        if !problems.isEmpty {
            Console.error(Run.report(problems))
            Foundation.exit(ExitStatus.badInput.rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withStatusFor: error)
        }
    }

    /// Ends the run for `error` under the one exit-code scheme (0 clean, 1 findings, 2 trouble):
    /// the argument parser's usage errors, which it would end with sysexits' 64, are trouble with
    /// the command line and end with 2 like every other mistake in what was given, so a script
    /// needs one test (`status >= 2`) for "fix something". Help and the version still end with 0,
    /// and a command's own `ExitCode` (1 for findings) is kept; any other error is trouble, 2, never
    /// the parser's 1, which here would read as "findings".
    static func exit(withStatusFor error: any Error) -> Never {
        if error is ExitCode || exitCode(for: error) == .success { exit(withError: error) }
        Console.error(fullMessage(for: error))
        Foundation.exit(ExitStatus.badInput.rawValue)
    }
}
