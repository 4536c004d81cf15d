/// One sheet of the committee workbook, described completely before anything is written: its
/// cells, and how it is laid out, frozen, filtered, printed and charted.
public struct SheetModel: Sendable {
    // Built by the sheet builders only, through the memberwise initialiser (in this order).
    public var name: String
    /// The sheet's title, repeated in the printed page header (cut to 100 characters there: a
    /// header holds at most 255).
    public var title: String
    public var rows: SheetRows
    /// Column widths in characters, from the first column.
    public var columnWidths: [Double] = []
    /// Rows (from the top) kept in view while scrolling.
    public var frozenRows = 0
    public var frozenColumns = 0
    /// Filter drop-downs: the first row of the area is the header.
    public var autofilter: CellArea?
    /// Rows printed at the top of every page (the column headings).
    public var printTitleRows: ClosedRange<Int>?
    public var charts: [ChartModel] = []
    /// Cells whose text is shown in a colour (RAG statuses): kept live, so a status a formula
    /// changes is recoloured too.
    public var highlights: [TextHighlight] = []
    /// Rows that begin a new printed page (so a chart is not cut in two across pages).
    public var pageBreaks: [Int] = []
    /// Protected without a password, every cell locked: a guard against an edit the sheet's figures
    /// cannot follow (a pot typed on an allocation sheet whose floors the program met), said on the
    /// sheet itself; anyone may unprotect it, so it is not a secret.
    public var isLocked = false
}

/// Colour the cells of `area` whose text is exactly `text` (made by the sheet builders).
public struct TextHighlight: Hashable, Sendable {
    public enum Tone: Hashable, Sendable { case red, amber, green }

    public let area: CellArea
    public let text: String
    public let tone: Tone
}

/// A bar or column chart over cells of the workbook, so it shows what the sheet shows.
public struct ChartModel: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Horizontal bars: many categories with long names (areas, grants).
        case bar
        /// Vertical columns: a few categories.
        case column
        /// Lines over periods: cumulative figures through a year.
        case line
    }

    public struct Series: Hashable, Sendable {
        public let name: String
        public let categories: SheetArea
        public let values: SheetArea
        /// 0xRRGGBB, or nil for the chart's own colours.
        public let color: UInt32?

        public init(name: String, categories: SheetArea, values: SheetArea, color: UInt32? = nil) {
            self.name = name
            self.categories = categories
            self.values = values
            self.color = color
        }
    }

    /// Colours that read apart on screen and in greyscale print: a pale budget behind a dark spend.
    public static let paleBlue: UInt32 = 0x9DC3E6
    public static let darkBlue: UInt32 = 0x1F4E79
    /// A forecast, apart from both.
    public static let orange: UInt32 = 0xC55A11

    public var kind: Kind
    public var title: String
    public var series: [Series]
    public var valueAxisTitle: String?
    /// Values are money: the axis is labelled in whole pounds.
    public var moneyAxis: Bool
    /// Top-left corner.
    public var anchor: CellRef
    /// Size in Excel's default chart size (480 × 288 pixels) multiples.
    public var widthScale: Double
    public var heightScale: Double

    public init(
        kind: Kind, title: String, series: [Series], valueAxisTitle: String? = nil, moneyAxis: Bool = true,
        anchor: CellRef, widthScale: Double = 1, heightScale: Double = 1
    ) {
        self.kind = kind
        self.title = title
        self.series = series
        self.valueAxisTitle = valueAxisTitle
        self.moneyAxis = moneyAxis
        self.anchor = anchor
        self.widthScale = widthScale
        self.heightScale = heightScale
    }
}
