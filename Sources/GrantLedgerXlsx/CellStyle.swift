import CXlsxWriter

/// How a cell looks, as a value.
///
/// Callers describe styles as values and the writer turns each distinct one into a single
/// libxlsxwriter format, so nobody handles format pointers or creates duplicates.
public struct CellStyle: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable { case left, center, right }

    /// An Excel number format code, e.g. `£#,##0.00;[Red]-£#,##0.00`.
    public var numberFormat: String?
    public var bold: Bool
    public var italic: Bool
    public var wrapText: Bool
    public var alignment: Alignment?
    /// Fill colour as 0xRRGGBB.
    public var fillColor: UInt32?
    /// Font colour as 0xRRGGBB.
    public var fontColor: UInt32?
    /// A thin rule under the cell, as under a header row.
    public var bottomBorder: Bool
    /// A thin rule over the cell, as over a totals row.
    public var topBorder: Bool
    /// Font size in points (`nil`: the workbook's default, 11).
    public var fontSize: Double?
    /// Text at the top of a tall row rather than the bottom, so wrapped neighbours line up.
    public var alignTop: Bool
    /// Indent levels (about three characters each), for detail rows under their parent.
    public var indent: Int

    public init(
        numberFormat: String? = nil, bold: Bool = false, italic: Bool = false, wrapText: Bool = false,
        alignment: Alignment? = nil, fillColor: UInt32? = nil, fontColor: UInt32? = nil,
        bottomBorder: Bool = false, topBorder: Bool = false, fontSize: Double? = nil, alignTop: Bool = false,
        indent: Int = 0
    ) {
        self.numberFormat = numberFormat
        self.bold = bold
        self.italic = italic
        self.wrapText = wrapText
        self.alignment = alignment
        self.fillColor = fillColor
        self.fontColor = fontColor
        self.bottomBorder = bottomBorder
        self.topBorder = topBorder
        self.fontSize = fontSize
        self.alignTop = alignTop
        self.indent = indent
    }

    /// Pounds and pence, negatives in red with a minus sign (never brackets alone: colour may not print).
    public static let moneyFormat = "£#,##0.00;[Red]-£#,##0.00"
    /// Day/month/year as committee papers in England are written.
    public static let dateFormat = "dd/mm/yyyy"

    public static let plain = CellStyle()
    public static let money = CellStyle(numberFormat: moneyFormat)
    public static let date = CellStyle(numberFormat: dateFormat, alignment: .left)
    public static let percent = CellStyle(numberFormat: "0.0%")
    public static let integer = CellStyle(numberFormat: "#,##0")
    public static let header = CellStyle(bold: true, wrapText: true, fillColor: 0xD9E1F2, bottomBorder: true)

    /// This style, bold: for total rows.
    public func bolded() -> CellStyle {
        var copy = self
        copy.bold = true
        return copy
    }

    /// Applies the style to a fresh libxlsxwriter format.
    func configure(_ format: UnsafeMutablePointer<lxw_format>) {
        if let numberFormat { format_set_num_format(format, numberFormat) }
        if bold { format_set_bold(format) }
        if italic { format_set_italic(format) }
        if wrapText { format_set_text_wrap(format) }
        if let alignment {
            let value: lxw_format_alignments
            switch alignment {
            case .left: value = LXW_ALIGN_LEFT
            case .center: value = LXW_ALIGN_CENTER
            case .right: value = LXW_ALIGN_RIGHT
            }
            format_set_align(format, UInt8(value.rawValue))
        }
        if let fillColor { format_set_bg_color(format, lxw_color_t(fillColor & 0xFF_FFFF)) }
        if let fontColor { format_set_font_color(format, lxw_color_t(fontColor & 0xFF_FFFF)) }
        if bottomBorder { format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if topBorder { format_set_top(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let fontSize, fontSize.isFinite, fontSize > 0 { format_set_font_size(format, fontSize) }
        if alignTop { format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        if let level = UInt8(exactly: indent), level > 0 { format_set_indent(format, level) }
    }
}
