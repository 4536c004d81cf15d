/// Sheet names as a spreadsheet accepts them, made from names people chose (a scenario's name), and
/// the one way a formula, chart or defined name refers to a sheet.
public enum SheetNames {
    /// Excel's limit, in UTF-16 code units (what Excel counts: a flag emoji is four).
    public static let maxUnits = 31
    /// A name Excel keeps for itself (the change-history sheet), in any case.
    public static let reserved = "History"
    /// What a name with nothing usable left becomes.
    public static let fallback = "Sheet"

    /// `name` made legal and distinct from `taken`, compared as Excel compares sheet names (ignoring
    /// case, Unicode included): the characters `[]:*?/\` and anything that is not text (controls,
    /// U+FFFE/U+FFFF) are dropped, so are spaces and apostrophes at either end; the rest is cut to
    /// 31 UTF-16 units without splitting a character; `History` counts as taken; a clash gets
    /// ` (2)`, ` (3)`… within the limit; an empty result is `Sheet`.
    public static func unique(_ name: String, taken: [String]) -> String {
        var keys = SheetNameKeys()
        keys.insert(reserved)
        for other in taken { keys.insert(other) }
        return unique(name, keys: &keys)
    }

    /// The same, for many names in turn: each result is added to `keys`, so the next one avoids it.
    public static func unique(_ name: String, keys: inout SheetNameKeys) -> String {
        let base = cleaned(name)
        var candidate = clipped(base, toUnits: maxUnits)
        var counter = 2
        while keys.contains(candidate) {
            let suffix = " (\(counter))"
            candidate = clipped(base, toUnits: maxUnits - suffix.utf16.count) + suffix
            counter += 1
        }
        keys.insert(candidate)
        return candidate
    }

    /// `name` without the characters no sheet name may hold and without edge spaces and apostrophes;
    /// `Sheet` when nothing is left.
    static func cleaned(_ name: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in name.unicodeScalars where !isRefused(scalar) { kept.append(scalar) }
        let text = trimmed(Substring(withoutXMLEscapes(kept)))
        return text.isEmpty ? fallback : String(text)
    }

    /// The text with the closing `_` of every `_xHHHH_` dropped: a workbook's XML reads `_x0041_` in
    /// a sheet name as `A` (LibreOffice renames the sheet, and every formula naming it breaks), and
    /// formulas cannot carry the escaped form `_x005F_x0041_`, so the name must not hold the pattern.
    static func withoutXMLEscapes(_ scalars: String.UnicodeScalarView) -> String {
        var text = Array(scalars)
        var index = 0
        while index + 6 < text.count {
            if text[index] == "_" && VisibleText.startsEscape(text, at: index) { text.remove(at: index + 6) } else { index += 1 }
        }
        return String(String.UnicodeScalarView(text))
    }

    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x5B, 0x5D, 0x3A, 0x2A, 0x3F, 0x2F, 0x5C: return true  // [ ] : * ? / \
        case 0...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// Edge apostrophes (Excel refuses them) and edge white space (invisible in a tab) removed, by
    /// code point: Excel looks at the first and last unit, so `'` followed by a combining accent
    /// still starts with an apostrophe.
    static func trimmed(_ text: Substring) -> Substring {
        func edge(_ s: Unicode.Scalar) -> Bool { s == "'" || s.properties.isWhitespace }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !edge($0) }),
              let last = scalars.lastIndex(where: { !edge($0) }) else { return "" }
        return Substring(scalars[first...last])
    }

    /// The longest run of whole characters from the start of `text` within `units` UTF-16 units,
    /// trimmed again (a cut can leave an apostrophe or space at the end); `Sheet` if that is empty.
    static func clipped(_ text: String, toUnits units: Int) -> String {
        if text.utf16.count <= units { return text }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let width = text[index].utf16.count
            if used + width > units { break }
            used += width
            end = text.index(after: index)
        }
        let cut = trimmed(text[..<end])
        return cut.isEmpty ? String(fallback.prefix(units)) : String(cut)
    }

    /// The name as a formula writes it before `!`: bare only when Excel and LibreOffice can read it
    /// bare (ASCII letters, digits and `_`, not starting with a digit, not a cell reference in A1 or
    /// R1C1 style, not `TRUE`/`FALSE`); otherwise in apostrophes with any apostrophe doubled. Quoting
    /// a name that did not need it is harmless; leaving one bare that did is not.
    public static func quoted(_ name: String) -> String {
        if isBare(name) { return name }
        var quoted = "'"
        for scalar in name.unicodeScalars {
            quoted.unicodeScalars.append(scalar)
            if scalar == "'" { quoted.append("'") }
        }
        return quoted + "'"
    }

    static func isBare(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, !isDigit(first) else { return false }
        guard bytes.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") }) else { return false }
        let upper = name.uppercased()
        if upper == "TRUE" || upper == "FALSE" || upper == "R" || upper == "C" { return false }
        return !looksLikeA1(Array(upper.utf8)) && !looksLikeR1C1(Array(upper.utf8))
    }

    /// Letters then digits (`AB12`, `FY2019`, `XFD1048576`, and longer runs a wider grid might
    /// read as a cell): quoted, which costs nothing when it was not needed.
    static func looksLikeA1(_ upper: [UInt8]) -> Bool {
        let letters = upper.prefix { isLetter($0) }.count
        let digits = upper.dropFirst(letters)
        return letters > 0 && !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    /// `R`, digits, `C`, digits (either run of digits may be empty): an R1C1 reference.
    static func looksLikeR1C1(_ upper: [UInt8]) -> Bool {
        guard upper.first == UInt8(ascii: "R") else { return false }
        let rest = upper.dropFirst()
        let rowDigits = rest.prefix(while: isDigit)
        let afterRow = rest.dropFirst(rowDigits.count)
        guard afterRow.first == UInt8(ascii: "C") else { return rest.allSatisfy(isDigit) }
        return afterRow.dropFirst().allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
    }
}

/// The sheet names already in a workbook, as Excel compares them: ignoring case by full Unicode
/// case mapping both ways (so `ß`/`ẞ`/`SS`, `ǅ`/`ǆ` and the Kelvin sign all clash), and by canonical
/// equivalence (a precomposed `é` and `e` + U+0301 clash). Stricter than any one program's rule, so a
/// name it accepts is unique in Excel, LibreOffice and openpyxl alike.
public struct SheetNameKeys: Sendable {
    private var lowered: Set<String> = []
    private var folded: Set<String> = []

    public init() {}

    public mutating func insert(_ name: String) {
        lowered.insert(name.lowercased())
        folded.insert(Self.folded(name))
    }

    /// Lower, upper, lower: `ẞ` → `ß` → `SS` → `ss`, as full case folding has it.
    static func folded(_ name: String) -> String { name.lowercased().uppercased().lowercased() }

    public func contains(_ name: String) -> Bool {
        lowered.contains(name.lowercased()) || folded.contains(Self.folded(name))
    }
}
