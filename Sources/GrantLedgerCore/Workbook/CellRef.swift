/// A cell on a sheet, zero-based (`row: 0, column: 0` is A1).
///
/// The core writes the text of its own formulas, so it names cells itself rather than depending on
/// the workbook library; the writer only ever receives finished formula text.
public struct CellRef: Hashable, Sendable, CustomStringConvertible {
    public let row: Int
    public let column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// `B5`: moves when a formula is copied.
    public var a1: String { Self.columnName(column) + String(row + 1) }
    /// `$B$5`: always this cell.
    public var absolute: String { "$" + Self.columnName(column) + "$" + String(row + 1) }
    /// `B$5`: the row stays put, as in a column total copied across.
    public var rowAbsolute: String { Self.columnName(column) + "$" + String(row + 1) }

    public var description: String { a1 }

    /// This cell on `sheet`, as another sheet's formula refers to it: `'Equal thirds'!O12`.
    public func on(sheet: String) -> String { SheetNames.quoted(sheet) + "!" + a1 }

    /// Column letters for a zero-based index: 0 → A, 25 → Z, 26 → AA.
    public static func columnName(_ index: Int) -> String {
        var n = max(0, index) + 1
        var letters: [UInt8] = []
        while n > 0 {
            letters.append(UInt8(ascii: "A") + UInt8((n - 1) % 26))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }
}

/// A rectangle of cells, corners included.
public struct CellArea: Hashable, Sendable, CustomStringConvertible {
    public let first: CellRef
    public let last: CellRef

    public init(first: CellRef, last: CellRef) {
        self.first = first
        self.last = last
    }

    /// Rows `rows` of one column: a column of figures, as a SUM or a chart series takes it.
    public init(column: Int, rows: ClosedRange<Int>) {
        self.init(first: CellRef(row: rows.lowerBound, column: column), last: CellRef(row: rows.upperBound, column: column))
    }

    /// `B5:B11`
    public var a1: String { first.a1 + ":" + last.a1 }
    /// `$B$5:$B$11`
    public var absolute: String { first.absolute + ":" + last.absolute }
    /// `B$5:B$11`
    public var rowAbsolute: String { first.rowAbsolute + ":" + last.rowAbsolute }

    public var description: String { a1 }
}

/// A range on a named sheet: what charts and defined names point at.
public struct SheetArea: Hashable, Sendable {
    public let sheet: String
    public let area: CellArea

    public init(sheet: String, area: CellArea) {
        self.sheet = sheet
        self.area = area
    }
}
