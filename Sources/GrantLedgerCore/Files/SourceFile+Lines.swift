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
    /// Lines are checked a window at a time; a line in a window that fails is not known to be clean,
    /// and its reader checks it itself (to say where the bad byte is). `parsed` is told how many
    /// bytes were passed over as each window is left and when the lines stop: a progress count at
    /// the cost of one call per window, nothing per line.
    @discardableResult
    public func forEachLine(in range: Range<Int>? = nil, firstLine: Int = 1, window: Int = SourceFile.validationWindow,
                            parsed: ((Int) -> Void)? = nil,
                            _ body: (UnsafeBufferPointer<UInt8>, Int, Bool) throws -> Bool) rethrows -> (offset: Int, line: Int)? {
        let window = max(1, window)
        let lower = max(range?.lowerBound ?? contentStart, contentStart)
        let upper = min(range?.upperBound ?? bytes.count, bytes.count)
        return try bytes.withUnsafeBufferPointer { buffer -> (offset: Int, line: Int)? in
            guard let base = buffer.baseAddress, lower < upper else { return nil }
            var start = lower
            var number = firstLine - 1
            var windowStart = start
            var windowEnd = start
            var windowValid = false
            defer { parsed?(start - windowStart) }
            while start < upper {
                if start >= windowEnd {
                    if let parsed, start > windowStart {
                        parsed(start - windowStart)
                        windowStart = start
                    }
                    // The next window ends after the last newline within reach (or at the end).
                    var end = min(upper, start + window)
                    if end < upper {
                        var cut = end
                        while cut > start && base[cut - 1] != ASCII.newline { cut -= 1 }
                        if cut > start { end = cut }
                    }
                    windowEnd = end
                    windowValid = TextRule.isClean(window: UnsafeBufferPointer(start: base + start, count: end - start))
                }
                let lineEnd: Int
                let next: Int
                if let found = memchr(base + start, Int32(ASCII.newline), upper - start) {
                    lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    next = lineEnd + 1
                } else {
                    lineEnd = upper
                    next = upper
                }
                number += 1
                let length = lineEnd > start && base[lineEnd - 1] == ASCII.carriageReturn ? lineEnd - start - 1 : lineEnd - start
                let valid = windowValid && lineEnd <= windowEnd
                if try !body(UnsafeBufferPointer(start: base + start, count: length), number, valid) {
                    return (start, number)
                }
                start = next
            }
            return nil
        }
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
