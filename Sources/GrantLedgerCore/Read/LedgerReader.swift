import Foundation

/// Reads ledger files and folders into one `Ledger`, collecting every reading problem.
///
/// A folder means every `.ledger` file under it, in path order. Each file comes in once through the
/// run's `SourceFiles`, however it is reached: named, found in a folder, or included; an include
/// must stay inside the tree of the paths named (see `InputPolicy`).
public enum LedgerReader {
    /// Reads the books at `paths` through `sources` (whose replacements stand in for files on disk:
    /// how `import` checks the books as they will be before it writes anything), telling `progress`
    /// how many bytes there are to read and, a window at a time, how many are read.
    public static func read(paths: [String], sources: SourceFiles = SourceFiles(),
                            progress: WorkProgress? = nil) -> (ledger: Ledger, diagnostics: [Diagnostic]) {
        read(paths: paths, sources: sources, splitting: .standard, progress: progress)
    }

    /// Reads as `read(paths:sources:)` does, with large files cut into ranges as `splitting` says
    /// (tests make the cut happen on small files to show that it changes nothing).
    static func read(paths: [String], sources: SourceFiles = SourceFiles(),
                     splitting: FileSplitting, progress: WorkProgress? = nil) -> (ledger: Ledger, diagnostics: [Diagnostic]) {
        let parser = LedgerParser()
        parser.diagnostics = DiagnosticLog(limit: sources.policy.maximumProblems)
        let session = ReadSession(parser: parser, splitting: splitting, sources: sources, progress: progress)
        var files: [String] = []
        for path in paths {
            if sources.isReplaced(path) {
                sources.addRoot(for: path, isFolder: false)
                files.append(path)
                continue
            }
            switch LedgerFolder.expand(path, maximumEntries: sources.policy.maximumFolderEntries,
                                      raise: sources.policy.wording.phrase(.maximumFolderEntries)) {
            case .success(let found):
                sources.addRoot(for: path, isFolder: found.isFolder)
                guard found.isFolder else {
                    files += found.files
                    continue
                }
                // A link found in the folder is held to the rule an include is: it may not lead out
                // of the folder named (a `.ledger` link to /etc/shadow must not be read and shown).
                let root = FilePaths.canonical(path)
                for file in found.files {
                    let canonical = FilePaths.canonical(file)
                    if sources.policy.includesAnywhere || FilePaths.isInside(canonical, root) {
                        files.append(file)
                    } else {
                        parser.diagnostics.append(FileError(
                            .includeOutsideTree, "\(file) is a link that leads outside the folder \(path)",
                            hint: "keep the books' files inside the folder you name, or \(sources.policy.wording.phrase(.includesAnywhere))").diagnostic)
                    }
                }
            case .failure(let problem):
                parser.diagnostics.append(problem.diagnostic)
            }
        }
        // Read the named files first, so their size tells how much room the ledger needs (and how
        // much there is to read: each file once, however often it is named).
        let opened = files.compactMap { try? sources.open($0, role: "ledger", leaveOnDiskFrom: splitting.minimumSize) }
        reserveCapacity(parser, forBytes: opened.reduce(0) { $0 + $1.byteCount })
        if let progress {
            var counted = Set<ObjectIdentifier>()
            progress.report(.reading(bytes: opened.reduce(0) { counted.insert(ObjectIdentifier($1)).inserted ? $0 + $1.byteCount : $0 }))
        }
        for file in files {
            session.read(file: file, includedFrom: nil)
        }
        parser.resolve()
        if let problem = parser.amountLimit.totalProblem("the books") { parser.diagnostics.append(problem) }
        parser.ledger.files = session.filesRead
        // A file left on disk that could not be read to the end, or was changed while it was read:
        // what was parsed of it is a mixture or a part, so nothing of the books is given, only why.
        let unread = session.sourcesRead.compactMap(\.readProblem)
        if !unread.isEmpty { return (Ledger(), unread.map(\.diagnostic)) }
        return (parser.ledger, parser.diagnostics.all)
    }

