/// A JSON string from text's bytes, escaped as `JSONWriter.string` escapes its scalars: quotes,
/// backslashes and control characters; every other byte (the rest of ASCII, and UTF-8, which the
/// reader checked) as it is.
enum JSONText {
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func put(_ text: UnsafeBufferPointer<UInt8>, _ out: ByteChunks) throws {
        // At most six bytes for each (`\u001f`), and the quotes.
        try out.reserve(text.count * 6 + 2)
        out.put(0x22)
        if !mayNeedEscape(text) {
            out.put(text)
        } else {
            for byte in text {
                switch byte {
                case 0x22: out.put(0x5C); out.put(0x22)
                case 0x5C: out.put(0x5C); out.put(0x5C)
                case ASCII.newline: out.put(0x5C); out.put(0x6E)
                case ASCII.carriageReturn: out.put(0x5C); out.put(0x72)
                case ASCII.tab: out.put(0x5C); out.put(0x74)
                case ..<0x20:
                    for piece in [0x5C, 0x75, ASCII.zero, ASCII.zero, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]] { out.put(piece) }
                default: out.put(byte)
                }
            }
        }
        out.put(0x22)
    }

    /// Whether some byte is a quote, a backslash or a control character, eight at a time.
    private static func mayNeedEscape(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let quote = ByteWord.repeated(0x22), backslash = ByteWord.repeated(0x5C)
        var offset = 0
        while offset + 8 <= text.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if ByteWord.below(0x20, word) | ByteWord.equalMask(word, quote) | ByteWord.equalMask(word, backslash) != 0 { return true }
            offset += 8
        }
        while offset < text.count {
            let byte = base[offset]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
            offset += 1
        }
        return false
    }
}
