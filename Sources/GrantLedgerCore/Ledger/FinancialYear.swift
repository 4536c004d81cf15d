/// A UK public-sector financial year, 1 April to 31 March, written `2019-20`.
public struct FinancialYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    public static func < (lhs: FinancialYear, rhs: FinancialYear) -> Bool { lhs.startYear < rhs.startYear }

    public var period: Period {
        // Both days exist for any year the parser accepts.
        Period(start: Day(year: startYear, month: 4, day: 1) ?? Day(daysSinceEpoch: 0),
               end: Day(year: startYear + 1, month: 3, day: 31) ?? Day(daysSinceEpoch: 0))
    }

    public var description: String {
        let next = (startYear + 1) % 100
        return "\(startYear)-\(next < 10 ? "0" : "")\(next)"
    }

    /// `2019-20`, or `2019/20` as committee reports write it; the second part must be the year
    /// after the first. Always printed `2019-20`.
    public static func parse(_ text: String) -> FinancialYear? {
        let separator: Character = text.contains("/") ? "/" : "-"
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy(ASCII.isDigit) }),
              let start = Int(parts[0]), let end = Int(parts[1]),
              (1000...9998).contains(start), (start + 1) % 100 == end else { return nil }
        return FinancialYear(startYear: start)
    }
}
