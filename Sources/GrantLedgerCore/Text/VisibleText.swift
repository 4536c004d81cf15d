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

    /// `text` for a cell or a page header, where a spreadsheet reads `_xHHHH_` as the character
    /// U+HHHH (Excel decodes `_x0041_` in a shared or inline string as `A`, and libxlsxwriter passes
    /// it through): the underscore that starts any such sequence is written as `_x005F_` (itself an
    /// escaped underscore), so the text reads back as it was given. Other text is untouched.
    public static func cellText(_ text: String) -> String {
        let shown = writable(text).text
        var copy = shown
        let mayDecode = copy.withUTF8 { bytes in
            guard bytes.count >= 7 else { return false }
            for i in 0..<(bytes.count - 6) where bytes[i] == 0x5F && (bytes[i + 1] == 0x78 || bytes[i + 1] == 0x58) {
                return true
            }
            return false
        }
        guard mayDecode else { return shown }
        let scalars = Array(shown.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            if scalar == "_", startsEscape(scalars, at: i) {
                out.append(contentsOf: "_x005F_".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `_xHHHH_` (four hex digits) starts at `i`, in the original text: every start is escaped,
    /// overlapping ones too (`_x0041_x0042_`), so no decoder finds a sequence that was not meant.
    static func startsEscape(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < scalars.count, scalars[i + 1] == "x" || scalars[i + 1] == "X", scalars[i + 6] == "_" else { return false }
        return scalars[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
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
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool { TextRule.isRefused(scalar.value, allowingLineBreaks: true) }

    static func codePoint(_ value: UInt32) -> String { TextRule.codePoint(value) }
}
