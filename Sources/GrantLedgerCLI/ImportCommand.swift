import ArgumentParser
import Foundation
import GrantLedgerCore

/// `grantledger import FILE.csv --rules RULES --into LEDGER`: appends a finance-system export's new
/// rows to a ledger file. Everything is checked first — every row, the rules against the books,
/// references already imported — and nothing is written if anything is wrong. The new file is
/// written beside the old, flushed, checked as part of the books, and only then renamed over it,
/// so a failure or a kill leaves the ledger as it was or as it will be, never half-written.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Append a finance-system export's new rows to a ledger, idempotently.",
        discussion: """
        Rows are read with the rules file (see examples/finance/README.md), grouped into one transaction per reference and date, and appended to the --into ledger in the ledger's own syntax. A reference already in the ledger with the same content is skipped; with different content it is an error showing both. The books (PATH…, default ledgers/) must check without errors after the import. 
        """
    )

    @Argument(help: ArgumentHelp("The export, a CSV file.", valueName: "FILE.csv"))
    var file: String

    @Option(help: ArgumentHelp("The rules file describing the export.", valueName: "RULES"))
    var rules: String

    @Option(help: ArgumentHelp("The ledger file to append to (one of the books, or a new .ledger file in a books folder).", valueName: "LEDGER"))
    var into: String

    @Flag(help: "Print what would be added, and change nothing.")
    var dryRun = false

    @Argument(help: "The books: ledger files or folders (default: ledgers/).")
    var paths: [String] = []

    func run() throws {
        let books = paths.isEmpty ? ["ledgers"] : paths
        // Two imports into one folder at once would each append to the ledger as it was before the
        // other: hold the folder's lock from reading the books to renaming the new file.
        let folder = open((into as NSString).deletingLastPathComponent.isEmpty ? "." : (into as NSString).deletingLastPathComponent,
                          O_RDONLY | O_CLOEXEC)
        if folder >= 0 { flock(folder, LOCK_EX) }
        defer { if folder >= 0 { close(folder) } }
        let (rulesRead, rulesProblems) = ImportRulesReader.read(path: rules)
        try stopOnErrors(rulesProblems)

        let (ledger, bookProblems) = LedgerLoader.load(paths: books)
        if ExitStatus(bookProblems) == .badInput {
            Console.error(DiagnosticRenderer().render(bookProblems) + bookProblems.summary)
            Console.error("grantledger: the books have errors: correct them before importing; nothing was written")
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        var problems: [Diagnostic] = []
        let intoKey = Self.key(into)
        let intoExists = FileManager.default.fileExists(atPath: into)
        if intoExists ? !ledger.files.contains(where: { Self.key($0) == intoKey }) : !Self.isInsideFolder(into, of: books) {
            let origin = ArgumentLocator().origin(option: "--into", value: into)
            let message = intoExists ? "\(into) is not one of the books read (\(books.joined(separator: " ")))"
                : "\(into) does not exist and is not in a folder of the books (\(books.joined(separator: " ")))"
            let hint = "name a ledger file the books include, or a new .ledger file inside a books folder"
            problems.append(origin?.diagnostic(.badValue, message, hint: hint) ?? Diagnostic(.badValue, message, hint: hint))
        }

        let export = FinanceExport.read(path: file, rules: rulesRead)
        problems += export.diagnostics
        problems += rulesRead.problems(against: ledger, rows: export.rows)
        try stopOnErrors(problems)

        let plan = ImportPlan.make(rows: export.rows, rules: rulesRead, ledger: ledger)
        try stopOnErrors(plan.diagnostics)
        let already = "\(plan.rowsAlreadyImported) row\(plan.rowsAlreadyImported == 1 ? "" : "s") already in the ledger, \(export.skipped) skipped by the rules"
        guard !plan.transactions.isEmpty else {
            Console.out("nothing to import from \(file): \(already)")
            return
        }
        guard let paidFrom = rulesRead.paidFrom?.value else { throw ExitCode(ExitStatus.badInput.rawValue) }

        let old = intoExists ? [UInt8](FileManager.default.contents(atPath: into) ?? Data()) : []
        var content = old
        if let last = content.last, last != 0x0A { content.append(0x0A) }
        let oldLines = content.filter { $0 == 0x0A }.count
        if !content.isEmpty { content.append(0x0A) }
        let firstBlockLine = oldLines + (content.isEmpty ? 1 : 2)
        let (block, ranges) = ImportedTransactionWriter.text(plan.transactions, paidFrom: paidFrom, source: file)
        content += Array(block.utf8)

        /// A problem the checks find in the new text is shown at the export row it came from.
        func relocated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
            diagnostics.map { diagnostic in
                guard let location = diagnostic.location, Self.key(location.file) == intoKey,
                      location.line >= firstBlockLine else { return diagnostic }
                let blockLine = location.line - firstBlockLine + 1
                guard let range = ranges.first(where: { $0.range.contains(blockLine) }) else { return diagnostic }
                let row = plan.transactions[range.transaction].rows[0]
                return Diagnostic(diagnostic.code, "after importing this row: \(diagnostic.message)", hint: diagnostic.hint,
                                  at: row.location, length: 1)
            }
        }

        let summary = "\(plan.transactions.count) transaction\(plan.transactions.count == 1 ? "" : "s") (\(plan.rowsToAdd) row\(plan.rowsToAdd == 1 ? "" : "s"))"
        do {
            if dryRun {
                // Checked as it would be written, through a temporary file that is then removed.
                try AtomicFile.withTemporaryFile(beside: into) { temporary in
                    try AtomicFile.writeFlushed(content, to: temporary)
                    try Self.checkBooks(books + [into], replacing: [into: temporary], relocated)
                }
                Console.out(block)
                Console.out("would import \(summary) into \(into); \(already)")
                return
            }
            try AtomicFile.write(to: into) { temporary in
                try AtomicFile.writeFlushed(content, to: temporary)
                try Self.checkBooks(books + [into], replacing: [into: temporary], relocated)
            }
        } catch let failure as BooksWouldFail {
            Console.error(DiagnosticRenderer().render(failure.diagnostics) + failure.diagnostics.summary)
            Console.error("grantledger: the books would not check after this import; nothing was written")
            throw ExitCode(ExitStatus.badInput.rawValue)
        } catch {
            throw LedgerInput.fail(Diagnostic(.fileNotFound, "cannot write \(into): \(error)",
                                              hint: "check the folder can be written and has space; \(into) was not changed"))
        }
        Console.out("imported \(summary) into \(into); \(already)")
        let after = LedgerLoader.load(paths: books + [into]).diagnostics
        if !after.isEmpty {
            Console.error("grantledger: note: the books have \(after.count) finding\(after.count == 1 ? "" : "s"); `grantledger check` lists them")
        }
    }

    struct BooksWouldFail: Error { let diagnostics: [Diagnostic] }

    static func checkBooks(_ paths: [String], replacing: [String: String], _ relocate: ([Diagnostic]) -> [Diagnostic]) throws {
        let diagnostics = LedgerLoader.load(paths: paths, replacing: replacing).diagnostics
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw BooksWouldFail(diagnostics: relocate(errors)) }
    }

    private func stopOnErrors(_ diagnostics: [Diagnostic]) throws {
        guard ExitStatus(diagnostics) == .badInput else { return }
        Console.error(DiagnosticRenderer().render(diagnostics) + diagnostics.summary)
        throw ExitCode(ExitStatus.badInput.rawValue)
    }

    static func key(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }

    /// A new ledger file is fine when a books folder will find it.
    static func isInsideFolder(_ path: String, of books: [String]) -> Bool {
        guard path.hasSuffix(".ledger") else { return false }
        let target = key(path)
        return books.contains { book in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: book, isDirectory: &isDirectory), isDirectory.boolValue else { return false }
            return target.hasPrefix(key(book) + "/")
        }
    }
}
