import BigInt

/// Builds a held sheet row by row and measures what each column needs, so that widths fit the
/// content without a spreadsheet program's auto-fit (which a file cannot ask for).
struct SheetBuilder {
    private(set) var rows: [SheetRow] = []
    private(set) var widths: [Double] = []
    /// No column is made wider than this; longer text wraps or is cut at the cell edge.
    var maxWidth: Double = 48
    /// Columns of wrapped text are made no wider than this: they grow taller instead.
    var wrapWidth: Double = 42

    /// The zero-based number of the next row to be added.
    var nextRow: Int { rows.count }

    /// Adds a row and returns its number.
    @discardableResult
    mutating func add(_ cells: [SheetCell]) -> Int {
        for (column, cell) in cells.enumerated() {
            if let width = ColumnWidth.needed(by: cell) { fit(column, cell.look.wrap ? min(width, wrapWidth) : width) }
        }
        rows.append(SheetRow(cells))
        return rows.count - 1
    }

    @discardableResult
    mutating func addBlank() -> Int { add([]) }

    /// Makes `column` at least `width` characters wide (capped at `maxWidth`).
    mutating func fit(_ column: Int, _ width: Double) {
        while widths.count <= column { widths.append(ColumnWidth.minimum) }
        widths[column] = max(widths[column], min(width, maxWidth))
    }

    /// The rows, finished: headings over figures aligned with them, and rows with wrapped text
    /// made tall enough to show it all (measured against the final column widths).
    var sheetRows: SheetRows {
        var finished = rows
        for index in finished.indices {
            for column in finished[index].cells.indices where finished[index].cells[column].look.role == .header {
                let below = finished.dropFirst(index + 1).lazy.compactMap { row -> SheetCell? in
                    column < row.cells.count && row.cells[column].value != .empty ? row.cells[column] : nil
                }.first
                if let below, below.value.isFigure { finished[index].cells[column].look.headsFigures = true }
            }
            var lines = 1
            // A subtitle or note alone on its row spans the table, wrapped within its width.
            let spanning = finished[index].cells.count == 1 && [.subtitle, .note].contains(finished[index].cells[0].look.role)
            if spanning, case .text(let text) = finished[index].cells[0].value, widths.count > 1 {
                finished[index].spansColumns = true
                finished[index].cells[0].look.wrap = true
                lines = ColumnWidth.lines(text, width: widths.reduce(0, +))
            }
            for (column, cell) in finished[index].cells.enumerated() where !spanning && (cell.look.wrap || cell.look.role == .header) {
                guard case .text(let text) = cell.value else { continue }
                let width = column < widths.count ? widths[column] : ColumnWidth.minimum
                lines = max(lines, ColumnWidth.lines(text, width: width, bold: cell.look.role == .header))
            }
            if lines > 1 { finished[index].height = ColumnWidth.rowHeight(lines: lines) }
        }
        return SheetRows(finished)
    }
}

/// Column widths in the spreadsheet's unit: roughly the number of digits of the default font.
enum ColumnWidth {
    static let minimum: Double = 8
    /// Points per line of the default 11-point font.
    static let lineHeight: Double = 15
    /// The tallest row a spreadsheet allows (Excel: 409 points, about 27 lines); a longer text is
    /// cut off on screen, but kept whole in the cell, rather than the export refused.
    static let maximumRowHeight: Double = 409

    /// The height of a row whose tallest cell wraps to `lines` lines.
    static func rowHeight(lines: Int) -> Double { min(lineHeight * Double(max(lines, 1)), maximumRowHeight) }

    /// How many lines `text` wraps to in a column `width` wide: words are laid out greedily, as a
    /// spreadsheet does. A width counts digits; ordinary text is narrower (about 1.2 letters to a
    /// digit in the default font, fewer in bold), less a little for the cell's margins.
    static func lines(_ text: String, width: Double, bold: Bool = false) -> Int {
        let capacity = capacity(width: width, bold: bold)
        // Text no longer than a line is one line, whatever its words: its bytes bound its characters,
        // so this skips the word split for almost every cell of a long Spend sheet.
        if text.utf8.count <= capacity { return 1 }
        var lines = 1
        var used = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let length = word.count
            if used == 0 {
                used = length
            } else if used + 1 + length <= capacity {
                used += 1 + length
            } else {
                lines += 1
                used = length
            }
            // A word longer than the line breaks across lines.
            while used > capacity {
                lines += 1
                used -= capacity
            }
        }
        return lines
    }
    /// How many characters of ordinary (or bold) text fit on a line of a column `width` wide.
    static func capacity(width: Double, bold: Bool = false) -> Int {
        max(1, Int(((width - 1.5) * (bold ? 1.03 : 1.18)).rounded(.down)))
    }

    /// Room for the cell's padding and a bold heading's wider letters.
    static let padding: Double = 2

    /// What `cell` needs to be read whole, or nil when it should not widen its column: titles,
    /// notes and section headings run across empty cells instead.
    static func needed(by cell: SheetCell) -> Double? {
        switch cell.look.role {
        case .title, .subtitle, .note, .section: return nil
        case .header:
            // Headings wrap: the longest word must fit, the rest goes on further lines.
            guard case .text(let text) = cell.value else { return nil }
            let longest = text.split(whereSeparator: { $0 == " " }).map(\.count).max() ?? 0
            return Double(longest) * 1.15 + padding
        default:
            guard let characters = characters(cell.value, decimals: cell.look.decimals) else { return nil }
            return Double(characters) + padding
        }
    }

    /// How many characters the value shows as.
    static func characters(_ value: SheetValue, decimals: Int?) -> Int? {
        switch value {
        case .empty: return nil
        case .text(let text): return text.count
        case .money(let money): return money.formatted(.display).count
        case .preciseMoney(let pence): return wholePoundsText(pence).count + 1 + (decimals ?? 4)
        case .percent: return 5 + (decimals ?? 1)
        case .number(let number):
            return number.decimalString(places: decimals ?? 0).count + (decimals == nil ? 0 : 1)
        case .count(let count): return String(count).count + String(count).count / 3
        case .date: return 10
        case .formula(let formula):
            switch formula.result {
            case .text(let text): return text.count
            case .money(let money): return money.formatted(.display).count
            case .preciseMoney(let pence): return wholePoundsText(pence).count + 1 + (decimals ?? 4)
            case .percent: return 5 + (decimals ?? 1)
            case .number(let number): return number.decimalString(places: decimals ?? 0).count + 1
            case .count(let count): return String(count).count + String(count).count / 3
            }
        }
    }

    /// `£48,240` for an exact amount of pence (the whole pounds, grouped).
    private static func wholePoundsText(_ pence: Rational) -> String {
        let pounds = WideConversion.clampedInt64(pence.floor() / 100)
        return String(MoneyTotal(pence: Int128(pounds) * 100).description.dropLast(3))
    }
}
