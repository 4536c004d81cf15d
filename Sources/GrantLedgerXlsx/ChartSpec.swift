/// A bar or column chart over ranges already written to the workbook, described as a value.
///
/// The chart refers to cells rather than carrying numbers, so it always shows what the sheet shows.
public struct ChartSpec: Sendable {
    public enum Kind: Sendable {
        /// Horizontal bars: best for many areas with long names.
        case bar
        /// Vertical columns: best for a few categories, e.g. financial years.
        case column
    }

    public var kind: Kind
    /// Literal text, never a formula, whatever characters it starts with.
    public var title: String?
    public var series: [ChartSeries]
    public var categoryAxisTitle: String?
    public var valueAxisTitle: String?
    /// Number format for the value axis, e.g. `£#,##0`.
    public var valueAxisNumberFormat: String?
    public var showLegend: Bool
    /// Categories in the order of the rows they come from, first at the top of a bar chart (Excel
    /// otherwise draws the first row at the bottom, the reverse of the table beside it).
    public var categoriesInRowOrder: Bool

    public init(
        kind: Kind, title: String? = nil, series: [ChartSeries], categoryAxisTitle: String? = nil,
        valueAxisTitle: String? = nil, valueAxisNumberFormat: String? = nil, showLegend: Bool = true,
        categoriesInRowOrder: Bool = false
    ) {
        self.categoriesInRowOrder = categoriesInRowOrder
        self.kind = kind
        self.title = title
        self.series = series
        self.categoryAxisTitle = categoryAxisTitle
        self.valueAxisTitle = valueAxisTitle
        self.valueAxisNumberFormat = valueAxisNumberFormat
        self.showLegend = showLegend
    }
}
