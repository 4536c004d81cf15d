import ArgumentParser
import Foundation
import GrantLedgerCore

/// `grantledger export --hledger FILE [PATH…]`: the books in another tool's format. Refuses (exit 2)
/// when the books have errors, since an export of half-read books would mislead; every output is
/// written atomically (see `AtomicFile`), so a failed export changes no file.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the books: --hledger FILE writes an hledger journal that hledger 1.25 reads."
    )

    @Option(help: ArgumentHelp("Write the transactions as an hledger journal to FILE.", valueName: "FILE"))
    var hledger: String?

    // The committee workbook (`--xlsx FILE`, GrantLedgerXlsx) is added here as another output
    // option, written through `AtomicFile.write(to:using:)`, once that module is ready.

    @Argument(help: "Ledger files or folders (default: ledgers/).")
    var paths: [String] = []

    func validate() throws {
        if hledger == nil { throw ValidationError("name what to export, for example --hledger books.journal") }
    }

    func run() throws {
        let ledger = try LedgerInput.load(paths)
        if let path = hledger {
            try refuseToOverwriteInput(path, ledger)
            do {
                try AtomicFile.write(to: path) { sink in
                    HledgerWriter.write(ledger, header: header(ledger), to: &sink)
                }
            } catch {
                throw LedgerInput.fail(Diagnostic(.fileNotFound, "cannot write \(path): \(error)",
                                                  hint: "check the folder exists and can be written; no file was changed"))
            }
            Console.out("wrote \(path): \(ledger.transactions.count) transactions, \(ledger.accounts.count) accounts")
        }
    }

    private func header(_ ledger: Ledger) -> [String] {
        ["hledger journal written by grantledger \(GrantLedger.version) from: \(ledger.files.joined(separator: ", "))",
         "Regenerate it with grantledger export --hledger; edits here are lost. Grants, bids and areas are in the ledgers only."]
    }

    /// The tool never rewrites a ledger: an output path that is one of the files read is refused.
    private func refuseToOverwriteInput(_ path: String, _ ledger: Ledger) throws {
        func key(_ file: String) -> String { URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path }
        let target = key(path)
        if path.hasSuffix(".ledger") || ledger.files.contains(where: { key($0) == target }) {
            throw LedgerInput.fail(Diagnostic(.badValue, "refusing to write the export over a ledger: \(path)",
                                              hint: "name a new file, for example books.journal"))
        }
    }
}