    /// Reads ledger text given directly (tests, and ledgers piped in), as if from a file called `name`.
    public static func read(text: String, name: String = "<text>", sources: SourceFiles = SourceFiles()) -> (ledger: Ledger, diagnostics: [Diagnostic]) {
        let parser = LedgerParser()
        parser.diagnostics = DiagnosticLog(limit: sources.policy.maximumProblems)
        parser.file = name
        let source = sources.add(text: text, name: name)
        source.forEachLine { line, number, isCleanText in
            parser.read(line: line, number: number, isCleanText: isCleanText)
            if let request = parser.includeRequest {
                parser.includeRequest = nil
                parser.diagnostics.append(Diagnostic(
                    .includeNotFound, "cannot include \(request.path) from text", hint: "read ledgers with includes from files",
                    at: request.location, length: request.length, excerpt: request.excerpt))
            }
            return true
        }
        parser.endBlock()
        parser.resolve()
        if let problem = parser.amountLimit.totalProblem("the books") { parser.diagnostics.append(problem) }
        parser.ledger.files = [name]
        return (parser.ledger, parser.diagnostics.all)
    }

    /// Reserves room for the postings and transactions the files probably hold (about one posting per
    /// 50 bytes), so a large ledger is not copied as its arrays grow. Untouched reserve costs address
    /// space, not memory.
    static func reserveCapacity(_ parser: LedgerParser, forBytes bytes: Int) {
        parser.ledger.postings.reserveCapacity(bytes / 50)
        parser.ledger.transactions.reserveCapacity(bytes / 150)
        SystemCalls.preferHugePages(forCapacityOf: &parser.ledger.postings)
        SystemCalls.preferHugePages(forCapacityOf: &parser.ledger.transactions)
        parser.ledger.texts.reserveCapacity(bytes: bytes / 5, texts: bytes / 100)
    }
}

/// When a file is large enough to be cut into ranges read on several threads at once (see
/// `ReadSession.readSplit`).
struct FileSplitting: Sendable {
    /// Files smaller than this are read in one pass: cutting costs a count of their lines and a merge.
    var minimumSize: Int
    /// At most this many ranges (and threads) per file.
    var maximumRanges: Int
    /// How many transactions or postings a range's parser keeps per block (see `BlockStore`).
    var blockSize: Int

    /// One range per core, for files of 8 MiB and more. `GRANTLEDGER_READ_THREADS=1` in the
    /// environment reads every file in one pass (for profiling, or to leave the other cores free).
    static var standard: FileSplitting {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let asked = ProcessInfo.processInfo.environment["GRANTLEDGER_READ_THREADS"].flatMap { Int($0) }
        return FileSplitting(minimumSize: 8 << 20, maximumRanges: max(1, min(asked ?? cores, 8)), blockSize: 1 << 16)
    }

    /// The ranges to read `file` in, or nil to read it in one pass.
    func ranges(of file: SourceFile) -> [FileRange]? {
        guard maximumRanges > 1, file.byteCount >= minimumSize else { return nil }
        let ranges = FileSplitter.ranges(of: file, count: maximumRanges)
        return ranges.count > 1 ? ranges : nil
    }
}

/// The files read so far and the include chain, so each file is read once and cycles are caught.
final class ReadSession {
    let parser: LedgerParser
    let splitting: FileSplitting
    let sources: SourceFiles
    let progress: WorkProgress?
    var filesRead: [String] = []
    /// The files read, each once: a file left on disk is asked after reading whether it read whole.
    var sourcesRead: [SourceFile] = []
    var seen: Set<String> = []
    var stack: [String] = []

    init(parser: LedgerParser, splitting: FileSplitting, sources: SourceFiles, progress: WorkProgress? = nil) {
        self.parser = parser
        self.splitting = splitting
        self.sources = sources
        self.progress = progress
    }

    /// What `SourceFile.forEachLine` tells of the bytes it parsed, passed on to `progress`.
    var parsedBytes: ((Int) -> Void)? {
        progress.map { progress in { progress.report(.parsed(bytes: $0)) } }
    }

