/// A report as CSV for spreadsheets and scripts: a header of column keys, then one line per row,
/// amounts as plain decimals (`270750.00`), percents as `12.3`, blanks as empty fields.
///
/// No totals row: CSV is data, and a totals line would be summed again by whoever loads it.
/// A grants report's line rows carry their line id in the `line` column (grant rows leave it
/// empty). Cells are written by `CSVCell`: quoted per RFC 4180 when they must be, and a text cell
/// that a spreadsheet would run as a formula gets a leading `'`; money, percents, counts and dates
/// are written as they are. Lines end with `\n`.
public enum CSVWriter {
    public static func render(_ report: Report) -> String {
        var output = report.columns.map { CSVCell.text($0.key) }.joined(separator: ",") + "\n"
        for row in report.rows {
            output += row.cells.map(field).joined(separator: ",") + "\n"
        }
        return output
    }

    /// One cell, by its kind: text is guarded, figures are not.
    static func field(_ cell: ReportCell) -> String {
        switch cell {
        case .text(let text): return CSVCell.text(text)
        case .empty, .money, .percent, .date, .count: return CSVCell.number(cell.plainText)
        }
    }
}
