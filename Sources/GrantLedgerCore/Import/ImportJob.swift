/// The whole of `import`: read the rules, the books (once) and the export; plan what is new; put the
/// new transactions after the ledger's bytes as they were read; check the books as they will be, in
/// memory; and only then write the ledger (atomically), unless it is a dry run. Nothing is written
/// when anything is wrong, and a problem the checks find in the new text is shown at the export row
/// it came from. The command only words the outcome.
public struct ImportJob: Sendable {
    /// The finance-system export, its rules, the ledger to append to, and the books it belongs to.
    public var export: String
    public var rules: String
    public var into: String
    public var books: [String]
    public var dryRun: Bool
    /// Where each was named (the command line), so problems with them are shown in place.
    public var exportOrigin: SettingOrigin?
    public var rulesOrigin: SettingOrigin?
    public var intoOrigin: SettingOrigin?

    public init(export: String, rules: String, into: String, books: [String], dryRun: Bool,
                exportOrigin: SettingOrigin? = nil, rulesOrigin: SettingOrigin? = nil, intoOrigin: SettingOrigin? = nil) {
        self.export = export
        self.rules = rules
        self.into = into
        self.books = books
        self.dryRun = dryRun
        self.exportOrigin = exportOrigin
        self.rulesOrigin = rulesOrigin
        self.intoOrigin = intoOrigin
    }

    /// Why nothing was written, besides the diagnostics themselves.
    public enum Refusal: Sendable, Equatable {
        /// The rules, the export or the options are wrong (or a file changed under us).
        case input
        /// The books had errors before the import.
        case booksHaveErrors
        /// The books would have errors after it.
        case booksWouldNotCheck
    }

    /// What was found and added, for the command's last line.
    public struct Counts: Sendable, Equatable {
        public var transactions = 0
        public var rowsToAdd = 0
        public var rowsAlreadyImported = 0
        /// Rows the rules skip.
        public var rowsSkipped = 0
    }

    public enum Outcome: Sendable {
        /// Nothing written; the problems (an empty list: nothing to show) and why.
        case refused([Diagnostic], Refusal)
        /// Every row is already in the ledger or skipped.
        case nothingNew(Counts)
        /// A dry run: the text that would be appended.
        case wouldImport(block: String, Counts)
        /// Written; `findings` is how many findings the books have after it.
        case imported(Counts, findings: Int)
    }

    public func run(sources: SourceFiles) -> Outcome {
        // Two imports into one folder at once would each append to the ledger as it was before the
        // other: hold the folder's lock from reading the books to renaming the new file. A dry run
        // writes nothing, so it needs no lock.
        let intoFolder = FilePaths.split(FilePaths.canonical(into)).directory
        let lock = dryRun ? nil : FolderLock(intoFolder)
        if !dryRun && lock == nil && FilePaths.isFolder(intoFolder) {
            return .refused([Diagnostic(.writeFailed, "another program has held the lock on the folder of \(into) for \(FolderLock.patience) seconds",
                                        hint: "wait for the other import to finish, then try again; nothing was written")], .input)
        }
        return withExtendedLifetime(lock) {
            switch plan(sources) {
            case .failure(let ended): return ended.outcome
            case .success(let planned): return finish(planned, sources)
            }
        }
    }

    /// What the reading found: the books, the rows to add and the rules to write them with.
    struct Planned {
        var plan: ImportPlan
        var paidFrom: String
        var counts: Counts
        var intoExists: Bool
    }

    /// Reads the rules, the books and the export, and decides what is new.
    func plan(_ sources: SourceFiles) -> Result<Planned, Ended> {
        let (rulesRead, rulesProblems) = ImportRulesReader.read(path: rules, sources: sources, origin: rulesOrigin)
        if ExitStatus(rulesProblems) == .badInput { return .failure(Ended(rulesProblems, .input)) }
        let (ledger, bookProblems) = LedgerLoader.load(paths: books, sources: sources)
        if ExitStatus(bookProblems) == .badInput { return .failure(Ended(bookProblems, .booksHaveErrors)) }

        var problems: [Diagnostic] = []
        let intoKey = FilePaths.canonical(into)
        let intoExists = FilePaths.exists(into)
        if intoExists ? !ledger.files.contains(where: { FilePaths.canonical($0) == intoKey }) : !Self.isInsideFolder(into, of: books) {
            let message = intoExists ? "\(into) is not one of the books read (\(books.joined(separator: " ")))"
                : "\(into) does not exist and is not in a folder of the books (\(books.joined(separator: " ")))"
            problems.append(Diagnostic(.badValue, message, hint: "name a ledger file the books include, or a new .ledger file inside a books folder",
                                       origin: intoOrigin))
        }
        let reading = FinanceExport.read(path: export, rules: rulesRead, sources: sources, origin: exportOrigin)
        problems += reading.diagnostics
        problems += rulesRead.problems(against: ledger, rows: reading.rows)
        if ExitStatus(problems) == .badInput { return .failure(Ended(problems, .input)) }

        let plan = ImportPlan.make(rows: reading.rows, rules: rulesRead, ledger: ledger)
        if ExitStatus(plan.diagnostics) == .badInput { return .failure(Ended(plan.diagnostics, .input)) }
        let counts = Counts(transactions: plan.transactions.count, rowsToAdd: plan.rowsToAdd,
                            rowsAlreadyImported: plan.rowsAlreadyImported, rowsSkipped: reading.skipped)
        guard !plan.transactions.isEmpty else { return .failure(Ended(.nothingNew(counts))) }
        // The rules reader refuses rules without a paying account; this only keeps the type honest.
        guard let paidFrom = rulesRead.paidFrom?.value else { return .failure(Ended([], .input)) }
        return .success(Planned(plan: plan, paidFrom: paidFrom, counts: counts, intoExists: intoExists))
    }

