/// The one rule for text that grantledger keeps and writes out: every reader applies it to the
/// text fields it reads (with a located error), the command line applies it to text options (as a
/// usage error), and the workbook can then write any text it holds as valid XML in one cell.
///
/// Why these three: XML 1.0 cannot carry C0 controls other than tab, newline and carriage return,
/// nor U+FFFE/U+FFFF (openpyxl refuses such a workbook); C strings end at NUL (libxlsxwriter would
/// cut the text short); and Excel holds at most 32,767 UTF-16 units in a cell.
public enum TextRule {
    /// Excel's limit on the text of one cell, in UTF-16 code units.
    public static let maxCellUnits = 32_767

    /// What is wrong with a piece of text.
    public enum Problem: Equatable, Sendable {
        /// A control character (U+0000–U+001F other than tab, or U+007F), at this UTF-8 byte offset.
        case control(scalar: UInt32, byteOffset: Int)
        /// U+FFFE or U+FFFF, which are not characters, at this UTF-8 byte offset.
        case nonCharacter(scalar: UInt32, byteOffset: Int)
        /// Longer than a cell holds: this many UTF-16 units.
        case tooLong(units: Int)

        /// Where the problem starts, in UTF-8 bytes from the start of the text (0 for a length).
        public var byteOffset: Int {
            switch self {
            case .control(_, let offset), .nonCharacter(_, let offset): return offset
            case .tooLong: return 0
            }
        }

        /// A sentence for a message: `contains the control character U+0001`.
        public var explanation: String {
            switch self {
            case .control(let scalar, _):
                return "contains the control character \(TextRule.codePoint(scalar))\(scalar == 0 ? " (NUL)" : "")"
            case .nonCharacter(let scalar, _):
                return "contains \(TextRule.codePoint(scalar)), which is not a character"
            case .tooLong(let units):
                return "is \(units) characters long (UTF-16 units), more than the \(TextRule.maxCellUnits) a spreadsheet cell holds"
            }
        }
    }

    /// The first problem in `text`, or nil when it may be kept and written anywhere.
    /// `allowingLineBreaks` lets newline and carriage return through (a multi-line note).
    public static func firstProblem(in text: some StringProtocol, allowingLineBreaks: Bool = false) -> Problem? {
        var offset = 0
        var units = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if isRefused(value, allowingLineBreaks: allowingLineBreaks) {
                return value == 0xFFFE || value == 0xFFFF
                    ? .nonCharacter(scalar: value, byteOffset: offset) : .control(scalar: value, byteOffset: offset)
            }
            offset += scalar.utf8.count
            units += scalar.utf16.count
        }
        return units > maxCellUnits ? .tooLong(units: units) : nil
    }

    /// Whether the rule refuses this code point: a C0 control other than tab (and, when allowed,
    /// newline and carriage return), DEL, U+FFFE or U+FFFF.
    public static func isRefused(_ value: UInt32, allowingLineBreaks: Bool = false) -> Bool {
        if value < 0x20 { return value != 0x09 && !(allowingLineBreaks && (value == 0x0A || value == 0x0D)) }
        return value == 0x7F || value == 0xFFFE || value == 0xFFFF
    }

    /// `U+0001`
    static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
