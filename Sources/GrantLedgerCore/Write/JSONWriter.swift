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
        var output = "{\n  \"title\": \(string(report.title)),\n  \"columns\": ["
        for (index, column) in report.columns.enumerated() {
            output += index == 0 ? "\n    " : ",\n    "
            output += "{\"key\": \(string(column.key)), \"title\": \(string(column.title)), \"kind\": \(string(column.kind.rawValue))}"
        }
        output += "\n  ],\n  \"rows\": ["
        for (index, row) in report.rows.enumerated() {
            output += index == 0 ? "\n    " : ",\n    "
            output += object(row, report.columns, level: row.level)
        }
        output += report.rows.isEmpty ? "],\n" : "\n  ],\n"
        output += "  \"totals\": \(object(report.totals, report.columns, level: nil))\n}\n"
        return output
    }

    private static func object(_ row: ReportRow, _ columns: [ReportColumn], level: Int?) -> String {
        var members: [String] = []
        if let level { members.append("\"level\": \(level)") }
        for (column, cell) in zip(columns, row.cells) {
            members.append("\(string(column.key)): \(value(cell))")
        }
        return "{" + members.joined(separator: ", ") + "}"
    }

    private static func value(_ cell: ReportCell) -> String {
        switch cell {
        case .empty: return "null"
        case .count(let count): return String(count)
        case .percent(let percent): return percent.formatted.map(string) ?? "null"
        default: return string(cell.plainText)
        }
    }

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
