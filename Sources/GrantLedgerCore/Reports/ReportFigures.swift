/// A report's typed rows and the filter they were made for: what a report computes before any
/// table is drawn. The table writers get a `Report` rendered from these (each report's `table`);
/// the workbook's sheets read these directly, so no one reads a figure back out of a table.
/// Only the core builds them (from a ledger), so a client cannot hand the sheets figures that no report computed.
public struct ReportFigures<Row: Sendable>: Sendable {
    public let filter: ReportFilter
    public let rows: [Row]

    init(filter: ReportFilter, rows: [Row]) {
        self.filter = filter
        self.rows = rows
    }

    /// Whether the dates asked for start somewhere, so that spend before them is shown apart.
    public var hasBefore: Bool { filter.start != nil }

    /// `Grants` or `Grants (2019-20; grant snb-2019-20)`.
    func title(_ name: String) -> String { filter.title(name) }
}

/// A row of spend grouped by a tag (an initiative, an area): what the two reports of spend by tag
/// have in common, so their tables are drawn by one function.
protocol TaggedSpend: Sendable {
    var key: TagKey { get }
    var name: String { get }
    /// The texts between the name and the spend, in column order.
    var details: [String?] { get }
    var spent: Money { get }
    var postings: Int { get }
}

extension ReportFigures where Row: TaggedSpend {
    /// `key, name, details…, spent, postings`: the key's column is labelled with the total.
    func spendTable(_ name: String, key: ReportColumn, details: [ReportColumn]) throws(ReportError) -> Report {
        let columns = [key, .text("name", "Name")] + details + [.money("spent", "Spent"), .count("postings", "Postings")]
        let rows = rows.map { row in
            ReportRow([.text(row.key.label), .text(row.name)] + row.details.map(\.cell) + [.money(row.spent), .count(row.postings)])
        }
        return try Report(title: title(name), columns: columns, rows: rows)
    }
}
