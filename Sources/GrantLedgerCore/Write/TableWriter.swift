/// A report as an aligned text table for a terminal or an email: amounts right-aligned with `£`
/// and commas, a rule under the headings and above the totals.
///
/// Detail rows (a grant's lines) are indented under their row, and text they repeat from it (the
/// grant id) is left blank, so the nesting reads at a glance.
///
/// Free text longer than `textWidth` characters is shortened with `…` so a table fits a terminal;
/// CSV and JSON always carry the whole text.
///
/// On a terminal (`style` with colour) a RAG column's statuses are coloured red, amber and green:
/// each cell is padded on its visible width first, then painted, so the columns still line up.
public enum TableWriter {
    static let gap = "  "
    public static let textWidth = 44

    public static func render(_ report: Report, style: TerminalStyle = .plain) -> String {
        let columns = report.columns
        var body: [[String]] = []
        var parent: ReportRow?
        for row in report.rows {
            if !row.isDetail { parent = row }
            body.append(row.cells.enumerated().map { index, cell in
                guard row.isDetail, columns[index].kind == .text else { return cell.displayText }
                if let parent, parent.cells[index] == cell { return "" }
                let text = cell.displayText
                return text.isEmpty ? "" : String(repeating: "  ", count: row.level) + text
            }.enumerated().map { index, text in
                columns[index].kind == .text ? shortened(text) : text
            })
        }
        let header = columns.map(\.title)
        let totals = report.totals.cells.map(\.displayText)
        var widths = header.map(\.count)
        for line in body + [totals] {
            for (index, text) in line.enumerated() { widths[index] = max(widths[index], text.count) }
        }
        let rightAligned = columns.map { $0.kind == .money || $0.kind == .percent || $0.kind == .count }
        let coloured = style.usesColour ? columns.map(\.isRAG) : []
        func format(_ cells: [String], painted: Bool = false) -> String {
            var line = ""
            for (index, text) in cells.enumerated() {
                if index > 0 { line += gap }
                let padding = String(repeating: " ", count: widths[index] - text.count)
                let shown = painted && coloured[index] ? TerminalStyle.Tone(status: text).map { style.paint(text, $0) } ?? text : text
                line += rightAligned[index] ? padding + shown : shown + padding
            }
            return trimmingTrailingSpaces(line)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: gap)
        var output = report.title + "\n\n"
        output += format(header) + "\n" + rule + "\n"
        for line in body { output += format(line, painted: !coloured.isEmpty) + "\n" }
        if body.isEmpty { output += "(nothing to report)\n" }
        // A report with nothing to total (a calendar) ends at its last row.
        if report.totals.cells.contains(where: { $0 != .empty }) { output += rule + "\n" + format(totals) + "\n" }
        if !report.notes.isEmpty { output += "\n" + report.notes.map { $0 + "\n" }.joined() }
        return output
    }

    static func shortened(_ text: String) -> String {
        text.count <= textWidth ? text : String(text.prefix(textWidth - 1)) + "…"
    }

    private static func trimmingTrailingSpaces(_ line: String) -> String {
        var end = line.endIndex
        while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
        return String(line[..<end])
    }
}
