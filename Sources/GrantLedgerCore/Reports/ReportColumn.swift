/// One column of a report: a stable machine key (CSV header, JSON key), a title for people, the
/// kind of value it holds, and how its total is made.
public struct ReportColumn: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case text, money, percent, date, count
    }

    /// How the totals row fills this column. Percents are never summed: the total of a percent
    /// column is the ratio of its two money columns' totals, so it agrees with the rows' figures.
    public enum Total: Hashable, Sendable {
        case none
        /// The word "Total" (the first text column).
        case label
        /// The sum of the rows (money and count columns).
        case sum
        /// `Percent(part: sum of columns[parts], whole: column[whole])`, by column index.
        case ratio(parts: [Int], whole: Int)
    }

    public let key: String
    public let title: String
    public let kind: Kind
    public let total: Total
    /// A text column of RAG statuses (`Red`, `Amber`, `Green`), which a table on a terminal colours.
    public var isRAG = false

    public static func text(_ key: String, _ title: String, label: Bool = false) -> ReportColumn {
        ReportColumn(key: key, title: title, kind: .text, total: label ? .label : .none)
    }

    /// A column of RAG statuses: text, coloured red, amber or green on a terminal.
    public static func rag(_ key: String, _ title: String) -> ReportColumn {
        var column = ReportColumn.text(key, title)
        column.isRAG = true
        return column
    }

    public static func money(_ key: String, _ title: String) -> ReportColumn {
        ReportColumn(key: key, title: title, kind: .money, total: .sum)
    }

    /// `summed: false` for a number that is not a quantity (a line number in a file).
    public static func count(_ key: String, _ title: String, summed: Bool = true) -> ReportColumn {
        ReportColumn(key: key, title: title, kind: .count, total: summed ? .sum : .none)
    }

    public static func date(_ key: String, _ title: String) -> ReportColumn {
        ReportColumn(key: key, title: title, kind: .date, total: .none)
    }

    public static func percent(_ key: String, _ title: String, parts: [Int], whole: Int) -> ReportColumn {
        ReportColumn(key: key, title: title, kind: .percent, total: .ratio(parts: parts, whole: whole))
    }
}
