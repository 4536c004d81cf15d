/// A report's typed rows and the filter they were made for: what a report computes before any
/// table is drawn. The table writers get a `Report` rendered from these (each report's `table`);
/// the workbook's sheets read these directly, so no one reads a figure back out of a table.
public struct ReportFigures<Row: Sendable>: Sendable {
    public let filter: ReportFilter
    public let rows: [Row]

    public init(filter: ReportFilter, rows: [Row]) {
        self.filter = filter
        self.rows = rows
    }

    /// Whether the dates asked for start somewhere, so that spend before them is shown apart.
    public var hasBefore: Bool { filter.start != nil }

    /// `Grants` or `Grants (2019-20; grant snb-2019-20)`.
    func title(_ name: String) -> String { filter.title(name) }
}
