import Dispatch

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
    /// Up to `count` ranges covering the file's content, cut near equal sizes; fewer when the file
    /// has too few blank lines.
    static func ranges(of file: SourceFile, count: Int) -> [FileRange] {
        let start = file.contentStart, size = file.byteCount
        if let disk = file.disk {
            let cuts = cuts(start: start, size: size, count: count) { target in cut(disk, atOrAfter: target, before: size) }
            // A read that failed reads the file in one range, which meets the failure again and says so.
            guard let lines = newlines(disk, before: cuts, from: start, pieces: count) else { return [FileRange(bytes: start..<size, firstLine: 1)] }
            return ranges(start: start, size: size, cuts: cuts, newlines: lines)
        }
        return file.bytes.withUnsafeBufferPointer { buffer in
            let cuts = cuts(start: start, size: size, count: count) { target in cut(buffer, atOrAfter: target, before: size) }
            return ranges(start: start, size: size, cuts: cuts, newlines: newlines(buffer, before: cuts, from: start, pieces: count))
        }
    }

    /// Where to cut near each of `count` equal parts (`cut` finds the cut at or after a target).
    private static func cuts(start: Int, size: Int, count: Int, _ cut: (Int) -> Int?) -> [Int] {
        var cuts: [Int] = []
        for part in 1..<max(count, 1) {
            let target = max(start + (size - start) / count * part, (cuts.last ?? start) + 1)
            guard target < size, let found = cut(target) else { break }
            cuts.append(found)
        }
        return cuts
    }

    private static func ranges(start: Int, size: Int, cuts: [Int], newlines: [Int]) -> [FileRange] {
        var ranges: [FileRange] = []
        var rangeStart = start, firstLine = 1
        for (cut, newlines) in zip(cuts, newlines) {
            ranges.append(FileRange(bytes: rangeStart..<cut, firstLine: firstLine))
            rangeStart = cut
            firstLine = newlines + 1
        }
        ranges.append(FileRange(bytes: rangeStart..<size, firstLine: firstLine))
        return ranges
    }

    /// `cut` for a file left on disk: read from just before `target` a piece of `piece` bytes at a
    /// time, each starting three bytes before the last ended, so that a blank line across two
    /// pieces (`\n\r\n` is three bytes) is seen whole in the later one.
    static func cut(_ disk: DiskBytes, atOrAfter target: Int, before limit: Int, piece: Int = 1 << 16) -> Int? {
        let piece = max(piece, 4)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: piece, alignment: 16)
        defer { buffer.deallocate() }
        var from = max(target - 2, 0)
        while from + 1 < limit {
            let end = min(limit, from + piece)
            do { try disk.read(from..<end, into: buffer) } catch { return nil }
            let bytes = UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: end - from)
            if let found = cut(bytes, atOrAfter: target - from, before: end - from) { return from + found }
            if end == limit { return nil }
            from = end - 3
        }
        return nil
    }

    /// `newlines` for a file left on disk, each piece read a window at a time by its own thread;
    /// nil when a read failed.
    static func newlines(_ disk: DiskBytes, before cuts: [Int], from start: Int, pieces: Int) -> [Int]? {
        guard let last = cuts.last else { return [] }
        let (ends, cutSet) = pieceEnds(cuts: cuts, from: start, last: last, pieces: pieces)
        let counts = ParallelResults<Int>(count: ends.count, initialValue: 0)
        DispatchQueue.concurrentPerform(iterations: ends.count) { index in
            var count = 0
            let read = disk.forEachWindow((index == 0 ? start : ends[index - 1])..<ends[index], window: 1 << 20) { window, _ in
                count += countNewlines(UnsafeRawBufferPointer(window))
                return true
            }
            counts[index] = read ? count : -1
        }
        var result: [Int] = []
        var total = 0
        for (index, end) in ends.enumerated() {
            guard counts[index] >= 0 else { return nil }
            total += counts[index]
            if cutSet.contains(end) { result.append(total) }
        }
        return result
    }

    /// The ends of the pieces counted at once: every cut, and about `pieces` equal parts before the last.
    private static func pieceEnds(cuts: [Int], from start: Int, last: Int, pieces: Int) -> (ends: [Int], cuts: Set<Int>) {
        let cutSet = Set(cuts)
        var bounds = cutSet
        for piece in 1..<max(pieces, 1) { bounds.insert(start + (last - start) / pieces * piece) }
        return (bounds.filter { $0 > start }.sorted(), cutSet)
    }

    /// The offset just after the first blank line that ends at or after `target`, if that is before
    /// `limit` (a cut at `limit` would leave an empty range).
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, atOrAfter target: Int, before limit: Int) -> Int? {
        // Start two bytes early, so that a `\n\r\n` ending at `target` is seen.
        var i = max(target - 2, 0)
        while i + 1 < limit {
            if bytes[i] == ASCII.newline {
                if bytes[i + 1] == ASCII.newline, (target..<limit).contains(i + 2) { return i + 2 }
                if i + 2 < limit, bytes[i + 1] == ASCII.carriageReturn, bytes[i + 2] == ASCII.newline,
                   (target..<limit).contains(i + 3) { return i + 3 }
            }
            i += 1
        }
        return nil
    }

    /// The number of newlines before each of `cuts` (in increasing order), counting from `start`;
    /// the bytes before the last cut are counted in about `pieces` parts at once.
    static func newlines(_ bytes: UnsafeBufferPointer<UInt8>, before cuts: [Int], from start: Int, pieces: Int) -> [Int] {
        guard let last = cuts.last, let base = bytes.baseAddress else { return [] }
        // Pieces end at every cut, so each cut's count is a sum of whole pieces.
        let (ends, cutSet) = pieceEnds(cuts: cuts, from: start, last: last, pieces: pieces)
        let counts = ParallelResults<Int>(count: ends.count, initialValue: 0)
        // Read-only bytes that outlive the loop: safe to share between its threads.
        nonisolated(unsafe) let raw = UnsafeRawPointer(base)
        DispatchQueue.concurrentPerform(iterations: ends.count) { index in
            let from = index == 0 ? start : ends[index - 1]
            counts[index] = countNewlines(UnsafeRawBufferPointer(start: raw.advanced(by: from), count: ends[index] - from))
        }
        var result: [Int] = []
        var total = 0
        for (index, end) in ends.enumerated() {
            total += counts[index]
            if cutSet.contains(end) { result.append(total) }
        }
        return result
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
