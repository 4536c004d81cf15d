import Crypto
import Dispatch
import Foundation

/// One input file, read once: its bytes (converted to UTF-8 when its rules name another encoding),
/// the SHA-256 of the bytes as saved, where its lines start, and the decision about its encoding. Every reader (ledgers and includes, scenarios, area data,
/// last year's allocation, import rules, finance exports, statements) parses these bytes; the
/// diagnostic renderer shows lines from them and the Provenance sheet lists their hash, so what is
/// shown and what was parsed are the same bytes, and what is hashed is the file they came from, even
/// if it changes on disk while the command runs.
///
/// A large ledger (8 MiB and more, `FileSplitting.minimumSize`) is the exception: its bytes are left
/// on disk and read a window at a time through the descriptor it was opened by (`DiskBytes`), so
/// a million transactions do not hold 220 MB of text beside the books made from it; the lines a
/// problem shows are read again from that descriptor, and a file changed where it lies while the
/// command runs is never accepted: it is a `read-failed` error (`readProblem`), and no line of it
/// is shown once it has changed.
///
/// Made by `SourceFiles` (the one door), or from text in memory (tests, and the ledger `import` is
/// about to write, checked before it is written).
public final class SourceFile: @unchecked Sendable {
    // @unchecked: everything is immutable except the caches and the hashing under way, which `lock` guards.

    /// The path as the user wrote it (or as an include resolved it): what every location shows.
    public let name: String
    /// The path with `.`/`..` and symlinks resolved: how two spellings of one file are told apart.
    /// Nil for text held in memory.
    public let canonicalPath: String?
    /// Every byte of the file, a byte-order mark included; for a converted file, its UTF-8 (after a
    /// UTF-8 byte-order mark when it came from UTF-16). For a large ledger left on disk (`disk`),
    /// the file read again whole, or nothing if it cannot be: the readers go by `forEachLine`, and
    /// the one that wants every byte to write them back (`import`) asks `wholeBytes()`, which says why not.
    public var bytes: [UInt8] { disk.map { (try? $0.whole()) ?? [] } ?? held }
    let held: [UInt8]
    /// A large ledger's bytes, left on disk and read a window at a time (see `DiskBytes`); nil when
    /// `held` has them all.
    let disk: DiskBytes?
    /// Where the content starts: 3 after a UTF-8 byte-order mark, else 0.
    public let contentStart: Int

    /// Which file on disk, and which version of it, the bytes were read from (nil in memory).
    let identity: FileIdentity?
    /// The encoding the file was converted from (`encoding windows-1252` in an export's rules); nil
    /// when `bytes` are the file's own.
    public let convertedFrom: TextEncoding?
    /// The size of the file as saved: of the bytes before any conversion, as `ls -l` shows it.
    public let sizeOnDisk: Int

    private let lock = NSLock()
    private var cachedDigest: String?
    /// Set while the digest is being worked out on another thread (`startHashing`).
    private var hashing: DispatchGroup?
    private var cachedLineStarts: [Int]?

    /// `convertedFrom` gives the encoding and the bytes as saved, when `bytes` are their conversion
    /// to UTF-8: the hash and size are of the saved bytes, which `sha256sum` and `ls -l` see.
    init(name: String, canonicalPath: String?, bytes: [UInt8], identity: FileIdentity? = nil,
         convertedFrom: (encoding: TextEncoding, saved: [UInt8])? = nil) {
        self.name = name
        self.canonicalPath = canonicalPath
        self.held = bytes
        self.disk = nil
        self.identity = identity
        self.contentStart = Encoding.hasUTF8ByteOrderMark(bytes) ? 3 : 0
        self.convertedFrom = convertedFrom?.encoding
        self.sizeOnDisk = convertedFrom?.saved.count ?? bytes.count
        if let saved = convertedFrom?.saved { cachedDigest = Self.sha256(of: saved) }
    }

