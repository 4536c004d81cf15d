/// Eight bytes in a word, tested all at once with carry-free bit tricks: the one home of the scans
/// that look for a kind of byte in text (the text rule's, printable ASCII, what JSON escapes, what
/// a workbook cell can take as it is). Each answer is exact for every byte of the word, since no
/// carry or borrow ever crosses from one byte into the next; the tests try every byte value in
/// every place.
public enum ByteWord {
    /// The top bit of every byte.
    public static let high: UInt64 = 0x8080_8080_8080_8080
    /// The low seven bits of every byte.
    static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// `byte` in every byte of a word.
    @inline(__always)
    public static func repeated(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// The top bit set in each byte of `word` that equals the byte of `pattern` (every byte of
    /// `pattern` the same, and below 0x80).
    @inline(__always)
    public static func equalMask(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let t = word ^ pattern
        return ~(((t & low7) &+ low7) | t) & high
    }

    /// The top bit set in each byte of `word` below `limit` (at most 0x80). With every top bit set
    /// first, subtracting cannot borrow across bytes; a byte of 0x80 or more is never below.
    @inline(__always)
    public static func below(_ limit: UInt8, _ word: UInt64) -> UInt64 {
        ~((word | high) &- repeated(limit)) & ~word & high
    }

    /// Whether some byte of `word` is not printable ASCII (below a space, or 0x7F and above).
    @inline(__always)
    public static func hasUnprintable(_ word: UInt64) -> Bool {
        (word & high) | below(0x20, word) | equalMask(word, repeated(0x7F)) != 0
    }
}
