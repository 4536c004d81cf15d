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
/// The Spend sheet can have a million rows: it is a few held rows followed by a `SheetRowStream`,
/// so the writer can stream it to disk with memory that stays flat however many rows there are,
/// taking each row's cells straight from the stream, while smaller sheets simply hold their rows.
public struct SheetRows: Sendable {
    public let count: Int
    private let make: @Sendable (Int) -> SheetRow
    /// The rows from `streamStart` on, for a writer that takes their cells straight from it.
    public let stream: (any SheetRowStream)?
    /// The first row of `stream`: the rows before it are held (`count` when there is no stream).
    public let streamStart: Int

    public init(_ rows: [SheetRow]) {
        count = rows.count
        make = { rows[$0] }
        stream = nil
        streamStart = count
    }

    /// `held`, then the rows of `stream`; a streamed row read through the subscript is collected
    /// from the same description the writer streams.
    public init(_ held: [SheetRow], then stream: some SheetRowStream) {
        count = held.count + stream.count
        streamStart = held.count
        self.stream = stream
        make = { index in
            if index < held.count { return held[index] }
            let collector = SheetRowCollector()
            stream.emit(index - held.count, to: collector)
            return collector.row
        }
    }

    public subscript(index: Int) -> SheetRow {
        index >= 0 && index < count ? make(index) : .blank
    }
}
