import Foundation

/// A span of days, both ends included: a financial year or `FROM..TO`. Made by the core (a
/// financial year's `period`, `Period.parse`); a client filters by dates through `ReportFilter`.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public let start: Day
    public let end: Day

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// A whole financial year prints as `2019-20`, anything else as `FROM..TO`.
    public var description: String {
        let fy = start.financialYear
        if fy.period.start == start && fy.period.end == end { return fy.description }
        return "\(start)..\(end)"
    }

    public enum ParseProblem: Error, Equatable { case malformed, impossibleDate, endBeforeStart }

    /// `2019-20` or `2022-07-01..2023-09-30`.
    public static func parse(_ text: String) -> Result<Period, ParseProblem> {
        if let fy = FinancialYear.parse(text) { return .success(fy.period) }
        let ends = text.components(separatedBy: "..")
        guard ends.count == 2 else { return .failure(.malformed) }
        guard ends.allSatisfy({ $0.utf8.count == 10 }) else { return .failure(.malformed) }
        guard let start = Day.parse(ends[0]), let end = Day.parse(ends[1]) else {
            return .failure(ends.allSatisfy { looksLikeDate($0) } ? .impossibleDate : .malformed)
        }
        guard start <= end else { return .failure(.endBeforeStart) }
        return .success(Period(start: start, end: end))
    }

    static func looksLikeDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && bytes[4] == ASCII.minus && bytes[7] == ASCII.minus
            && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || ASCII.isDigit($0.element) }
    }
}
