/// A report as CSV for spreadsheets and scripts: a header of column keys, then one line per row,
/// amounts as plain decimals (`270750.00`), percents as `12.3`, blanks as empty fields.
///
/// No totals row: CSV is data, and a totals line would be summed again by whoever loads it.
/// A grants report's line rows carry their line id in the `line` column (grant rows leave it
/// empty). Fields are quoted per RFC 4180 when they hold a comma, a quote or a line break; text
/// starting `=`, `+`, `-` or `@` is written as it is, since CSV is data, not a spreadsheet. Lines
/// end with `\n`.
public enum CSVWriter {
    public static func render(_ report: Report) -> String {
        var output = report.columns.map { field($0.key) }.joined(separator: ",") + "\n"
        for row in report.rows {
            output += row.cells.map { field($0.plainText) }.joined(separator: ",") + "\n"
        }
        return output
    }

    /// One RFC 4180 field: quoted, with quotes doubled, when it needs to be.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return text }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }
}
