import Foundation

/// Reads a file, or one byte range of it, in large chunks and hands out one line at a time as bytes,
/// so memory stays at one chunk however big the ledger is, and no `String` is made for a line unless
/// it is needed. Chunks are read with `pread` straight into one reused buffer: no `Data` per chunk,
/// and several readers of one file (see `ReadSession.readSplit`) never share a file position.
final class ChunkedLineReader {
    static let chunkSize = 4 << 20

    /// Reading failed part way (the operating system's `errno`).
    struct ReadError: Error {
        let code: Int32
    }

    private let descriptor: Int32
    private let range: Range<Int>?
    private let firstLine: Int

    /// Reads the whole file, or only `range` of it (a range starting at the start of a line, whose
    /// first line is line `firstLine`); nil when the file cannot be opened.
    init?(path: String, range: Range<Int>? = nil, firstLine: Int = 1) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.range = range
        self.firstLine = firstLine
    }

    deinit { close(descriptor) }

    /// Calls `body` with each line (without its `\n` or `\r\n`), its 1-based number, and whether it
    /// is known to be valid UTF-8, until `body` returns false. Returns nil after the last line, or the
    /// file offset and number of the line at which `body` stopped. Throws only what reading throws.
    ///
    /// Each chunk's whole lines are checked for UTF-8 at once, which costs far less than a check per
    /// line; a line in a chunk that fails is not known to be valid, and its reader checks it itself.
    @discardableResult
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int, Bool) -> Bool) throws(ReadError) -> (offset: Int, line: Int)? {
        var capacity = Self.chunkSize
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var offset = range?.lowerBound ?? 0
        let end = range?.upperBound ?? Int.max
        var lineNumber = firstLine - 1
        // Bytes of an unfinished line, kept at the start of the buffer for the next read to complete.
        var kept = 0
        while true {
            if kept == capacity {
                // One line longer than the buffer: make room for the rest of it.
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                larger.update(from: buffer, count: kept)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            let wanted = min(capacity - kept, end - offset)
            let count = wanted > 0 ? pread(descriptor, buffer + kept, wanted, off_t(offset)) : 0
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(code: errno)
            }
            if count == 0 {
                if kept > 0 {
                    lineNumber += 1
                    let line = UnsafeBufferPointer(start: buffer, count: Self.withoutCarriageReturn(buffer, 0, kept))
                    if !body(line, lineNumber, false) { return (offset - kept, lineNumber) }
                }
                return nil
            }
            let filled = kept + count
            let valid = Self.wholeLinesAreValidUTF8(buffer, filled)
            var start = 0
            // memchr finds each newline with the C library's vectorised scan.
            while start < filled, let found = memchr(buffer + start, Int32(ASCII.newline), filled - start) {
                let newline = buffer.distance(to: found.assumingMemoryBound(to: UInt8.self))
                lineNumber += 1
                let line = UnsafeBufferPointer(start: buffer + start, count: Self.withoutCarriageReturn(buffer, start, newline))
                if !body(line, lineNumber, valid) { return (offset - kept + start, lineNumber) }
                start = newline + 1
            }
            offset += count
            kept = filled - start
            if kept > 0 && start > 0 { memmove(buffer, buffer + start, kept) }
        }
    }

    /// Whether the bytes up to the last newline in `buffer` are valid UTF-8 (the bytes after it, an
    /// unfinished line, may end inside a character).
    private static func wholeLinesAreValidUTF8(_ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Bool {
        var end = count
        while end > 0 && buffer[end - 1] != ASCII.newline { end -= 1 }
        return UnsafeBufferPointer(start: buffer, count: end).isValidUTF8
    }

    /// The length of the line `start..<end` without a `\r` before its newline.
    @inline(__always)
    private static func withoutCarriageReturn(_ buffer: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        end > start && buffer[end - 1] == ASCII.carriageReturn ? end - start - 1 : end - start
    }
}
