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
    /// True when every byte is ASCII or the whole line is valid UTF-8.
    var isValidUTF8: Bool {
        var ascii = true
        for byte in self where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return true }
        return String(validating: self, as: UTF8.self) != nil
    }
}
