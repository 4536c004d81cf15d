/// What a report looks at: the dates its postings fall in and the grant or area they carry.
///
/// `--fy` also selects the grants whose period overlaps that year, and `--grant` the one grant, for
/// the reports that list grants; the dates only ever filter postings (by transaction date, both
/// ends included). `--fy` with `--from`/`--to` means the days in both.
public struct ReportFilter: Hashable, Sendable {
    public var financialYear: FinancialYear?
    /// A month or quarter of the financial year (`--quarter 2019-20-Q3`, `--month 2019-10`).
    public var period: FinancialPeriod?
    public var from: Day?
    public var to: Day?
    public var grantID: String?
    /// An area and every area `within` it, however deep.
    public var areaID: String?

    public init(financialYear: FinancialYear? = nil, period: FinancialPeriod? = nil, from: Day? = nil, to: Day? = nil,
                grantID: String? = nil, areaID: String? = nil) {
        self.financialYear = financialYear
        self.period = period
        self.from = from
        self.to = to
        self.grantID = grantID
        self.areaID = areaID
    }

    /// From the command line's spellings; a malformed date or year is an error, never ignored.
    public static func parse(financialYear: String? = nil, quarter: String? = nil, month: String? = nil,
                             from: String? = nil, to: String? = nil,
                             grant: String? = nil, area: String? = nil) throws(ReportError) -> ReportFilter {
        var filter = ReportFilter(grantID: grant, areaID: area)
        if let text = financialYear {
            guard let year = FinancialYear.parse(text) else { throw .badFinancialYear(text) }
            filter.financialYear = year
        }
        for (setting, text, length) in [(Setting.quarter, quarter, FinancialPeriod.Length.quarter), (.month, month, .month)] {
            guard let text else { continue }
            guard let period = FinancialPeriod.parse(text), period.length == length else { throw .badFinancialPeriod(setting, text: text) }
            if filter.period != nil { throw .twoPeriods }
            filter.period = period
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
        [from, financialYear?.period.start, period?.period.start].compactMap { $0 }.max()
    }

    public var end: Day? {
        [to, financialYear?.period.end, period?.period.end].compactMap { $0 }.min()
    }

    /// The financial year, quarter or month asked for, as days: what chooses the grants listed.
    var span: Period? {
        switch (financialYear?.period, period?.period) {
        case let (year?, part?): return Period(start: max(year.start, part.start), end: min(year.end, part.end))
        case let (year, part): return year ?? part
        }
    }

    /// The settings a filter is made of, so that an error can say which one is wrong; how each is
    /// spelled (`--fy`) is the caller's word, not the core's.
    public enum Setting: Hashable, Sendable {
        case financialYear, quarter, month, from, to, grant, area
        /// The register's query (`RegisterReport.Query`).
        case line, initiative, account, payee
    }

    public var isEmpty: Bool { self == ReportFilter() }

    /// `2019-20; area bassetlaw and the areas within it`, for report titles.
    public var caption: String {
        var parts: [String] = []
        if let period, from == nil, to == nil, financialYear == nil || financialYear == period.year {
            parts.append("\(period)")
        } else if let year = financialYear, period == nil, from == nil, to == nil {
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
