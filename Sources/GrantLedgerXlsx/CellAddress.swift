import CXlsxWriter

/// A cell, zero-based (`row: 0, column: 0` is A1), as libxlsxwriter counts.
///
/// Plain `Int`s so callers can do arithmetic freely; the grid limits are checked when the address is
/// used, and a bad one is a thrown error, never a trapping integer conversion.
public struct CellAddress: Hashable, Sendable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `"B7"` (letters then a 1-based row number, `$` signs allowed).
    public init(a1 text: String) throws(WorkbookError) {
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

    /// `"B7"`: for building formulas that move with copying.
    public var a1: String { Self.columnName(column) + String(row + 1) }

    /// `"$B$7"`: for formulas and names that must keep pointing at this cell.
    public var absoluteA1: String { "$" + Self.columnName(column) + "$" + String(row + 1) }

    public var description: String { a1 }

    /// Column letters for a zero-based index: 0 → A, 25 → Z, 26 → AA.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [UInt8] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(remainder))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// The C types libxlsxwriter wants, or `.cellOutOfRange`.
    func checked() throws(WorkbookError) -> (row: lxw_row_t, column: lxw_col_t) {
        guard row >= 0, row < Int(LXW_ROW_MAX), column >= 0, column < Int(LXW_COL_MAX),
              let r = lxw_row_t(exactly: row), let c = lxw_col_t(exactly: column)
        else { throw .cellOutOfRange(row: row, column: column) }
        return (r, c)
    }
}
