/// How a sheet prints. Committee papers are printed and marked, so every sheet carries one.
public struct PageSetup: Sendable {
    public enum Orientation: Sendable { case portrait, landscape }

    /// Excel's paper codes.
    public enum Paper: UInt8, Sendable {
        case letter = 1
        case a3 = 8
        case a4 = 9
    }

    // Defaults stand in for an initialiser: the committee's setup below is the one built.
    public var orientation: Orientation = .landscape
    public var paper: Paper = .a4
    /// Scale so the sheet is this many pages wide (`nil`: print at 100%).
    public var fitToPagesWide: Int? = 1
    /// Pages tall when fitting; 0 lets the height run to as many pages as needed.
    public var fitToPagesTall: Int = 0
    /// Rows (zero-based) printed at the top of every page, usually the header row.
    public var repeatRows: ClosedRange<Int>?
    public var header: HeaderFooter?
    public var footer: HeaderFooter?

    /// The government security classification every committee page carries.
    public static let marking = "OFFICIAL"

    /// Landscape A4, one page wide, header rows repeated, "OFFICIAL" top and bottom, the sheet
    /// name and "Page n of m" in the footer.
    /// A title too long for the header's 255 characters is clipped with "…".
    public static func committee(title: String? = nil, repeatRows: ClosedRange<Int>? = 0...0) -> PageSetup {
        let room = HeaderFooter.maxLength - HeaderFooter.length(HeaderFooter(left: [.text("")], center: [.text(marking)]).code)
        return PageSetup(
            repeatRows: repeatRows,
            header: HeaderFooter(
                left: title.map { [.text(HeaderFooter.clipped($0, toFit: room))] } ?? [],
                center: [.text(marking)],
                right: []),
            footer: HeaderFooter(
                left: [.sheetName],
                center: [.text(marking)],
                right: [.text("Page "), .pageNumber, .text(" of "), .pageCount]))
    }
}
