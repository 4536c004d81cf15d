/// How a report is written: a table for people, CSV and JSON for machines. Only the table takes
/// `style` (colour on a terminal): what machines read is never coloured.
public enum ReportFormat: String, CaseIterable, Sendable {
    case table, csv, json

    public func render(_ report: Report, style: TerminalStyle = .plain) -> String {
        switch self {
        case .table: return TableWriter.render(report, style: style)
        case .csv: return CSVWriter.render(report)
        case .json: return JSONWriter.render(report)
        }
    }
}

extension ReportCell {
    /// The value as machines read it: `270750.00`, `12.3`, `2019-04-01`, `3`; empty for a blank.
    var plainText: String {
        switch self {
        case .empty: return ""
        case .text(let text): return text
        case .money(let money): return money.formatted(.plain)
        case .percent(let percent): return percent.formatted ?? ""
        case .date(let day): return day.description
        case .count(let count): return String(count)
        }
    }

    /// The value as people read it: `£270,750.00`, `12.3%`.
    var displayText: String {
        switch self {
        case .money(let money): return money.formatted(.display)
        case .percent(let percent): return percent.formatted.map { "\($0)%" } ?? ""
        default: return plainText
        }
    }
}
