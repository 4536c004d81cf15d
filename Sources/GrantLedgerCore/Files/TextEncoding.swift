/// The encodings an input may be converted from when its rules say so (`encoding windows-1252`).
/// Everything else is read as UTF-8 and refused, by name, when it is not: finance systems on
/// Windows still save "CSV" in the ANSI code page, and a few in UTF-16, so the rules file, which
/// describes one system's export, is where the exception is written down, once.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    /// Windows' Western code page: Latin-1 with printable characters (€, ‘, ’, “, ”, –, —, …) in
    /// 0x80–0x9F, where Latin-1 has control characters. Five of those bytes are undefined.
    case windows1252 = "windows-1252"
    /// ISO-8859-1: each byte is the Unicode character of the same number.
    case latin1 = "latin-1"
    /// UTF-16 with a byte-order mark saying which end comes first.
    case utf16 = "utf-16"
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"

    /// The names a rules file may write, with common spellings.
    public init?(name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "windows-1252", "cp1252", "ansi": self = .windows1252
        case "latin-1", "latin1", "iso-8859-1": self = .latin1
        case "utf-16", "utf16": self = .utf16
        case "utf-16le": self = .utf16LittleEndian
        case "utf-16be": self = .utf16BigEndian
        default: return nil
        }
    }

    /// How a message names it: `Windows-1252`, `UTF-16 (little-endian)`.
    public var displayName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .windows1252: return "Windows-1252"
        case .latin1: return "Latin-1 (ISO-8859-1)"
        case .utf16: return "UTF-16"
        case .utf16LittleEndian: return "UTF-16 (little-endian)"
        case .utf16BigEndian: return "UTF-16 (big-endian)"
        }
    }

    /// Where byte `offset` of `bytes` (in this encoding) is as the converted text's line and byte
    /// column: the text before it converts (it is before the first problem), so its line ends and
    /// the length of its last line are counted there.
    func location(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        let before: [UInt8]
        switch utf8(Array(bytes[..<min(offset, bytes.count)])) {
        case .success(let converted): before = Encoding.hasUTF8ByteOrderMark(converted) ? Array(converted.dropFirst(3)) : converted
        case .failure: before = []
        }
        let lastNewline = before.lastIndex(of: ASCII.newline)
        let line = 1 + before.lazy.filter { $0 == ASCII.newline }.count
        return SourceLocation(file: file, line: line, column: before.count - (lastNewline.map { $0 + 1 } ?? 0) + 1)
    }

    /// Why a conversion failed, and at which byte of the original.
    public struct Problem: Error, Equatable {
        public let message: String
        public let byteOffset: Int
    }

    /// The bytes as UTF-8. Windows-1252 and Latin-1 map byte by byte; UTF-16 pairs surrogates and
    /// drops its byte-order mark (a UTF-8 one is written in its place, so `SourceFile` skips it as
    /// it skips any). An odd byte count, an unpaired surrogate or an undefined Windows-1252 byte is
    /// a problem, never a replacement character.
    public func utf8(_ bytes: [UInt8]) -> Result<[UInt8], Problem> {
        switch self {
        case .utf8: return .success(bytes)
        case .latin1: return .success(Self.singleByte(bytes, table: nil))
        case .windows1252:
            if let bad = bytes.firstIndex(where: { (0x80...0x9F).contains($0) && Self.cp1252High[Int($0) - 0x80] == 0 }) {
                return .failure(Problem(message: "byte 0x\(Self.hex(bytes[bad])) has no character in Windows-1252", byteOffset: bad))
            }
            return .success(Self.singleByte(bytes, table: Self.cp1252High))
        case .utf16, .utf16LittleEndian, .utf16BigEndian:
            return utf16(bytes)
        }
    }

    private func utf16(_ bytes: [UInt8]) -> Result<[UInt8], Problem> {
        var little: Bool
        var start = 0
        let marked = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        switch self {
        case .utf16:
            guard marked else {
                return .failure(Problem(message: "there is no UTF-16 byte-order mark to say which byte comes first", byteOffset: 0))
            }
            little = bytes[0] == 0xFF
            start = 2
        case .utf16LittleEndian:
            little = true
            if marked && bytes[0] == 0xFF { start = 2 }
        default:
            little = false
            if marked && bytes[0] == 0xFE { start = 2 }
        }
        guard (bytes.count - start) % 2 == 0 else {
            return .failure(Problem(message: "UTF-16 text has an even number of bytes; this file ends half way through a character", byteOffset: bytes.count - 1))
        }
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        var index = start
        while index < bytes.count {
            let (a, b) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(little ? a | b << 8 : a << 8 | b)
            index += 2
        }
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out.reserveCapacity(units.count + 3)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var unit = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                out.append(contentsOf: String(Character(scalar)).utf8)
                unit += scalar.value > 0xFFFF ? 2 : 1
            case .emptyInput:
                return .success(out)
            case .error:
                return .failure(Problem(message: "an unpaired UTF-16 surrogate (half of a character)", byteOffset: start + unit * 2))
            }
        }
    }

    private static func singleByte(_ bytes: [UInt8], table: [UInt16]?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let scalar = byte < 0xA0 ? (table.map { UInt32($0[Int(byte) - 0x80]) } ?? UInt32(byte)) : UInt32(byte)
            // Every value here is a valid scalar (the undefined bytes were refused first).
            out.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
        }
        return out
    }

    /// Windows-1252's characters for 0x80–0x9F; 0 where the code page defines none.
    static let cp1252High: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// The offset of the first well-formed UTF-8 sequence of two or more bytes (`é` as C3 A9), in
    /// text otherwise read byte by byte: nil when there is none.
    static func firstUTF8Sequence(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 1
            if length > 1, index + length <= bytes.count,
               bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }),
               String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil {
                return index
            }
            index += 1
        }
        return nil
    }

    /// What bytes that are not UTF-8 most likely are, for the error that names it: the first byte
    /// that breaks UTF-8, and the character it is in Windows-1252 (which agrees with Latin-1 from
    /// 0xA0 up). Nil when the bytes are UTF-8.
    public static func guess(_ bytes: ArraySlice<UInt8>) -> (name: String, byteOffset: Int, character: String)? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        var firstBad: Int?
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += scalar.utf8Length
            case .emptyInput: break loop
            case .error:
                firstBad = offset
                break loop
            }
        }
        guard let firstBad else { return nil }
        // The offset is the start of the sequence the decoder refused: the lead byte a finance
        // export's Windows-1252 character is.
        let byte = bytes[firstBad]
        let usesHighControls = bytes.contains { (0x80...0x9F).contains($0) }
        let name = usesHighControls ? "Windows-1252" : "Windows-1252 or Latin-1"
        let scalar: UInt32 = byte < 0xA0 && byte >= 0x80 ? UInt32(cp1252High[Int(byte) - 0x80]) : UInt32(byte)
        let character = scalar == 0 ? "an undefined byte" : String(Character(Unicode.Scalar(scalar) ?? "?"))
        return (name, firstBad, character)
    }
}

private extension Unicode.Scalar {
    var utf8Length: Int {
        switch value {
        case ..<0x80: return 1
        case ..<0x800: return 2
        case ..<0x10000: return 3
        default: return 4
        }
    }
}
