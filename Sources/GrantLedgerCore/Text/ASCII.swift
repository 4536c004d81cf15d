/// Byte constants for the parsers, so that hot loops compare integers, never Characters.
enum ASCII {
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let minus: UInt8 = 0x2D
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let period: UInt8 = 0x2E
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let semicolon: UInt8 = 0x3B
    static let hash: UInt8 = 0x23
    static let colon: UInt8 = 0x3A
    static let equals: UInt8 = 0x3D
    static let asterisk: UInt8 = 0x2A
    static let bang: UInt8 = 0x21
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let pipe: UInt8 = 0x7C
    static let slash: UInt8 = 0x2F
    static let percent: UInt8 = 0x25

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- zero < 10 }
    /// A to Z or a to z.
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// Whether every byte is printable ASCII (space to `~`), tested eight at a time. Such text is
    /// one `Character` per byte (no pair of them joins into one), so its width and its cut are
    /// counted in bytes; anything else goes the `String` way.
    static func isPrintable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base), count = bytes.count
        var offset = 0
        while offset + 8 <= count {
            if ByteWord.hasUnprintable(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) { return false }
            offset += 8
        }
        while offset < count {
            if base[offset] &- 0x20 > 0x5E { return false }
            offset += 1
        }
        return true
    }
}
