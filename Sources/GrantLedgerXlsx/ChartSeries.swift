/// One series: category labels and values, from ranges of the same length.
public struct ChartSeries: Sendable {
    /// Legend text (literal).
    public var name: String?
    public var categories: SheetRange
    public var values: SheetRange

    public init(name: String? = nil, categories: SheetRange, values: SheetRange) {
        self.name = name
        self.categories = categories
        self.values = values
    }
}
