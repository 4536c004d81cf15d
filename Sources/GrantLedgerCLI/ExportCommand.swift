import ArgumentParser
import Foundation
import GrantLedgerCore

/// `grantledger export --hledger FILE | --xlsx FILE [PATH…]`: the books in another tool's format,
/// or as the committee workbook. Refuses (exit 2) when the books have errors, since an export of
/// half-read books would mislead; every output is written to a temporary file and renamed into
/// place, so a failed export changes no file.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the books: --hledger FILE (an hledger journal) or --xlsx FILE (the committee workbook).",
        discussion: """
        The committee workbook has a Summary (per grant: award, spend, remaining, percent, RAG status), \
        Budget v actual, Budget monitoring (profile, actual, committed, forecast, RAG), Bids, Spend (every item), \
        one sheet per allocation, a Comparison when there are \
        several, Audit findings and Provenance (tool, command, as-of date, SHA-256 of every input). The \
        same inputs and --as-of give a byte-identical file.

        Example:
          grantledger export --xlsx out/committee.xlsx --as-of 2026-11-25 --fy 2019-20 \\
            --pot £270,750.00 --areas examples/areas/nottinghamshire-districts.csv \\
            --weight population=1/3 --weight crime=1/3 --weight deprivation=1/3
        """
    )

    @Option(help: ArgumentHelp("Write the transactions as an hledger journal to FILE.", valueName: "FILE"),
            completion: .file(extensions: ["journal", "hledger", "j"]))
    var hledger: String?

    @Option(help: ArgumentHelp("Write the committee workbook to FILE.", valueName: "FILE"), completion: ShellCompletion.workbook)
    var xlsx: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Workbook: the date the figures are as of and the file's creation date (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(name: .customLong("fy"), help: ArgumentHelp("Workbook: one financial year, April to March.", valueName: "2019-20"))
    var financialYear: String?

    @OptionGroup(title: "Allocation sheets")
    var allocationSheets: AllocationSheetFlags

    @Option(help: ArgumentHelp("Workbook: the author recorded in its properties (default grantledger).", valueName: "NAME"))
    var author: String?

    @Option(help: ArgumentHelp("Workbook: the organisation recorded in its properties (default: the first grant's recipient).",
                               valueName: "NAME"))
    var company: String?

    @Argument(help: "Ledger files or folders (default: ledgers/).", completion: ShellCompletion.books)
    var paths: [String] = []

    func validate() throws {
        if hledger == nil && xlsx == nil {
            throw ValidationError("name what to export, for example --hledger books.journal or --xlsx committee.xlsx")
        }
        if let hledger, let xlsx, FilePaths.canonical(hledger) == FilePaths.canonical(xlsx) {
            throw ValidationError("--hledger and --xlsx name the same file, \(xlsx): the workbook would replace the journal")
        }
        if xlsx == nil && (asOf != nil || financialYear != nil || allocationSheets.isGiven || author != nil || company != nil) {
            throw ValidationError("--as-of, --fy, --scenario, the allocation flags, --author and --company go with --xlsx FILE")
        }
    }

    @OptionGroup(title: "Input files")
    var inputOptions: InputOptions

    func run() throws {
        Run.start(inputOptions)
        // The workbook's Provenance sheet lists every input's SHA-256: worked out while the books are read.
        Run.sources.hashesAsRead = xlsx != nil
        let (ledger, findings) = try LedgerInput.loadWithFindings(paths)
        if let path = hledger {
            try refuseToOverwriteInput(path, ledger.files)
            do throws(FileError) {
                try OutputFile.write(to: path) { sink in
                    HledgerWriter.write(ledger, header: header(ledger), to: &sink, progress: Console.progressHook)
                }
            } catch {
                throw LedgerInput.fail(error.diagnostic(at: ArgumentLocator().origin(option: "--hledger", value: path)))
            }
            Console.out("wrote \(path): \(ledger.transactions.count) transactions, \(ledger.accounts.count) accounts")
        }
        if let path = xlsx {
            try WorkbookExport(command: self, path: path).run(ledger, findings: findings)
        }
    }

    private func header(_ ledger: Ledger) -> [String] {
        ["hledger journal written by grantledger \(GrantLedger.version) from: \(ledger.files.joined(separator: ", "))",
         "Regenerate it with grantledger export --hledger; edits here are lost. Grants, bids and areas are in the ledgers only."]
    }

    /// The tool never rewrites its inputs: an output path that is a ledger or any file read is refused.
    func refuseToOverwriteInput(_ path: String, _ inputs: [String]) throws {
        let target = FilePaths.canonical(path)
        if path.hasSuffix(".ledger") || inputs.contains(where: { FilePaths.canonical($0) == target }) {
            throw LedgerInput.fail(Diagnostic(.badValue, "refusing to write the export over an input file: \(path)",
                                              hint: "name a new file, for example books.journal or committee.xlsx"))
        }
    }
}
