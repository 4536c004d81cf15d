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

    @OptionGroup(title: "Input files")
    var inputOptions: InputOptions

    func run() throws {
        Run.start(inputOptions)
        let sources = Run.sources
        let books = paths.isEmpty ? ["ledgers"] : paths
        // Two imports into one folder at once would each append to the ledger as it was before the
        // other: hold the folder's lock from reading the books to renaming the new file.
        // A dry run writes nothing, so it needs no lock.
        let intoFolder = FilePaths.split(FilePaths.canonical(into)).directory
        let lock = dryRun ? nil : FolderLock(intoFolder)
        if !dryRun && lock == nil && FilePaths.isFolder(intoFolder) {
            throw LedgerInput.fail(Diagnostic(.writeFailed, "another program has held the lock on the folder of \(into) for \(FolderLock.patience) seconds",
                                              hint: "wait for the other import to finish, then try again; nothing was written"))
        }
        defer { withExtendedLifetime(lock) {} }
        let locator = ArgumentLocator()
        let (rulesRead, rulesProblems) = ImportRulesReader.read(path: rules, sources: sources,
                                                                origin: locator.origin(option: "--rules", value: rules))
        try stopOnErrors(rulesProblems)

        let (ledger, bookProblems) = LedgerLoader.load(paths: books, sources: sources)
        if ExitStatus(bookProblems) == .badInput {
            Console.error(Run.report(bookProblems))
            Console.error("grantledger: the books have errors: correct them before importing; nothing was written")
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        var problems: [Diagnostic] = []
        let intoKey = FilePaths.canonical(into)
        let intoExists = FilePaths.exists(into)
        if intoExists ? !ledger.files.contains(where: { FilePaths.canonical($0) == intoKey }) : !Self.isInsideFolder(into, of: books) {
            let origin = locator.origin(option: "--into", value: into)
            let message = intoExists ? "\(into) is not one of the books read (\(books.joined(separator: " ")))"
                : "\(into) does not exist and is not in a folder of the books (\(books.joined(separator: " ")))"
            let hint = "name a ledger file the books include, or a new .ledger file inside a books folder"
            problems.append(Diagnostic(.badValue, message, hint: hint, origin: origin))
        }

        let export = FinanceExport.read(path: file, rules: rulesRead, sources: sources, origin: locator.origin(argument: file))
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

        // The ledger as it was read (the very bytes checked above), and as it will be.
        var content: [UInt8] = []
        // Kept past `replace` below, which puts the new content in its place in `sources`.
        var read: SourceFile?
        if intoExists {
            read = sources.file(atPath: into)
            guard let read else {
                throw LedgerInput.fail(Diagnostic(.readFailed, "\(into) changed while it was being read (it is not the file the books were read from)",
                                                  hint: "run the import again; nothing was written"))
            }
            content = read.bytes
        }
        if let last = content.last, last != 0x0A { content.append(0x0A) }
        let oldLines = SourceFile(name: into, bytes: content).lineCount
        if !content.isEmpty { content.append(0x0A) }
        let firstBlockLine = oldLines + (content.isEmpty ? 1 : 2)
        let (block, ranges) = ImportedTransactionWriter.text(plan.transactions, paidFrom: paidFrom, source: file)
        content += Array(block.utf8)

        /// A problem the checks find in the new text is shown at the export row it came from.
        func relocated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
            diagnostics.map { diagnostic in
                guard let location = diagnostic.location, FilePaths.canonical(location.file) == intoKey,
                      location.line >= firstBlockLine else { return diagnostic }
                let blockLine = location.line - firstBlockLine + 1
                guard let range = ranges.first(where: { $0.range.contains(blockLine) }) else { return diagnostic }
                let row = plan.transactions[range.transaction].rows[0]
                return Diagnostic(diagnostic.code, "after importing this row: \(diagnostic.message)", hint: diagnostic.hint,
                                  at: row.location, length: 1)
            }
        }

        // Check the books as they will be, in memory: nothing is written until they pass, and a dry
        // run writes nothing anywhere.
        sources.replace(into, with: content)
        let after = LedgerLoader.load(paths: books + [into], sources: sources).diagnostics
        let errors = after.filter { $0.severity == .error }
        if !errors.isEmpty {
            Console.error(Run.report(relocated(errors)))
            Console.error("grantledger: the books would not check after this import; nothing was written")
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        let summary = "\(plan.transactions.count) transaction\(plan.transactions.count == 1 ? "" : "s") (\(plan.rowsToAdd) row\(plan.rowsToAdd == 1 ? "" : "s"))"
        if dryRun {
            Console.out(block)
            Console.out("would import \(summary) into \(into); \(already)")
            return
        }
        if let read, !read.isUnchangedOnDisk {
            throw LedgerInput.fail(Diagnostic(.writeFailed, "\(into) was changed by another program while the import ran",
                                              hint: "run the import again, so that change is kept; nothing was written"))
        }
        do throws(FileError) {
            try OutputFile.write(to: into) { sink in sink.write(bytes: content) }
        } catch {
            throw LedgerInput.fail(error.diagnostic(at: locator.origin(option: "--into", value: into)))
        }
        Console.out("imported \(summary) into \(into); \(already)")
        if !after.isEmpty {
            Console.error("grantledger: note: the books have \(after.count) finding\(after.count == 1 ? "" : "s"); `grantledger check` lists them")
        }
    }

    private func stopOnErrors(_ diagnostics: [Diagnostic]) throws {
        guard ExitStatus(diagnostics) == .badInput else { return }
        Console.error(Run.report(diagnostics))
        throw ExitCode(ExitStatus.badInput.rawValue)
    }

    /// A new ledger file is fine when a books folder will find it.
    static func isInsideFolder(_ path: String, of books: [String]) -> Bool {
        guard path.hasSuffix(".ledger") else { return false }
        let target = FilePaths.canonical(path)
        return books.contains { book in
            let folder = FilePaths.canonical(book)
            guard FilePaths.isFolder(book), FilePaths.isInside(target, folder), target != folder else { return false }
            // The folder walk skips hidden folders: a ledger written in one would never be read.
            let inner = target.dropFirst(folder.count + 1).split(separator: "/").dropLast()
            return !inner.contains { $0.hasPrefix(".") }
        }
    }
}
