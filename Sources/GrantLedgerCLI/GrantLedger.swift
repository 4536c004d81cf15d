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
        version: version,
        subcommands: [CheckCommand.self, ReportCommand.self, ExportCommand.self, AllocateCommand.self, ImportCommand.self, AuditCommand.self, ClaimCommand.self]
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
        main(nil)
    }
}
