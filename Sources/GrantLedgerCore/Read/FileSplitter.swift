import Dispatch
import Foundation

/// One part of a file cut by `FileSplitter`: its bytes, and the number of its first line.
struct FileRange: Equatable, Sendable {
    let bytes: Range<Int>
    let firstLine: Int
}

/// Cuts a large ledger file into byte ranges that separate parsers can read at the same time.
///
/// Each cut is placed just after a blank line (`\n\n` or `\n\r\n`): a blank line ends every entry,
/// so a parser starting there is in the same state as one that read everything before it, apart
/// from what it has learnt (symbols, declarations), which `LedgerParser.absorb` reconciles. Line
/// numbers must be exact in every range, so the newlines before each cut are counted, in parallel.
enum FileSplitter {
    /// Up to `count` ranges covering the `size` bytes of the file at `path`, cut near equal sizes;
    /// fewer when the file has too few blank lines, and nil when it cannot be read.
    static func ranges(path: String, size: Int, count: Int) -> [FileRange]? {
        guard let file = OpenFile(path: path) else { return nil }
        var cuts: [Int] = []
        for part in 1..<max(count, 1) {
            let target = max(size / count * part, (cuts.last ?? 0) + 1)
            guard target < size, let cut = file.cut(atOrAfter: target, before: size) else { break }
            cuts.append(cut)
        }
        guard let lines = file.newlines(before: cuts, pieces: count) else { return nil }
        var ranges: [FileRange] = []
        var start = 0, firstLine = 1
        for (cut, newlines) in zip(cuts, lines) {
            ranges.append(FileRange(bytes: start..<cut, firstLine: firstLine))
            start = cut
            firstLine = newlines + 1
        }
        ranges.append(FileRange(bytes: start..<size, firstLine: firstLine))
        return ranges
    }

    /// The number of `\n` bytes in `bytes`, sixteen at a time: each block compares to a vector of
    /// newlines and adds the matches into byte-wide counters, summed before any can overflow.
    static func countNewlines(_ bytes: UnsafeRawBufferPointer) -> Int {
        var count = 0
        var i = 0
        let n = bytes.count
        if let base = bytes.baseAddress {
            let newlines = SIMD16<UInt8>(repeating: ASCII.newline), ones = SIMD16<UInt8>(repeating: 1)
            while i + 16 <= n {
                var counters = SIMD16<UInt8>()
                var blocks = 0
                while blocks < 255 && i + 16 <= n {
                    let block = base.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                    counters &+= SIMD16<UInt8>().replacing(with: ones, where: block .== newlines)
                    i += 16
                    blocks += 1
                }
                for lane in counters.indices { count += Int(counters[lane]) }
            }
        }
        while i < n {
            if bytes[i] == ASCII.newline { count += 1 }
            i += 1
        }
        return count
    }
}

/// A file open for positioned reads, which any number of threads may make at once.
private final class OpenFile: @unchecked Sendable {
    // @unchecked: the only state is a descriptor, which `pread` never moves.
    private let descriptor: Int32

    init?(path: String) {
        descriptor = open(path, O_RDONLY)
        if descriptor < 0 { return nil }
    }

    deinit { close(descriptor) }

    /// Reads up to `count` bytes at `offset` into `buffer`; the number read (0 at the end), or nil.
    func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Int? {
        while true {
            let read = pread(descriptor, buffer, count, off_t(offset))
            if read >= 0 { return read }
            if errno != EINTR { return nil }
        }
    }

    /// The offset just after the first blank line that ends at or after `target`, if that is before
    /// `limit` (a cut at `limit` would leave an empty range).
    func cut(atOrAfter target: Int, before limit: Int) -> Int? {
        let window = 64 << 10
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: window, alignment: 8)
        defer { buffer.deallocate() }
        // Start two bytes early, so that a `\n\r\n` ending at `target` is seen; windows overlap by two
        // bytes for the same reason.
        var offset = max(target - 2, 0)
        while offset < limit {
            guard let base = buffer.baseAddress,
                  let count = read(into: base, count: min(window, limit - offset), at: offset), count > 0 else { return nil }
            let bytes = UnsafeRawBufferPointer(start: base, count: count)
            var i = 0
            while i + 1 < count {
                if bytes[i] == ASCII.newline {
                    if bytes[i + 1] == ASCII.newline, (target..<limit).contains(offset + i + 2) { return offset + i + 2 }
                    if i + 2 < count, bytes[i + 1] == ASCII.carriageReturn, bytes[i + 2] == ASCII.newline,
                       (target..<limit).contains(offset + i + 3) { return offset + i + 3 }
                }
                i += 1
            }
            if count < 3 { return nil }
            offset += count - 2
        }
        return nil
    }

    /// The number of newlines before each of `cuts` (in increasing order); the bytes before the last
    /// cut are counted in about `pieces` parts at once.
    func newlines(before cuts: [Int], pieces: Int) -> [Int]? {
        guard let last = cuts.last else { return [] }
        // Pieces end at every cut, so each cut's count is a sum of whole pieces.
        let cutSet = Set(cuts)
        var bounds = cutSet
        for piece in 1..<max(pieces, 1) { bounds.insert(last / pieces * piece) }
        let ends = bounds.filter { $0 > 0 }.sorted()
        let counts = ParallelResults<Int?>(count: ends.count, initialValue: nil)
        DispatchQueue.concurrentPerform(iterations: ends.count) { index in
            let start = index == 0 ? 0 : ends[index - 1]
            counts[index] = newlines(in: start..<ends[index])
        }
        var result: [Int] = []
        var total = 0
        for (index, end) in ends.enumerated() {
            guard let count = counts[index] else { return nil }
            total += count
            if cutSet.contains(end) { result.append(total) }
        }
        return result
    }

    private func newlines(in range: Range<Int>) -> Int? {
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 8)
        defer { buffer.deallocate() }
        var total = 0
        var offset = range.lowerBound
        while offset < range.upperBound {
            guard let base = buffer.baseAddress,
                  let count = read(into: base, count: min(chunk, range.upperBound - offset), at: offset), count > 0 else { return nil }
            total += FileSplitter.countNewlines(UnsafeRawBufferPointer(start: base, count: count))
            offset += count
        }
        return total
    }
}
