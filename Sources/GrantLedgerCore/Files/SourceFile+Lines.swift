import Foundation

extension SourceFile {
    /// How many bytes are checked for UTF-8 at once: checking a window costs far less than checking
    /// each line, and a window fits in the cache.
    public static let validationWindow = 4 << 20

    /// The one line splitter: calls `body` with each line of `range` (the whole content by default)
    /// without its `\n` or `\r\n`, its 1-based number (the range's first line is `firstLine`), and
    /// whether it is known to be clean text (valid UTF-8 holding nothing `TextRule` refuses), until
    /// `body` returns false. Returns nil after the last
    /// line, or the offset and number of the line at which `body` stopped.
    ///
    /// Lines are checked a window of whole lines at a time (a line longer than a window makes its
    /// window longer); a line in a window that fails is not known to be clean, and its reader checks it itself (to say where the bad byte is). `parsed` is told how many
    /// bytes were passed over as each window is left and when the lines stop: a progress count at
    /// the cost of one call per window, nothing per line.
    @discardableResult
    public func forEachLine(in range: Range<Int>? = nil, firstLine: Int = 1, window: Int = SourceFile.validationWindow,
                            parsed: ((Int) -> Void)? = nil,
                            _ body: (UnsafeBufferPointer<UInt8>, Int, Bool) throws -> Bool) rethrows -> (offset: Int, line: Int)? {
        let window = max(1, window)
        let lower = max(range?.lowerBound ?? contentStart, contentStart)
        let upper = min(range?.upperBound ?? byteCount, byteCount)
        guard lower < upper else { return nil }
        var number = firstLine - 1
        if let disk { return try forEachLine(of: disk, in: lower..<upper, window: window, number: &number, parsed: parsed, body) }
        return try held.withUnsafeBufferPointer { buffer -> (offset: Int, line: Int)? in
            guard let base = buffer.baseAddress else { return nil }
            var start = lower
            while start < upper {
                // The next window ends after the last line end within reach; a line longer than a
                // window makes the window longer.
                var end = min(upper, start + window)
                if end < upper {
                    var cut = end
                    while cut > start && base[cut - 1] != ASCII.newline { cut -= 1 }
                    if cut > start {
                        end = cut
                    } else if let found = memchr(base + end, Int32(ASCII.newline), upper - end) {
                        end = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                    } else {
                        end = upper
                    }
                }
                let whole = UnsafeBufferPointer(start: base + start, count: end - start)
                if let stop = try Self.lines(in: whole, at: start, number: &number, parsed: parsed, body) { return stop }
                start = end
            }
            return nil
        }
    }

    /// The lines of one window of whole lines (the last without its line end only at the end of the
    /// range), which is checked clean as a whole, as `forEachLine` gives them: from a file held
    /// whole and from one left on disk alike. Returns where `body` stopped, if it did.
    private static func lines(in window: UnsafeBufferPointer<UInt8>, at offset: Int, number: inout Int, parsed: ((Int) -> Void)?,
                              _ body: (UnsafeBufferPointer<UInt8>, Int, Bool) throws -> Bool) rethrows -> (offset: Int, line: Int)? {
        guard let base = window.baseAddress else { return nil }
        let count = window.count
        let valid = TextRule.isClean(window: window)
        var index = 0
        while index < count {
            let lineEnd: Int
            if let found = memchr(base + index, Int32(ASCII.newline), count - index) {
                lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            } else {
                lineEnd = count
            }
            number += 1
            let length = lineEnd > index && base[lineEnd - 1] == ASCII.carriageReturn ? lineEnd - index - 1 : lineEnd - index
            if try !body(UnsafeBufferPointer(start: base + index, count: length), number, valid) {
                parsed?(index)
                return (offset + index, number)
            }
            index = lineEnd + 1
        }
        parsed?(count)
        return nil
    }

    /// `forEachLine` for a file left on disk: each window read into one buffer and cut after its
    /// last line end (a line longer than a window makes the window longer). A read that fails stops
    /// the lines as if the file ended there; the reader says why from `readProblem`.
    private func forEachLine(of disk: DiskBytes, in range: Range<Int>, window: Int, number: inout Int, parsed: ((Int) -> Void)?,
                             _ body: (UnsafeBufferPointer<UInt8>, Int, Bool) throws -> Bool) rethrows -> (offset: Int, line: Int)? {
        var capacity = window
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var start = range.lowerBound
        while start < range.upperBound {
            // Read a window; while it holds no line end and the range goes on, read more after it.
            var end = min(range.upperBound, start + window)
            var cut: Int?
            var searched = start
            while true {
                if end - start > capacity {
                    let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: max(end - start, capacity * 2), alignment: 16)
                    larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[..<(searched - start)]))
                    buffer.deallocate()
                    buffer = larger
                    capacity = larger.count
                }
                do {
                    try disk.read(searched..<end, into: UnsafeMutableRawBufferPointer(rebasing: buffer[(searched - start)...]))
                } catch {
                    return nil
                }
                if end == range.upperBound { break }
                guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
                var index = end - start
                while index > searched - start && base[index - 1] != ASCII.newline { index -= 1 }
                if index > searched - start { cut = start + index; break }
                searched = end
                end = min(range.upperBound, end + window)
            }
            if let cut { end = cut }
            let whole = UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: end - start)
            if let stop = try Self.lines(in: whole, at: start, number: &number, parsed: parsed, body) { return stop }
            start = end
        }
        return nil
    }

    /// Every line as bytes with its number: for the small files (scenarios, rules) whose readers
    /// want a line they can keep.
    public func lines() -> [(number: Int, bytes: [UInt8])] {
        var lines: [(number: Int, bytes: [UInt8])] = []
        forEachLine { line, number, _ in
            lines.append((number, Array(line)))
            return true
        }
        return lines
    }
}
