/// A range on a named sheet: what charts, defined names and cross-sheet formulas refer to.
public struct SheetRange: Hashable, Sendable, CustomStringConvertible {
    public var sheet: String
    public var range: CellRange

    public init(sheet: String, range: CellRange) {
        self.sheet = sheet
        self.range = range
    }

    /// `'Spend data'!$B$2:$B$9`, with the sheet name quoted when Excel requires it.
    public var reference: String { Self.quotedSheetName(sheet) + "!" + range.absoluteA1 }

    public var description: String { reference }

    /// Quotes a sheet name for use in a formula, doubling any apostrophe inside it.
    ///
    /// Quoting is applied unless the name is plain letters, digits and underscores not starting with
    /// a digit; quoting a name that did not need it is harmless, leaving one unquoted that did is not.
    public static func quotedSheetName(_ name: String) -> String {
        let plain = !name.isEmpty && name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_")
        } && !(name.utf8.first.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false)
        // A plain name that also reads as a cell reference (e.g. "AB12") must still be quoted.
        if plain, (try? CellAddress(a1: name)) == nil { return name }
        var quoted = "'"
        for character in name {
            quoted.append(character)
            if character == "'" { quoted.append("'") }
        }
        return quoted + "'"
    }
}
