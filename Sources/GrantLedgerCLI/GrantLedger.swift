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
        version: version,
        subcommands: [InitCommand.self, CheckCommand.self, ReportCommand.self, ExportCommand.self, AllocateCommand.self, ImportCommand.self, AuditCommand.self, ClaimCommand.self]
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
