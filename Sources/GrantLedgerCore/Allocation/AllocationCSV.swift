/// The allocation as CSV for scripts and spreadsheets: `area,share,amount`, one row per area in file
/// order (plus `floored` when a floor was set).
///
/// `share` is the blended share before floors and rounding, rounded half away from zero to 12 decimal
/// places (the exact fraction is in the JSON output); `amount` is plain pounds with two decimals.
public enum AllocationCSV {
    public static let sharePlaces = 12

    public static func text(_ allocation: Allocation) -> String {
        let withFloor = allocation.floor != nil
        var out = withFloor ? "area,share,amount,floored\n" : "area,share,amount\n"
        for area in allocation.areas {
            out += cell(area.name)
            out += ","
            out += area.blendedShare.decimalString(places: sharePlaces)
            out += ","
            out += area.amount.formatted(.plain)
            if withFloor { out += area.isFloored ? ",yes" : ",no" }
            out += "\n"
        }
        return out
    }

    /// RFC 4180 quoting when a cell needs it.
    static func cell(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == ASCII.comma || $0 == 0x22 || $0 == ASCII.newline || $0 == ASCII.carriageReturn }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Every `target` replaced (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