    /// A large ledger left on disk, whose first bytes (`head`) were looked at when it was opened.
    init(name: String, canonicalPath: String, disk: DiskBytes, head: [UInt8]) {
        self.name = name
        self.canonicalPath = canonicalPath
        self.held = []
        self.disk = disk
        self.identity = disk.identity
        self.contentStart = Encoding.hasUTF8ByteOrderMark(head) ? 3 : 0
        self.convertedFrom = nil
        self.sizeOnDisk = disk.size
    }

    /// Every byte, or why they cannot be had: for a file left on disk, read again and checked
    /// unchanged (see `bytes`).
    public func wholeBytes() throws(FileError) -> [UInt8] {
        guard let disk else { return held }
        return try disk.whole()
    }

    /// The first problem met reading a file left on disk (a failed read, a file changed while it
    /// was read), checked for a change once more now; nil for a file held whole, or when none.
    public var readProblem: FileError? {
        guard let disk else { return nil }
        try? disk.checkUnchanged()
        return disk.problem
    }

    /// Text held in memory, read as if from a file called `name`.
    public convenience init(name: String, text: String) {
        self.init(name: name, canonicalPath: nil, bytes: Array(text.utf8))
    }

    /// Bytes held in memory, read as if from a file called `name`.
    public convenience init(name: String, bytes: [UInt8]) {
        self.init(name: name, canonicalPath: nil, bytes: bytes)
    }

    public var byteCount: Int { disk?.size ?? held.count }

    /// The bytes after any byte-order mark.
    public var content: ArraySlice<UInt8> {
        let all = bytes
        return all.count >= contentStart ? all[contentStart...] : all[...]
    }

    /// The SHA-256 of the bytes as saved, in lower-case hex as `sha256sum` prints it; computed once, on first use.
    public var sha256: String {
        lock.lock()
        if let cachedDigest {
            lock.unlock()
            return cachedDigest
        }
        if let hashing {
            lock.unlock()
            hashing.wait()
            return self.sha256
        }
        defer { lock.unlock() }
        let hex = digest()
        cachedDigest = hex
        return hex
    }

    /// The SHA-256 of the bytes, held or read a window at a time from disk: from the descriptor the
    /// file was parsed through, so the same file, and looked at for a change after. A read that
    /// fails, or a change, is noted in `readProblem`, which whoever shows the hash must look at
    /// (`CommitteeWorkbookFile.fingerprints` does): the digest of a file that could not be read
    /// whole is of no bytes the figures came from.
    private func digest() -> String {
        guard let disk else { return Self.sha256(of: held) }
        var hasher = SHA256()
        disk.forEachWindow(0..<disk.size) { window, _ in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(window))
            return true
        }
        try? disk.checkUnchanged()
        return Self.hex(hasher.finalize())
    }

    /// Starts working out `sha256` on a thread of its own (a thread, not a task on a shared pool,
    /// which the parallel reader's waiting threads could leave it queued behind); `sha256` waits
    /// for it. Nothing happens if the digest is known or already being worked out.
    func startHashing() {
        lock.lock()
        defer { lock.unlock() }
        guard cachedDigest == nil, hashing == nil else { return }
        let group = DispatchGroup()
        group.enter()
        hashing = group
        Thread {
            let hex = self.digest()
            self.lock.withLock {
                self.cachedDigest = hex
                self.hashing = nil
            }
            group.leave()
        }.start()
    }

    /// The SHA-256 of `bytes` in lower-case hex (swift-crypto's, over BoringSSL).
    public static func sha256(of bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The offset of the first byte of each line (line 1 at index 0), found on first use: only a
    /// file with problems to show needs them.
    public var lineStarts: [Int] {
        if let cached = lock.withLock({ cachedLineStarts }) { return cached }
        // Found outside the lock: for a file left on disk it is a read of the whole file, which
        // must not hold up the digest; two threads asking at once find the same starts.
        var starts = [contentStart]
        let size = byteCount
        func add(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) {
            guard let base = buffer.baseAddress else { return }
            var index = offset == 0 ? contentStart : 0
            while index < buffer.count, let found = memchr(base + index, Int32(ASCII.newline), buffer.count - index) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                if offset + index < size { starts.append(offset + index) }
            }
        }
        if let disk {
            // A read that fails leaves the starts found so far, not kept: the lines after are not shown.
            guard disk.forEachWindow(0..<size, { window, offset in
                add(window, at: offset)
                return true
            }) else { return starts }
        } else {
            held.withUnsafeBufferPointer { add($0, at: 0) }
        }
        lock.withLock { cachedLineStarts = starts }
        return starts
    }

    /// Line `number` (1-based) as text, without its line end; nil past the last line, or, for a
    /// file left on disk, when it can no longer be read as it was.
    public func line(_ number: Int) -> String? {
        let starts = lineStarts
        guard number >= 1, number <= lineCount else { return nil }
        let start = starts[number - 1]
        let end = number < starts.count ? starts[number] : byteCount
        let bytes: [UInt8]
        if let disk {
            // Looked at before and after: a change made while the line was read shows no line at all.
            guard (try? disk.checkUnchanged()) != nil, let read = try? disk.bytes(start..<end), (try? disk.checkUnchanged()) != nil
            else { return nil }
            bytes = read
        } else {
            bytes = Array(held[start..<end])
        }
        var length = bytes.count
        if length > 0 && bytes[length - 1] == ASCII.newline { length -= 1 }
        if length > 0 && bytes[length - 1] == ASCII.carriageReturn { length -= 1 }
        return String(decoding: bytes[..<length], as: UTF8.self)
    }

    /// Whether the file on disk is still the one these bytes were read from (same file, size and
    /// modification time): `import` checks this before it replaces a ledger, so an edit made while
    /// it ran is not lost.
    public var isUnchangedOnDisk: Bool {
        guard let identity, let path = canonicalPath, let now = SystemCalls.status(path) else { return identity == nil }
        return FileIdentity(now) == identity
    }

    /// The number of lines (a final line end does not start another).
    public var lineCount: Int { byteCount == contentStart ? 0 : lineStarts.count }
}

