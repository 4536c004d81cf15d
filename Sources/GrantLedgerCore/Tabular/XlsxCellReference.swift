/// A cell's place on a worksheet as a workbook writes it (`D7`): its row and column, both from 1.
struct XlsxCellReference: Hashable, Sendable {
    let row: Int
    let column: Int

    /// 1,048,576 rows and 16,384 columns (A to XFD): a worksheet's size in every spreadsheet program.
    static let maximumRow = 1_048_576
    static let maximumColumn = 16_384

    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// `D7` read; nil unless it is column letters then a row number, with no `$`. The row and column
    /// may be past a worksheet's size (the reader says so); absurdly long ones are nil.
    init?(_ text: String) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in text.utf8 {
            if digits == 0, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") {
                column = column * 26 + Int(byte - UInt8(ascii: "A") + 1)
                letters += 1
            } else if letters > 0, ASCII.isDigit(byte) {
                row = row * 10 + Int(byte - ASCII.zero)
                digits += 1
            } else {
                return nil
            }
            if letters > 7 || digits > 9 { return nil }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        self.init(row: row, column: column)
    }

    /// Column letters for a column number from 1: 1 → A, 26 → Z, 27 → AA.
    static func columnName(_ column: Int) -> String { CellRef.columnName(column - 1) }

    var name: String { Self.columnName(column) + String(row) }
}
