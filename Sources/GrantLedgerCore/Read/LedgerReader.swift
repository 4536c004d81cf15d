import Foundation

/// Reads ledger files and folders into one `Ledger`, collecting every reading problem.
///
/// A folder means every `.ledger` file under it, in path order. Each file is read once, however it
/// is reached: named, found in a folder, or included.
public enum LedgerReader {
    public static func read(paths: [String]) -> (ledger: Ledger, diagnostics: [Diagnostic]) {
        read(paths: paths, replacing: [:])
    }

    /// Reads the books as they would be if each file named in `replacing` held the content of the
    /// file it maps to (a temporary file), while diagnostics still name the real file: how `import`
    /// checks the books it is about to write before it renames anything into place. A replaced file
    /// need not exist yet.
    public static func read(paths: [String], replacing: [String: String]) -> (ledger: Ledger, diagnostics: [Diagnostic]) {
        let parser = LedgerParser()
        let session = ReadSession(parser: parser)
        for (file, replacement) in replacing { session.replacements[canonicalPath(file)] = replacement }
        let files = paths.flatMap { path in
            session.replacements[canonicalPath(path)] != nil ? [path] : expand(path, into: &parser.diagnostics)
        }
        reserveCapacity(parser, forFiles: files)
        for file in files {
            session.read(file: file, includedFrom: nil)
        }
        parser.resolve()
        parser.ledger.files = session.filesRead
        return (parser.ledger, parser.diagnostics)
    }

    /// Reads ledger text given directly (tests, and ledgers piped in), as if from a file called `name`.
    public static func read(text: String, name: String = "<text>") -> (ledger: Ledger, diagnostics: [Diagnostic]) {
        let parser = LedgerParser()
        parser.file = name
        var number = 0
        var copy = text
        copy.withUTF8 { bytes in
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != ASCII.newline { end += 1 }
                if end == bytes.count && start == end { break }
                number += 1
                var lineEnd = end
                if lineEnd > start && bytes[lineEnd - 1] == ASCII.carriageReturn { lineEnd -= 1 }
                parser.read(line: UnsafeBufferPointer(rebasing: bytes[start..<lineEnd]), number: number)
                if let request = parser.includeRequest {
                    parser.includeRequest = nil
                    parser.diagnostics.append(Diagnostic(
                        .includeNotFound, "cannot include \(request.path) from text", hint: "read ledgers with includes from files",
                        at: request.location, length: request.length, excerpt: request.excerpt))
                }
                start = end + 1
            }
        }
        parser.endBlock()
        parser.resolve()
        parser.ledger.files = [name]
        return (parser.ledger, parser.diagnostics)
    }

    /// Reserves room for the postings and transactions the files probably hold (about one posting per
    /// 50 bytes), so a large ledger is not copied as its arrays grow. Untouched reserve costs address
    /// space, not memory.
    static func reserveCapacity(_ parser: LedgerParser, forFiles files: [String]) {
        var bytes = 0
        for file in files {
            if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int { bytes += size }
        }
        parser.ledger.postings.reserveCapacity(bytes / 50)
        parser.ledger.transactions.reserveCapacity(bytes / 150)
    }

    static func expand(_ path: String, into diagnostics: inout [Diagnostic]) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            diagnostics.append(Diagnostic(.fileNotFound, "no such file or folder: \(path)",
                                          hint: "name a .ledger file or a folder of them; the default is ledgers/"))
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".ledger") { files.append(join(path, relative)) }
        }
        return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// One spelling per file, so that a file reached two ways is read once.
    static func canonicalPath(_ file: String) -> String {
        URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func join(_ directory: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        if directory.isEmpty || directory == "." { return relative }
        return directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }
}

/// The files read so far and the include chain, so each file is read once and cycles are caught.
private final class ReadSession {
    let parser: LedgerParser
    var filesRead: [String] = []
    var seen: Set<String> = []
    var stack: [String] = []
    /// Files to read from elsewhere, by canonical path (see `LedgerReader.read(paths:replacing:)`).
    var replacements: [String: String] = [:]

    init(parser: LedgerParser) { self.parser = parser }

    func read(file: String, includedFrom: (path: String, location: SourceLocation, excerpt: String, length: Int)?) {
        let key = LedgerReader.canonicalPath(file)
        if stack.contains(key), let from = includedFrom {
            parser.diagnostics.append(Diagnostic(
                .includeCycle, "including \(from.path) here would loop: it is already being read",
                hint: "chain: \((stack + [key]).map { ($0 as NSString).lastPathComponent }.joined(separator: " → "))",
                at: from.location, length: from.length, excerpt: from.excerpt))
            return
        }
        if seen.contains(key) { return }
        var isDirectory: ObjCBool = false
        if let from = includedFrom, replacements[key] == nil, FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory),
           isDirectory.boolValue {
            parser.diagnostics.append(Diagnostic(
                .includeNotFound, "cannot include \(from.path): it is a folder", hint: "include names one .ledger file",
                at: from.location, length: from.length, excerpt: from.excerpt))
            return
        }
        guard let reader = ChunkedLineReader(path: replacements[key] ?? file) else {
            if let from = includedFrom {
                parser.diagnostics.append(Diagnostic(
                    .includeNotFound, "cannot read \(from.path)", hint: "paths in include are relative to the including file",
                    at: from.location, length: from.length, excerpt: from.excerpt))
            } else {
                parser.diagnostics.append(Diagnostic(.fileNotFound, "cannot read \(file)", hint: "check the path and its permissions"))
            }
            return
        }
        seen.insert(key)
        stack.append(key)
        filesRead.append(file)
        let savedFile = parser.file
        parser.file = file
        let directory = (file as NSString).deletingLastPathComponent
        var includes: [(path: String, location: SourceLocation, excerpt: String, length: Int)] = []
        do {
            try reader.forEachLine { bytes, number in
                parser.read(line: bytes, number: number)
                if let request = parser.includeRequest {
                    parser.includeRequest = nil
                    includes.append(request)
                    // Read the included file now, so its declarations and transactions come in order.
                    let included = LedgerReader.join(directory, request.path)
                    self.read(file: included, includedFrom: request)
                    parser.file = file
                }
            }
        } catch {
            if let from = includedFrom {
                parser.diagnostics.append(Diagnostic(
                    .includeNotFound, "cannot read \(from.path) to the end", hint: "check the file and its permissions",
                    at: from.location, length: from.length, excerpt: from.excerpt))
            } else {
                parser.diagnostics.append(Diagnostic(.fileNotFound, "cannot read \(file) to the end",
                                                     hint: "check the file and its permissions"))
            }
        }
        parser.endBlock()
        parser.file = savedFile
        stack.removeLast()
    }
}
