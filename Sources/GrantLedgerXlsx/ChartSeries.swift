/// One series: category labels and values, from ranges of the same length.
public struct ChartSeries: Sendable {
    /// Legend text (literal).
    public var name: String?
    public var categories: SheetRange
    public var values: SheetRange
    /// Fill colour as 0xRRGGBB (`nil`: the chart style's next colour).
    public var color: UInt32?

    public init(name: String? = nil, categories: SheetRange, values: SheetRange, color: UInt32? = nil) {
        self.name = name
        self.categories = categories
        self.values = values
        self.color = color
    }
}