/// The encoding decision, made once for every input: UTF-8, with or without a byte-order mark. A
/// file that says it is UTF-16 or UTF-32 (by its mark, or by the zero bytes of ASCII text in it) is
/// refused by name, at line 1, rather than read as nonsense line by line.
enum Encoding {
    static func hasUTF8ByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// Whether the bytes have line ends but none is a `\n`: a file saved with classic Mac OS line
    /// ends, which would otherwise read as one long line (or one long comment).
    static func endsLinesWithCarriageReturnsAlone(_ bytes: [UInt8]) -> Bool {
        // The newline first: an ordinary file has one in its first line, so nothing else is scanned.
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, memchr(base, Int32(ASCII.newline), buffer.count) == nil else { return false }
            return memchr(base, Int32(ASCII.carriageReturn), buffer.count) != nil
        }
    }

    /// The name of the encoding the bytes are in when it is not UTF-8 and can be told; nil otherwise.
    static func otherThanUTF8(_ bytes: [UInt8]) -> String? {
        // UTF-16 after a UTF-8 mark (a file converted twice) is still UTF-16.
        if hasUTF8ByteOrderMark(bytes), bytes.count >= 7, let inner = otherThanUTF8(Array(bytes[3..<7])) { return inner }
        let b = bytes.prefix(4).map { Int($0) } + [-1, -1, -1, -1]
        if b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0 { return "UTF-32 (little-endian)" }
        if b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF { return "UTF-32 (big-endian)" }
        if b[0] == 0xFF && b[1] == 0xFE { return "UTF-16 (little-endian)" }
        if b[0] == 0xFE && b[1] == 0xFF { return "UTF-16 (big-endian)" }
        // No mark: ASCII text in UTF-32 has three zero bytes beside every character, in UTF-16 one.
        if bytes.count >= 4 {
            if b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0 { return "UTF-32 (little-endian, no byte-order mark)" }
            if b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0 { return "UTF-32 (big-endian, no byte-order mark)" }
            if b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0 { return "UTF-16 (little-endian, no byte-order mark)" }
            if b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0 { return "UTF-16 (big-endian, no byte-order mark)" }
        }
        return nil
    }
}
