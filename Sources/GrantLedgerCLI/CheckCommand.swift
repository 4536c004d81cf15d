import ArgumentParser
import Foundation
import GrantLedgerCore

/// `grantledger check [PATH…]`: read and check the books; exit 0 clean, 1 findings, 2 bad input.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read the ledgers and check them: balances, declarations, budgets, bids, assertions."
    )

    @Argument(help: "Ledger files or folders (default: ledgers/).", completion: ShellCompletion.books)
    var paths: [String] = []

    @OptionGroup(title: "Input files")
    var inputOptions: InputOptions

    func run() throws {
        Run.start(inputOptions)
        let (ledger, diagnostics) = LedgerLoader.load(paths: paths.isEmpty ? ["ledgers"] : paths, sources: Run.sources)
        let status = ExitStatus(diagnostics)
        if !diagnostics.isEmpty {
            Console.error(Run.report(diagnostics))
        }
        if status != .badInput {
            Console.out(LedgerSummary(ledger).text)
        }
        // Exit with the ledger still alive: freeing millions of postings and strings one by one costs
        // a large check a tenth of a second, and the operating system reclaims the memory at once.
        withExtendedLifetime(ledger) { Foundation.exit(status.rawValue) }
    }
}
