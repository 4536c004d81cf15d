import GrantLedgerCore

/// A range on a named sheet: what charts, defined names and cross-sheet formulas refer to.
public struct SheetRange: Hashable, Sendable, CustomStringConvertible {
    public var sheet: String
    public var range: CellRange

    public init(sheet: String, range: CellRange) {
        self.sheet = sheet
        self.range = range
    }

    /// `'Spend data'!$B$2:$B$9`, with the sheet name quoted when Excel requires it.
    public var reference: String { SheetNames.quoted(sheet) + "!" + range.absoluteA1 }

    public var description: String { reference }
}
