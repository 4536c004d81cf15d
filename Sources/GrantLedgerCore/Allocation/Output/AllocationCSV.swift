/// The allocation as CSV for scripts and spreadsheets: `area,share,amount`, one row per area in file
/// order, then a column for each option in use: `floored`, `capped`, `top_slice`, `damping`,
/// `previous,change,change_pct`, `per_head`.
///
/// When top-slices are retained centrally, a last column `kind` says what each row is: `area`, or
/// `retained` for a row per retained top-slice after the areas, with the top-slice's name in
/// `area`, its amount in `amount` and every other cell empty. The `amount` column then adds up to
/// the pot, as the table's last line does; a program that wants the areas alone keeps `kind=area`.
/// (A previous-allocation file read back skips the `retained` rows, so this year's CSV can be
/// next year's `previous`.)
///
/// `share` is the blended share before limits and rounding, rounded half away from zero to 12 decimal
/// places (the exact fraction is in the JSON output); amounts are plain pounds with two decimals,
/// top-slices included; `change_pct` is a percentage to two places (empty when last year's amount
/// was zero); `per_head` is pounds per head to six places.
public enum AllocationCSV {
    public static let sharePlaces = 12
    public static let perHeadPlaces = 6
    public static let percentPlaces = 2

    /// Which optional columns an allocation has.
    struct Columns {
        let floored: Bool
        let capped: Bool
        let topSlice: Bool
        let damping: Bool
        let previous: Bool
        let perHead: Bool
        /// Retained top-slices are listed as rows of their own, told apart by a `kind` column.
        let kind: Bool

        init(_ allocation: Allocation) {
            floored = allocation.floor != nil || allocation.areas.contains { $0.floorAmount != nil }
            capped = allocation.cap != nil || allocation.areas.contains { $0.capAmount != nil }
            topSlice = allocation.areas.contains { !$0.topSlice.isZero }
            damping = allocation.damping != nil
            previous = allocation.previousFile != nil
            perHead = allocation.perHeadColumn != nil
            kind = !allocation.retainedSlices.isEmpty
        }
    }

    public static func text(_ allocation: Allocation) -> String {
        let columns = Columns(allocation)
        var header = ["area", "share", "amount"]
        if columns.floored { header.append("floored") }
        if columns.capped { header.append("capped") }
        if columns.topSlice { header.append("top_slice") }
        if columns.damping { header.append("damping") }
        if columns.previous { header += ["previous", "change", "change_pct"] }
        if columns.perHead { header.append("per_head") }
        if columns.kind { header.append(kindColumn) }
        var out = header.joined(separator: ",") + "\n"
        for area in allocation.areas {
            var row = [CSVCell.text(area.name), area.blendedShare.decimalString(places: sharePlaces), area.amount.formatted(.plain)]
            if columns.floored { row.append(area.isFloored ? "yes" : "no") }
            if columns.capped { row.append(area.isCapped ? "yes" : "no") }
            if columns.topSlice { row.append(area.topSlice.formatted(.plain)) }
            if columns.damping { row.append(dampingWord(area)) }
            if columns.previous {
                row.append(area.previous?.formatted(.plain) ?? "")
                row.append(area.change?.formatted(.plain) ?? "")
                row.append(area.changeFraction.map { ($0 * Rational(100)).decimalString(places: percentPlaces) } ?? "")
            }
            if columns.perHead {
                row.append(area.perHead.map { ($0 * Rational(storage: .small(1, 100))).decimalString(places: perHeadPlaces) } ?? "")
            }
            if columns.kind { row.append(areaKind) }
            out += row.joined(separator: ",") + "\n"
        }
        for slice in allocation.retainedSlices {
            var row = [String](repeating: "", count: header.count)
            row[0] = CSVCell.text(slice.name)
            row[2] = slice.amount.formatted(.plain)
            row[header.count - 1] = retainedKind
            out += row.joined(separator: ",") + "\n"
        }
        return out
    }

    /// The `kind` column and its two values.
    public static let kindColumn = "kind"
    public static let areaKind = "area"
    public static let retainedKind = "retained"

    /// `lifted` (to the bottom of its band), `held` (at the top), `scaled` (its change against last
    /// year was scaled) or `no`.
    static func dampingWord(_ area: AreaAllocation) -> String {
        guard let damping = area.damping else { return "no" }
        switch damping.position {
        case .low: return "lifted"
        case .high: return "held"
        case .free: return damping.isScaled ? "scaled" : "no"
        }
    }
}
