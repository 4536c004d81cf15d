import Foundation
import GrantLedgerCore
import ArgumentParser

/// The `grantledger` command: a thin layer over GrantLedgerCore, which never prints.
@main
struct GrantLedger: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "grantledger",
        abstract: "Exact plain-text ledgers of community-safety grant funding: check, report, export, import, audit.",
        discussion: """
        Exit status: 0 clean, 1 findings, 2 bad input.

        On a terminal, problems and the RAG statuses of reports are in colour (errors red, findings \
        yellow, hints cyan; Red, Amber, Green), decided apart for standard output and standard error; never \
        through a pipe, into a file, or in CSV, JSON or iCalendar. NO_COLOR=1 (any value but empty) or \
        TERM=dumb turns colour off; CLICOLOR_FORCE=1 turns it on through a pipe (for less -R). Long work \
        shows a progress line on standard error when it is a terminal, after GRANTLEDGER_PROGRESS_AFTER \
        seconds (default 2).
        """,
        version: version,
        subcommands: [CheckCommand.self, ReportCommand.self, ExportCommand.self, AllocateCommand.self, ImportCommand.self, AuditCommand.self, ClaimCommand.self]
    )

    /// Arguments that are not UTF-8 are refused before they are parsed (see
    /// `ArgumentLocator.encodingProblems`); then the usual parsing and run.
    static func main() {
        let problems = ArgumentLocator().encodingProblems()
        if !problems.isEmpty {
            Console.error(Run.report(problems))
            Foundation.exit(ExitStatus.badInput.rawValue)
        }
        main(nil)
    }
}
