import Foundation

/// A position in one line of bytes, with the few moves the ledger grammar needs.
struct LineCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// A cursor over a field's value only, at its start: its words can never run past it into the
    /// blanks or comment after it, so every range it gives lies within `value`.
    init(over value: Range<Int>, of line: LineCursor) {
        bytes = UnsafeBufferPointer(rebasing: line.bytes[..<value.upperBound])
        position = value.lowerBound
    }

    var atEnd: Bool { position >= bytes.count }
    var column: Int { position + 1 }
    var current: UInt8 { bytes[position] }

    mutating func skipBlanks() {
        while position < bytes.count && ASCII.isBlank(bytes[position]) { position += 1 }
    }

    /// True when the rest of the line is blank or a comment.
    var atCommentOrEnd: Bool {
        var i = position
        while i < bytes.count && ASCII.isBlank(bytes[i]) { i += 1 }
        return i >= bytes.count || bytes[i] == ASCII.semicolon
    }

    /// A run of non-blank bytes.
    mutating func word() -> Range<Int> {
        let start = position
        while position < bytes.count && !ASCII.isBlank(bytes[position]) { position += 1 }
        return start..<position
    }

    /// Text up to a comment (`;` at the start or after a blank) or the end, trailing blanks trimmed.
    mutating func textUntilComment() -> Range<Int> {
        let start = position
        var stop = bytes.count
        if let base = bytes.baseAddress {
            // memchr finds each `;` with the C library's vectorised scan; most lines have one or none.
            var search = position
            while search < bytes.count, let found = memchr(base + search, Int32(ASCII.semicolon), bytes.count - search) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if at == 0 || ASCII.isBlank(bytes[at - 1]) {
                    stop = at
                    break
                }
                search = at + 1
            }
        }
        var end = stop
        while end > start && ASCII.isBlank(bytes[end - 1]) { end -= 1 }
        position = stop
        return start..<end
    }

    /// An account name: up to two blanks, a tab, a comment or the end; and whether a space is
    /// inside it (most names have none, and then nothing else need look for one).
    mutating func accountName() -> (range: Range<Int>, hasSpace: Bool) {
        let start = position
        // Nothing can end the name before its first blank: jump there eight bytes at a time.
        position = Self.firstBlank(in: bytes, from: position)
        let firstBlank = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == ASCII.tab { break }
            if byte == ASCII.space && position + 1 < bytes.count
                && (bytes[position + 1] == ASCII.space || bytes[position + 1] == ASCII.tab) { break }
            if byte == ASCII.semicolon && position > start && ASCII.isBlank(bytes[position - 1]) { break }
            position += 1
        }
        var end = position
        while end > start && ASCII.isBlank(bytes[end - 1]) { end -= 1 }
        return (start..<end, firstBlank < end)
    }

    /// The index of the first space or tab at or after `from`, or `bytes.count`. Tests eight bytes at
    /// a time for a zero after XOR with the blank (bit tricks that cannot carry between bytes).
    static func firstBlank(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        let n = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            while i + 8 <= n {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let spaces = word ^ 0x2020_2020_2020_2020, tabs = word ^ 0x0909_0909_0909_0909
                // A byte's top bit ends up clear exactly when that byte was zero.
                let spaceFound = ~(((spaces & low7) &+ low7) | spaces) & ~low7
                let tabFound = ~(((tabs & low7) &+ low7) | tabs) & ~low7
                let found = spaceFound | tabFound
                if found != 0 { return i + found.trailingZeroBitCount / 8 }
                i += 8
            }
        }
        while i < n && !ASCII.isBlank(bytes[i]) { i += 1 }
        return i
    }

    /// The comment text after `;`, if the cursor is at one (after blanks).
    mutating func comment() -> Range<Int>? {
        skipBlanks()
        guard position < bytes.count, bytes[position] == ASCII.semicolon else { return nil }
        let start = position + 1
        position = bytes.count
        return start..<bytes.count
    }

    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }

    func string(_ range: Range<Int>) -> String { String(decoding: slice(range), as: UTF8.self) }

    /// Inlined so that, with a literal, the comparison becomes a load or two and a compare.
    @inline(__always)
    func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        guard range.count > 0, let base = bytes.baseAddress else { return true }
        return memcmp(base + range.lowerBound, literal.utf8Start, range.count) == 0
    }

    /// The ten bytes of a `YYYY-MM-DD` at `range` as two integers, to compare with the last date read;
    /// nil when `range` is not ten bytes long.
    func dateBytes(_ range: Range<Int>) -> (UInt64, UInt16)? {
        guard range.count == 10, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base + range.lowerBound)
        return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
    }

    /// Parses `YYYY-MM-DD` at `range`.
    func date(_ range: Range<Int>) -> DateParse {
        guard range.count == 10 else { return .malformed }
        let b = range.lowerBound
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for i in from..<from + count {
                let byte = bytes[b + i]
                guard ASCII.isDigit(byte) else { return nil }
                value = value * 10 + Int(byte &- ASCII.zero)
            }
            return value
        }
        guard bytes[b + 4] == ASCII.minus, bytes[b + 7] == ASCII.minus,
              let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2) else { return .malformed }
        guard let value = Day(year: year, month: month, day: day) else { return .impossible }
        return .day(value)
    }

    enum DateParse { case day(Day), malformed, impossible }
}
