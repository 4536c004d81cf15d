/// Text the workbook writer is handed that `TextRule` would refuse, made writable without losing
/// sight of it: a file path (a folder may be named with any byte but `/` and NUL) or text from a
/// model built by hand. Each refused character is shown as `<U+0001>`, so the XML stays valid and a
/// reader sees that something was there; text past a cell's 32,767 UTF-16 units ends in "…".
public enum VisibleText {
    /// `text` ready for any part of a workbook; `changed` says whether anything was escaped or cut.
    public static func writable(_ text: String, maxUnits: Int = TextRule.maxCellUnits) -> (text: String, changed: Bool) {
        if isPlain(text, maxUnits: maxUnits) { return (text, false) }
        var out = ""
        var units = 0
        for scalar in text.unicodeScalars {
            var piece = String(scalar)
            if isRefused(scalar) { piece = "<" + codePoint(scalar.value) + ">" }
            if units + piece.utf16.count > maxUnits - 1 {
                out += "…"
                return (out, true)
            }
            units += piece.utf16.count
            out += piece
        }
        return (out, true)
    }

    /// True when `text` can be written as it is: the common case, found from the UTF-8 bytes alone,
    /// since this runs for every text cell of a long Spend sheet.
    static func isPlain(_ text: String, maxUnits: Int) -> Bool {
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return false }
                if byte == 0x7F { return false }
                if byte == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE { return false }
                i += 1
            }
            return true
        }
        var text = text
        let clean = text.withUTF8(scan)
        // UTF-8 takes at least as many bytes as UTF-16 takes units, so short text needs no count.
        return clean && (text.utf8.count <= maxUnits || text.utf16.count <= maxUnits)
    }

    /// What `TextRule` refuses in any text (line breaks and tabs are allowed in a cell).
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0x7F
            || value == 0xFFFE || value == 0xFFFF
    }

    static func codePoint(_ value: UInt32) -> String { TextRule.codePoint(value) }
}
