/// One row of cells, from the first column.
public struct SheetRow: Hashable, Sendable {
    public var cells: [SheetCell]
    /// Height in points when the row needs more than one line (wrapped text); nil for the default.
    /// Set by the model because a spreadsheet program does not re-measure rows when it opens a file.
    public var height: Double?
    /// The row's one cell (a subtitle or a note) spans every column of the sheet, wrapped: long text
    /// then stays within the table's width, on screen and on the printed page, instead of running
    /// past it and shrinking the whole page to fit.
    public var spansColumns: Bool

    public init(_ cells: [SheetCell] = [], height: Double? = nil, spansColumns: Bool = false) {
        self.cells = cells
        self.height = height
        self.spansColumns = spansColumns
    }

    public static let blank = SheetRow()
}

/// A sheet's rows, top to bottom, either held or made on demand.
///
/// The Spend sheet can have a million rows: it is described by a count and a function from row
/// number to row, so the writer can stream it to disk with memory that stays flat however many
/// rows there are, while smaller sheets simply hold their rows.
public struct SheetRows: Sendable {
    public let count: Int
    private let make: @Sendable (Int) -> SheetRow

    public init(_ rows: [SheetRow]) {
        count = rows.count
        make = { rows[$0] }
    }

    /// `count` rows, row `i` made by `row(i)` when the writer reaches it.
    public init(count: Int, row: @escaping @Sendable (Int) -> SheetRow) {
        self.count = max(0, count)
        make = row
    }

    public subscript(index: Int) -> SheetRow {
        index >= 0 && index < count ? make(index) : .blank
    }
}
