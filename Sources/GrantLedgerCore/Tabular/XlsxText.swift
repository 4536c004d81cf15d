/// Text as a workbook stores it (OOXML's `ST_Xstring`): a character XML cannot carry is written
/// `_xHHHH_` (`_x0007_` for U+0007, `_x000D_` for a carriage return), and a literal `_x` that
/// would read as one is written `_x005F_x…`. Excel reads them back as the characters, so this
/// reader does too, and the text rule then refuses a control character however it was written.
enum XlsxText {
    static func unescaped(_ text: String) -> String {
        guard text.utf8.count >= 7, text.contains("_x") else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "_"), index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"),
               bytes[index + 6] == UInt8(ascii: "_"), let value = hex(bytes[(index + 2)..<(index + 6)]),
               let scalar = Unicode.Scalar(value) {
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
                index += 7
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hex(_ digits: ArraySlice<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for digit in digits {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt32(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value << 4 | UInt32(digit - UInt8(ascii: "A") + 10)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt32(digit - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        return value
    }
}
