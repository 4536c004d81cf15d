/// How the one door reads a file's bytes: as text (UTF-8, or converted from the encoding its rules
/// name), or as a binary container (an .xlsx workbook) whose parts its own reader checks.
public enum InputFormat: Sendable, Hashable {
    /// Text in this encoding, converted to UTF-8 before any reader sees it.
    case text(TextEncoding)
    /// Bytes as they are: no encoding or line-end checks (a zip holds any bytes).
    case binary

    public static let utf8 = InputFormat.text(.utf8)
}
