/// What a report looks at: the dates its postings fall in and the grant or area they carry.
///
/// `--fy` also selects the grants whose period overlaps that year, and `--grant` the one grant, for
/// the reports that list grants; the dates only ever filter postings (by transaction date, both
/// ends included). `--fy` with `--from`/`--to` means the days in both.
public struct ReportFilter: Hashable, Sendable {
    public var financialYear: FinancialYear?
    public var from: Day?
    public var to: Day?
    public var grantID: String?
    /// An area and every area `within` it, however deep.
    public var areaID: String?

    public init(financialYear: FinancialYear? = nil, from: Day? = nil, to: Day? = nil,
                grantID: String? = nil, areaID: String? = nil) {
        self.financialYear = financialYear
        self.from = from
        self.to = to
        self.grantID = grantID
        self.areaID = areaID
    }

    /// From the command line's spellings; a malformed date or year is an error, never ignored.
    public static func parse(financialYear: String? = nil, from: String? = nil, to: String? = nil,
                             grant: String? = nil, area: String? = nil) throws(ReportError) -> ReportFilter {
        var filter = ReportFilter(grantID: grant, areaID: area)
        if let text = financialYear {
            guard let year = FinancialYear.parse(text) else { throw .badFinancialYear(text) }
            filter.financialYear = year
        }
        if let text = from {
            guard let day = Day.parse(text) else { throw .badDate(.from, text: text) }
            filter.from = day
        }
        if let text = to {
            guard let day = Day.parse(text) else { throw .badDate(.to, text: text) }
            filter.to = day
        }
        return filter
    }

    /// The first and last day asked for, if any: `--from`/`--to` narrowed to `--fy`.
    public var start: Day? {
        switch (from, financialYear?.period.start) {
        case let (a?, b?): return max(a, b)
        case let (a, b): return a ?? b
        }
    }

    public var end: Day? {
        switch (to, financialYear?.period.end) {
        case let (a?, b?): return min(a, b)
        case let (a, b): return a ?? b
        }
    }

    /// The settings a filter is made of, so that an error can say which one is wrong; how each is
    /// spelled (`--fy`) is the caller's word, not the core's.
    public enum Setting: Hashable, Sendable {
        case financialYear, from, to, grant, area
    }

    public var isEmpty: Bool { self == ReportFilter() }

    /// `2019-20; area bassetlaw and the areas within it`, for report titles.
    public var caption: String {
        var parts: [String] = []
        if let year = financialYear, from == nil, to == nil {
            parts.append("\(year)")
        } else if start != nil || end != nil {
            parts.append("\(start.map { "from \($0)" } ?? "")\(start != nil && end != nil ? " " : "")\(end.map { "to \($0)" } ?? "")")
        }
        if let grantID { parts.append("grant \(grantID)") }
        if let areaID { parts.append("area \(areaID) and the areas within it") }
        return parts.joined(separator: "; ")
    }

    /// `Grants` or `Grants (2019-20; grant snb-2019-20)`.
    func title(_ name: String) -> String {
        isEmpty ? name : "\(name) (\(caption))"
    }
}
