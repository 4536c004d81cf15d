/// A report as JSON for programs, written by hand so the key order is fixed and amounts stay exact:
///
///     {"title": "...", "columns": [{"key": "grant", "title": "Grant", "kind": "text"}, ...],
///      "rows": [{"level": 0, "grant": "snb-2019-20", "budget": "625118.00", ...}, ...],
///      "totals": {"grant": "Total", "budget": "625118.00", ...}}
///
/// Amounts and percents are strings (`"270750.00"`, `"12.3"`) because a JSON number is read as a
/// binary float by most parsers, which cannot hold every penny. Counts are numbers, dates ISO
/// strings, blanks `null`. Row keys follow the column order; `level` is 1 for detail rows.
public enum JSONWriter {
    public static func render(_ report: Report) -> String {
        var members: [(key: String, value: String)] = [
            ("title", string(report.title)),
            ("columns", array(report.columns.map {
                object([("key", string($0.key)), ("title", string($0.title)), ("kind", string($0.kind.rawValue))])
            })),
            ("rows", array(report.rows.map { row(row: $0, report.columns, level: $0.level) })),
            ("totals", row(row: report.totals, report.columns, level: nil)),
        ]
        // Only a report with notes has the member, so every other report reads as before.
        if !report.notes.isEmpty { members.append(("notes", array(report.notes.map(string)))) }
        return document(members)
    }

    static func row(row: ReportRow, _ columns: [ReportColumn], level: Int?) -> String {
        var members: [(key: String, value: String)] = []
        if let level { members.append(("level", String(level))) }
        for (column, cell) in zip(columns, row.cells) {
            members.append((column.key, value(cell)))
        }
        return object(members)
    }

    private static func value(_ cell: ReportCell) -> String {
        switch cell {
        case .empty: return "null"
        case .count(let count): return String(count)
        case .percent(let percent): return percent.formatted.map(string) ?? "null"
        default: return string(cell.plainText)
        }
    }

    // The one ordered JSON builder (reports, allocations, comparisons): members in the order given,
    // values already JSON text; amounts are passed as strings (`amount`), never as numbers.

    /// A whole document: `{`, one member per line indented two spaces, `}` and a line break.
    public static func document(_ members: [(key: String, value: String)]) -> String {
        block(members.map(member), indent: 2) + "\n"
    }

    /// An object one entry per line at `indent` spaces, its closing brace two spaces less; an entry is
    /// one `"key": value` (`member`) or several joined on one line.
    public static func block(_ entries: [String], indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return "{\n" + entries.map { pad + $0 }.joined(separator: ",\n") + "\n" + pad.dropLast(2) + "}"
    }

    /// One `"key": value` member.
    public static func member(_ key: String, _ value: String) -> String { "\(string(key)): \(value)" }

    /// An object on one line: `{"key": value, …}`.
    public static func object(_ members: [(key: String, value: String)]) -> String {
        "{" + members.map { member($0.key, $0.value) }.joined(separator: ", ") + "}"
    }

    /// An array one element per line at `indent` spaces (four: a document member's), its closing
    /// bracket two spaces less; `[]` when empty.
    public static func array(_ elements: [String], indent: Int = 4) -> String {
        guard !elements.isEmpty else { return "[]" }
        let pad = String(repeating: " ", count: indent)
        return "[\n" + pad + elements.joined(separator: ",\n" + pad) + "\n" + pad.dropLast(2) + "]"
    }

    /// An array on one line: `[a, b]`.
    public static func inlineArray(_ elements: [String]) -> String { "[" + elements.joined(separator: ", ") + "]" }

    /// An amount as an exact decimal string (`"46234.57"`): a JSON number would be read as a binary float.
    public static func amount(_ money: Money) -> String { string(money.formatted(.plain)) }

    /// A string, or `null`.
    public static func nullable(_ text: String?) -> String { text.map { string($0) } ?? "null" }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest UTF-8.
    public static func string(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
