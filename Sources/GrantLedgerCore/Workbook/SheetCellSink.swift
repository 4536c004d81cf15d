/// Where the cells of a streamed row go, left to right from the first column: into a `SheetRow`
/// (`SheetRowCollector`, for anyone reading the model) or straight into a file (the xlsx writer).
///
/// Why: the Spend sheet can have a million rows of ten cells. Made as `SheetRow`s, each row is an
/// array, each text cell a `String`, and the writer then turns each `String` back into bytes; here
/// a row is described once, by calls that hand over the ledger's own bytes, so the writer can copy
/// them to the file without making a value per cell, and a reader of the model still gets the
/// same `SheetRow` from the same description.
public protocol SheetCellSink: AnyObject {
    /// Starts a row; `height` is what `SheetRow.height` would hold (nil for the default).
    func beginRow(height: Double?)
    /// A cell with no value, with its look (a blank carries a look only in some roles).
    func empty(_ look: CellLook)
    /// A text cell: `utf8` is valid only during the call. Always stored as text, as `.text` is.
    func text(_ utf8: UnsafeBufferPointer<UInt8>, _ look: CellLook)
    func date(_ day: Day, _ look: CellLook)
    func money(_ money: Money, _ look: CellLook)
}

/// Rows described on demand, cell by cell, into a `SheetCellSink`: the long part of a sheet
/// (`SheetRows(_:then:)` puts held rows before it).
public protocol SheetRowStream: Sendable {
    var count: Int { get }
    /// Describes row `index` (from 0, the stream's first row) to `sink`: one `beginRow`, then its cells.
    func emit(_ index: Int, to sink: any SheetCellSink)
}

/// Collects a streamed row as a `SheetRow`: what a streamed sheet's rows are to anyone who asks
/// the model for them (tests, checks), made from the same description the writer streams.
final class SheetRowCollector: SheetCellSink {
    private(set) var row = SheetRow()

    func beginRow(height: Double?) { row = SheetRow(height: height) }
    func empty(_ look: CellLook) { row.cells.append(SheetCell(.empty, look)) }
    func text(_ utf8: UnsafeBufferPointer<UInt8>, _ look: CellLook) {
        row.cells.append(.text(String(decoding: utf8, as: UTF8.self), look))
    }
    func date(_ day: Day, _ look: CellLook) { row.cells.append(.date(day, look)) }
    func money(_ money: Money, _ look: CellLook) { row.cells.append(.money(money, look)) }
}
