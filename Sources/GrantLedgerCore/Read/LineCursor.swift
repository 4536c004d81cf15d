/// A position in one line of bytes, with the few moves the ledger grammar needs.
struct LineCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

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
        var end = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == ASCII.semicolon && (position == 0 || ASCII.isBlank(bytes[position - 1])) { break }
            position += 1
            if !ASCII.isBlank(byte) { end = position }
        }
        return start..<end
    }

    /// An account name: up to two blanks, a tab, a comment or the end.
    mutating func accountName() -> Range<Int> {
        let start = position
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
        return start..<end
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

    func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let pointer = literal.utf8Start
        for i in 0..<range.count where bytes[range.lowerBound + i] != pointer[i] { return false }
        return true
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

extension UnsafeBufferPointer where Element == UInt8 {
    /// True when the bytes are valid UTF-8: checked in place, since almost every posting has a `£`
    /// and building a `String` per line to validate it would cost an allocation each.
    var isValidUTF8: Bool { firstInvalidUTF8Offset == nil }

    /// The offset of the first byte that is not part of valid UTF-8, or nil.
    var firstInvalidUTF8Offset: Int? {
        var i = 0
        let n = count
        guard let base = baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        while i < n {
            // Skip ASCII eight bytes at a time: most of a ledger line is ASCII.
            while i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            if i >= n { break }
            let lead = self[i]
            if lead < 0x80 { i += 1; continue }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let byte = self[i + k]
                guard byte & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }
}