    typealias IncludeRequest = (path: String, location: SourceLocation, excerpt: String, length: Int)

    /// Includes nest at most this deep: each level is a frame on the reading thread's stack, and a
    /// chain of thousands of files would overflow it.
    static let maximumIncludeDepth = 64

    func read(file: String, includedFrom: IncludeRequest?) {
        let key = FilePaths.canonical(file)
        if stack.contains(key), let from = includedFrom {
            parser.diagnostics.append(Diagnostic(
                .includeCycle, "including \(from.path) here would loop: it is already being read",
                hint: "chain: \((stack + [key]).map { FilePaths.lastComponent($0) }.joined(separator: " → "))",
                at: from.location, length: from.length, excerpt: from.excerpt))
            return
        }
        if seen.contains(key) { return }
        if let from = includedFrom, stack.count >= Self.maximumIncludeDepth {
            parser.diagnostics.append(Diagnostic(
                .includeTooDeep, "including \(from.path) here would nest includes more than \(Self.maximumIncludeDepth) deep",
                hint: "the chain starts at \(stack.first.map(FilePaths.lastComponent) ?? from.location.file); include the files from one main ledger instead",
                at: from.location, length: from.length, excerpt: from.excerpt))
            return
        }
        if let from = includedFrom, let refusal = sources.includeRefusal(written: from.path, canonical: key) {
            parser.diagnostics.append(refusal.diagnostic(at: from.location, length: from.length, excerpt: from.excerpt))
            return
        }
        if let from = includedFrom, FilePaths.isFolder(file), !sources.isReplaced(file) {
            parser.diagnostics.append(Diagnostic(
                .includeNotFound, "cannot include \(from.path): it is a folder", hint: "include names one .ledger file",
                at: from.location, length: from.length, excerpt: from.excerpt))
            return
        }
        let source: SourceFile
        do {
            source = try sources.open(file, role: includedFrom == nil ? "ledger" : "ledger (included)", leaveOnDiskFrom: splitting.minimumSize)
        } catch {
            if let from = includedFrom {
                if error.code == .fileNotFound {
                    parser.diagnostics.append(Diagnostic(
                        .includeNotFound, "cannot read \(from.path)", hint: "paths in include are relative to the including file",
                        at: from.location, length: from.length, excerpt: from.excerpt))
                } else {
                    parser.diagnostics.append(error.diagnostic(at: from.location, length: from.length, excerpt: from.excerpt))
                }
            } else {
                parser.diagnostics.append(error.diagnostic)
            }
            return
        }
        seen.insert(key)
        // The files named were counted before any was read; an include adds its size when it is reached.
        if includedFrom != nil { progress?.report(.reading(bytes: source.byteCount)) }
        stack.append(key)
        filesRead.append(file)
        sourcesRead.append(source)
        let savedFile = parser.file
        parser.file = file
        // Includes are relative to the file itself: through a symlink, to the folder of its target.
        let directory = FilePaths.directory(of: (try? FilePaths.followingLinks(file)) ?? file)
        // Only files named or found in a folder are cut: an included file is read where it is
        // included, possibly while other threads read the rest of the file that includes it.
        if includedFrom == nil, let ranges = splitting.ranges(of: source) {
            readSplit(source, ranges: ranges, directory: directory)
        } else {
            readLines(source, in: nil, firstLine: 1, directory: directory)
        }
        parser.endBlock()
        parser.file = savedFile
        stack.removeLast()
    }

    /// Feeds the lines of `range` of `source` to the parser, reading each included file where its
    /// `include` stands, so its declarations and transactions come in order.
    func readLines(_ source: SourceFile, in range: Range<Int>?, firstLine: Int, directory: String) {
        source.forEachLine(in: range, firstLine: firstLine, parsed: parsedBytes) { bytes, number, isCleanText in
            parser.read(line: bytes, number: number, isCleanText: isCleanText)
            if let request = parser.includeRequest {
                parser.includeRequest = nil
                self.read(file: FilePaths.join(directory, request.path), includedFrom: request)
                parser.file = source.name
            }
            return true
        }
    }
}
