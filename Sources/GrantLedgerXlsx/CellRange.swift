import CXlsxWriter

/// A rectangle of cells, corners inclusive.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var first: CellAddress
    public var last: CellAddress

    public init(first: CellAddress, last: CellAddress) {
        self.first = first
        self.last = last
    }

    /// Rows `rows` of one column: the usual shape of a chart series or a SUM.
    public init(column: Int, rows: ClosedRange<Int>) {
        self.init(first: CellAddress(row: rows.lowerBound, column: column),
                  last: CellAddress(row: rows.upperBound, column: column))
    }

    public var a1: String { first.a1 + ":" + last.a1 }
    public var absoluteA1: String { first.absoluteA1 + ":" + last.absoluteA1 }
    public var description: String { a1 }

    func checked() throws(WorkbookError)
        -> (firstRow: lxw_row_t, firstColumn: lxw_col_t, lastRow: lxw_row_t, lastColumn: lxw_col_t)
    {
        let a = try first.checked()
        let b = try last.checked()
        guard a.row <= b.row, a.column <= b.column else {
            throw .invalidArgument("range \(a1) has its corners the wrong way round")
        }
        return (a.row, a.column, b.row, b.column)
    }
}
