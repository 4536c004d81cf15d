import CXlsxWriter
import GrantLedgerCore

/// Core's cells as libxlsxwriter takes them. The core counts cells in plain `Int`s so it can do
/// arithmetic freely; the grid limits are checked here, where a cell is written, and a bad one is a
/// thrown error, never a trapping integer conversion.
extension CellRef {
    /// Parses `"B7"` (letters then a 1-based row number, `$` signs allowed): how a defined name that
    /// reads as a cell is recognised.
    init(a1 text: String) throws(WorkbookError) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in text.utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { throw .invalidArgument("bad cell reference '\(text)'") }
                column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { throw .invalidArgument("bad cell reference '\(text)'") }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                throw .invalidArgument("bad cell reference '\(text)'")
            }
        }
        guard letters > 0, digits > 0, row > 0 else { throw .invalidArgument("bad cell reference '\(text)'") }
        self.init(row: row - 1, column: column - 1)
        _ = try checked()
    }

    /// The C types libxlsxwriter wants, or `.cellOutOfRange`.
    func checked() throws(WorkbookError) -> (row: lxw_row_t, column: lxw_col_t) {
        guard row >= 0, row < Int(LXW_ROW_MAX), column >= 0, column < Int(LXW_COL_MAX),
              let r = lxw_row_t(exactly: row), let c = lxw_col_t(exactly: column)
        else { throw .cellOutOfRange(row: row, column: column) }
        return (r, c)
    }
}

extension CellArea {
    /// Both corners as libxlsxwriter wants them, first above and left of last.
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

extension SheetArea {
    /// `'Spend data'!$B$2:$B$9`, with the sheet name quoted by the one rule (libxlsxwriter's own
    /// quoting leaves `FY2019` bare): what charts and defined names are written with.
    var reference: String { SheetNames.quoted(sheet) + "!" + area.absolute }
}
