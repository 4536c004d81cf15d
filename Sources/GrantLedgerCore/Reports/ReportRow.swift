/// One value in a report. `.empty` is a deliberate blank (no award, no decision yet), which CSV
/// writes as an empty field and JSON as `null`; totals count it as zero.
public enum ReportCell: Hashable, Sendable {
    case empty
    case text(String)
    case money(Money)
    case percent(Percent)
    case date(Day)
    case count(Int)

    public var money: Money? {
        if case .money(let value) = self { return value }
        return nil
    }

    public var count: Int? {
        if case .count(let value) = self { return value }
        return nil
    }

    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }
}

/// A row of cells, one per column. Level 0 rows are what the totals add up; level 1 rows are the
/// detail of the level 0 row above them (a grant's lines), shown indented and never totalled again,
/// so nothing is counted twice.
public struct ReportRow: Hashable, Sendable {
    public let level: Int
    public internal(set) var cells: [ReportCell]

    public init(level: Int = 0, _ cells: [ReportCell]) {
        self.level = level
        self.cells = cells
    }

    public var isDetail: Bool { level > 0 }
}