    /// An outcome that ends the job before anything is spliced (refused, or nothing new), as a `Result`'s failure.
    struct Ended: Error {
        let outcome: Outcome
        init(_ outcome: Outcome) { self.outcome = outcome }
        init(_ diagnostics: [Diagnostic], _ refusal: Refusal) { outcome = .refused(diagnostics, refusal) }
    }

    /// Splices the new transactions after the ledger's bytes, checks the books as they will be and
    /// writes the ledger.
    func finish(_ planned: Planned, _ sources: SourceFiles) -> Outcome {
        // The ledger as it was read (the very bytes checked).
        var read: SourceFile?
        if planned.intoExists {
            read = sources.file(atPath: into)
            if read == nil {
                return .refused([Diagnostic(.readFailed, "\(into) changed while it was being read (it is not the file the books were read from)",
                                            hint: "run the import again; nothing was written")], .input)
            }
        }
        // A large ledger left on disk is read whole again here, checked unchanged since it was read.
        let bytes: [UInt8]
        do throws(FileError) { bytes = try read?.wholeBytes() ?? [] } catch { return .refused([error.diagnostic], .input) }
        let spliced = Splice(bytes, planned, source: export)

        // Check the books as they will be, in memory and through a copy of the door (the caller's
        // still reads the ledger as it is on disk): nothing is written until they pass, and a dry
        // run writes nothing anywhere.
        let asTheyWillBe = sources.copy()
        asTheyWillBe.replace(into, with: spliced.content)
        let after = LedgerLoader.load(paths: books + [into], sources: asTheyWillBe).diagnostics
        let errors = after.filter { $0.severity == .error }
        if !errors.isEmpty { return .refused(spliced.relocated(errors, into: into, planned.plan), .booksWouldNotCheck) }
        if dryRun { return .wouldImport(block: spliced.block, planned.counts) }
        let changed = FileError(.writeFailed, "\(into) was changed by another program while the import ran",
                                hint: "run the import again, so that change is kept; nothing was written")
        if let read, !read.isUnchangedOnDisk { return .refused([changed.diagnostic], .input) }
        do throws(FileError) {
            // Asked again just before the new ledger replaces it: writing a large one takes a while.
            try OutputFile.write(to: into, unless: { read.map { $0.isUnchangedOnDisk } == false ? changed : nil }) { sink in
                sink.write(bytes: spliced.content)
            }
        } catch {
            return .refused([error.diagnostic(at: intoOrigin)], .input)
        }
        return .imported(planned.counts, findings: after.count)
    }

    /// The ledger's bytes with the new transactions after them, a blank line between, and which
    /// lines of the new text came from which export rows.
    struct Splice {
        var content: [UInt8]
        var block: String
        var firstBlockLine: Int
        var ranges: [(range: ClosedRange<Int>, transaction: Int)]

        init(_ old: [UInt8], _ planned: Planned, source: String) {
            content = old
            if let last = content.last, last != 0x0A { content.append(0x0A) }
            let oldLines = SourceFile(name: "", bytes: content).lineCount
            if !content.isEmpty { content.append(0x0A) }
            firstBlockLine = oldLines + (content.isEmpty ? 1 : 2)
            let (text, lines) = ImportedTransactionWriter.text(planned.plan.transactions, paidFrom: planned.paidFrom, source: source)
            block = text
            ranges = lines.map { ($0.range, $0.transaction) }
            content += Array(text.utf8)
        }

        /// A problem the checks find in the new text, shown at the export row it came from; one in
        /// the new text that no row made carries its line, since the caller's door holds the ledger
        /// as it is on disk, without that text.
        func relocated(_ diagnostics: [Diagnostic], into: String, _ plan: ImportPlan) -> [Diagnostic] {
            let intoKey = FilePaths.canonical(into)
            let spliced = SourceFile(name: into, bytes: content)
            return diagnostics.map { diagnostic in
                guard let location = diagnostic.location, FilePaths.canonical(location.file) == intoKey,
                      location.line >= firstBlockLine else { return diagnostic }
                let blockLine = location.line - firstBlockLine + 1
                guard let range = ranges.first(where: { $0.range.contains(blockLine) }) else {
                    return Diagnostic(diagnostic.code, diagnostic.message, hint: diagnostic.hint, at: location,
                                      length: diagnostic.length, excerpt: spliced.line(location.line))
                }
                let row = plan.transactions[range.transaction].rows[0]
                return Diagnostic(diagnostic.code, "after importing this row: \(diagnostic.message)", hint: diagnostic.hint,
                                  at: row.location, length: 1)
            }
        }
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
