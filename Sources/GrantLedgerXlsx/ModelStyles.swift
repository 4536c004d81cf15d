import GrantLedgerCore

/// How the model's looks become cell styles: one `CellStyle` per (look, kind of value), made once.
///
/// The committee reads on paper as often as on screen: plain fonts, a shaded header with a rule
/// under it, totals ruled above, settings shaded pale yellow so they read as "you may change this",
/// and RAG colours in Excel's own light fills with dark text, legible in black and white too.
struct ModelStyles {
    enum Kind: Hashable { case text, money, preciseMoney, percent, number, count, date }

    private struct Key: Hashable {
        let look: CellLook
        let kind: Kind
    }

    private var cache: [Key: CellStyle] = [:]
    /// Each (look, kind)'s format in the workbook being written, and the last one used in each
    /// column: a long sheet keeps one look per column, so most cells find their format with one
    /// comparison rather than two hash lookups.
    private var formats: [Key: CellFormat] = [:]
    private var lastInColumn: [(key: Key, format: CellFormat)?] = []

    /// The workbook format for `look` and `kind` on `writer` (which must be the one writer these
    /// styles are used with), for a cell in `column`.
    mutating func format(_ look: CellLook, _ kind: Kind, column: Int, on writer: WorkbookWriter)
        throws(WorkbookError) -> CellFormat
    {
        let key = Key(look: look, kind: kind)
        if column < lastInColumn.count, let last = lastInColumn[column], last.key == key { return last.format }
        let format: CellFormat
        if let known = formats[key] {
            format = known
        } else {
            format = try writer.resolve(style(look, kind))
            formats[key] = format
        }
        if column >= lastInColumn.count {
            lastInColumn += Array(repeating: nil, count: column + 1 - lastInColumn.count)
        }
        lastInColumn[column] = (key, format)
        return format
    }

    mutating func style(_ look: CellLook, _ kind: Kind) -> CellStyle {
        let key = Key(look: look, kind: kind)
        if let style = cache[key] { return style }
        let style = Self.make(look, kind)
        cache[key] = style
        return style
    }

    /// The style an empty cell still needs (a shaded header gap, a ruled totals cell), or nil.
    mutating func blank(_ look: CellLook) -> CellStyle? {
        Self.blankIsStyled(look) ? style(look, .text) : nil
    }

    /// Whether an empty cell of `look` is written at all: only where its look shows without a value.
    static func blankIsStyled(_ look: CellLook) -> Bool {
        switch look.role {
        case .header, .total, .input: return true
        default: return false
        }
    }

    func tone(_ tone: TextHighlight.Tone) -> CellStyle {
        switch tone {
        case .red: return CellStyle(bold: true, fillColor: 0xFFC7CE, fontColor: 0x9C0006)
        case .amber: return CellStyle(bold: true, fillColor: 0xFFEB9C, fontColor: 0x9C5700)
        case .green: return CellStyle(bold: true, fillColor: 0xC6EFCE, fontColor: 0x006100)
        }
    }

    static func make(_ look: CellLook, _ kind: Kind) -> CellStyle {
        var style = CellStyle(numberFormat: numberFormat(kind, decimals: look.decimals), alignTop: true)
        if kind == .date { style.alignment = .left }
        style.wrapText = look.wrap
        // An exact value standing where a formula could not be relied on: italic, as the sheet's note says.
        if look.exactValue { style.italic = true }
        switch look.role {
        case .body: break
        case .title:
            style.bold = true
            style.fontSize = 14
            style.alignTop = false
        case .subtitle:
            style.fontColor = 0x404040
            style.alignTop = look.wrap
        case .header:
            style.bold = true
            style.wrapText = true
            style.fillColor = 0xD9E1F2
            style.bottomBorder = true
            style.alignment = look.headsFigures ? .right : nil
        case .section:
            style.bold = true
            style.fontSize = 12
            style.alignTop = false
        case .total:
            style.bold = true
            style.topBorder = true
        case .note:
            style.italic = true
            style.fontColor = 0x404040
            style.alignTop = look.wrap
        case .input:
            style.fillColor = 0xFFF2CC
            style.bold = true
        case .label:
            style.bold = true
        case .detail:
            style.indent = 1
        }
        return style
    }

    static func numberFormat(_ kind: Kind, decimals: Int?) -> String? {
        func places(_ n: Int) -> String { n > 0 ? "." + String(repeating: "0", count: min(n, 12)) : "" }
        switch kind {
        case .text: return nil
        case .money:
            let p = places(decimals ?? 2)
            return "£#,##0\(p);[Red]-£#,##0\(p)"
        case .preciseMoney:
            // Fractions of a penny (exact amounts, rounding adjustments): a minus sign, not red,
            // since a negative adjustment is not a warning.
            let p = places(decimals ?? 4)
            return "£#,##0\(p);-£#,##0\(p)"
        case .percent: return "0\(places(decimals ?? 1))%"
        case .number: return decimals.map { "#,##0\(places($0))" }
        case .count: return "#,##0"
        case .date: return CellStyle.dateFormat
        }
    }
}
