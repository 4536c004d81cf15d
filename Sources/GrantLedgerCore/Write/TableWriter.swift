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
        let rightAligned = columns.map(isRightAligned)
        let coloured = style.usesColour ? columns.map(\.isRAG) : []
        func format(_ cells: [String], painted: Bool = false) -> String {
            line(cells, widths: widths, rightAligned: rightAligned) { index, text in
                painted && coloured[index] ? TerminalStyle.Tone(status: text).map { style.paint(text, $0) } ?? text : text
            }
        }
        let rule = self.rule(widths)
        var output = report.title + "\n\n"
        output += format(header) + "\n" + rule + "\n"
        for line in body { output += format(line, painted: !coloured.isEmpty) + "\n" }
        if body.isEmpty { output += "(nothing to report)\n" }
        // A report with nothing to total (a calendar) ends at its last row.
        if report.totals.cells.contains(where: { $0 != .empty }) { output += rule + "\n" + format(totals) + "\n" }
        if !report.notes.isEmpty { output += "\n" + report.notes.map { $0 + "\n" }.joined() }
        return output
    }

    /// The kinds of column whose cells are right-aligned: the figures.
    static func isRightAligned(_ column: ReportColumn) -> Bool {
        column.kind == .money || column.kind == .percent || column.kind == .count
    }

    /// One line of the table: each cell padded to its column's width on the side away from its
    /// alignment, the columns `gap` apart, no spaces at the end. `shown` may dress a cell (paint
    /// it) after its padding is counted.
    static func line(_ cells: [String], widths: [Int], rightAligned: [Bool], shown: (Int, String) -> String = { $1 }) -> String {
        var line = ""
        for (index, text) in cells.enumerated() {
            if index > 0 { line += gap }
            let padding = String(repeating: " ", count: widths[index] - text.count)
            let dressed = shown(index, text)
            line += rightAligned[index] ? padding + dressed : dressed + padding
        }
        return trimmingTrailingSpaces(line)
    }

    /// The rule under the headings and above the totals.
    static func rule(_ widths: [Int]) -> String { widths.map { String(repeating: "-", count: $0) }.joined(separator: gap) }

    static func shortened(_ text: String) -> String {
        text.count <= textWidth ? text : String(text.prefix(textWidth - 1)) + "…"
    }

    private static func trimmingTrailingSpaces(_ line: String) -> String {
        var end = line.endIndex
        while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
        return String(line[..<end])
    }
}
