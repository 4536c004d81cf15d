/// The one home of how every CSV output writes a cell (reports, audit, allocations, comparisons,
/// sensitivity): RFC 4180 quoting, and text kept from being read as a formula.
///
/// A finance officer opens these files in Excel, which runs a cell starting `=`, `+`, `-` or `@`
/// (or a tab or carriage return before one) as a formula: `=HYPERLINK(…)` in a supplier's name
/// would run on opening. Following OWASP's advice on CSV injection, such text gets a leading `'`,
/// which a spreadsheet shows as text and hides. Numbers the program writes (money `-12.50`,
/// percents, counts, dates) are never changed: the writer says which cells are numbers.
public enum CSVCell {
    /// Text (from an input, or a label): guarded against formulas, then quoted when it must be.
    public static func text(_ text: String) -> String {
        quoted(startsLikeAFormula(text) ? "'" + text : text)
    }

    /// A figure the program wrote (`270750.00`, `-12.50`, `12.3`, `2022-06-01`): written as it is.
    public static func number(_ text: String) -> String { quoted(text) }

    /// Whether a spreadsheet would read `text` as the start of a formula.
    public static func startsLikeAFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return startsLikeAFormula(first: first)
    }

    /// Whether text whose first byte is `first` starts like a formula: `=`, `+`, `-`, `@`, a tab or a
    /// carriage return.
    static func startsLikeAFormula(first: UInt8) -> Bool {
        first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D
    }

    /// Whether text must be quoted: it holds a comma, a quote or a line break, or starts or ends
    /// with a space (which a spreadsheet would trim).
    static func needsQuotes<Bytes: BidirectionalCollection>(_ utf8: Bytes) -> Bool where Bytes.Element == UInt8 {
        utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } || utf8.first == 0x20 || utf8.last == 0x20
    }

    /// Quoted, with quotes doubled, when it must be (`needsQuotes`).
    static func quoted(_ text: String) -> String {
        guard needsQuotes(text.utf8) else { return text }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }
}
