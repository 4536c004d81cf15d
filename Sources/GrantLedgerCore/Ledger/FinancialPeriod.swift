/// A month, a quarter or the whole of a financial year (April to March; Q1 is April to June), the
/// periods budgets are profiled in and reports are cut by. Written as the sector writes them:
/// `2024-10` (a calendar month), `2024-25-Q3` (October to December 2024), `2024-25`.
public struct FinancialPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Length: String, CaseIterable, Sendable {
        case month, quarter, year

        /// How many of these a financial year holds.
        public var perYear: Int {
            switch self {
            case .month: return 12
            case .quarter: return 4
            case .year: return 1
            }
        }

        /// Months in one of these.
        var months: Int { 12 / perYear }
    }

    public let year: FinancialYear
    public let length: Length
    /// 1-based within the year: month 1 is April, quarter 1 is April to June.
    public let number: Int

    /// nil when `number` is not one of the year's.
    public init?(year: FinancialYear, length: Length, number: Int) {
        guard (1...length.perYear).contains(number) else { return nil }
        self.year = year
        self.length = length
        self.number = number
    }

    /// The period of `length` that `day` falls in.
    public init(containing day: Day, length: Length) {
        let (calendarYear, month, _) = day.components
        let monthOfYear = month >= 4 ? month - 3 : month + 9
        year = FinancialYear(startYear: month >= 4 ? calendarYear : calendarYear - 1)
        self.length = length
        number = (monthOfYear - 1) / length.months + 1
    }

    /// Its first and last days.
    public var period: Period {
        let firstMonth = (number - 1) * length.months + 1
        let lastMonth = firstMonth + length.months - 1
        return Period(start: Self.firstDay(year, monthOfYear: firstMonth), end: Self.lastDay(year, monthOfYear: lastMonth))
    }

    /// The next period of the same length.
    public var next: FinancialPeriod {
        if number < length.perYear { return FinancialPeriod(unchecked: year, length, number + 1) }
        return FinancialPeriod(unchecked: FinancialYear(startYear: year.startYear + 1), length, 1)
    }

    private init(unchecked year: FinancialYear, _ length: Length, _ number: Int) {
        self.year = year
        self.length = length
        self.number = number
    }

    /// The periods of `length` that `span` touches, in order: the first and last may reach outside it.
    public static func covering(_ span: Period, by length: Length) -> [FinancialPeriod] {
        var periods: [FinancialPeriod] = []
        var current = FinancialPeriod(containing: span.start, length: length)
        while current.period.start <= span.end {
            periods.append(current)
            // Days end at 9999-12-31: past it there is no next period to count.
            let following = current.next
            if following.period.start <= current.period.end { break }
            current = following
        }
        return periods
    }

    public static func < (lhs: FinancialPeriod, rhs: FinancialPeriod) -> Bool {
        (lhs.period.start, lhs.period.end) < (rhs.period.start, rhs.period.end)
    }

    /// `2024-10`, `2024-25-Q3`, `2024-25`.
    public var description: String {
        switch length {
        case .year: return year.description
        case .quarter: return "\(year)-Q\(number)"
        case .month:
            let (calendarYear, month, _) = period.start.components
            return "\(calendarYear)-\(month < 10 ? "0" : "")\(month)"
        }
    }

    /// `2024-10`, `2024-25-Q3` or `2024-25`; nil for anything else.
    public static func parse(_ text: String) -> FinancialPeriod? {
        if let year = FinancialYear.parse(text) { return FinancialPeriod(unchecked: year, .year, 1) }
        let bytes = Array(text.utf8)
        if bytes.count == 10, bytes[7] == ASCII.minus, bytes[8] == UInt8(ascii: "Q") || bytes[8] == UInt8(ascii: "q"),
           let year = FinancialYear.parse(String(decoding: bytes[0..<7], as: UTF8.self)),
           ASCII.isDigit(bytes[9]) {
            return FinancialPeriod(year: year, length: .quarter, number: Int(bytes[9] - ASCII.zero))
        }
        if bytes.count == 7, bytes[4] == ASCII.minus, bytes.enumerated().allSatisfy({ $0.offset == 4 || ASCII.isDigit($0.element) }),
           let calendarYear = Int(String(decoding: bytes[0..<4], as: UTF8.self)), (1001...9998).contains(calendarYear),
           let month = Int(String(decoding: bytes[5..<7], as: UTF8.self)), let first = Day(year: calendarYear, month: month, day: 1) {
            return FinancialPeriod(containing: first, length: .month)
        }
        return nil
    }

    private static func firstDay(_ year: FinancialYear, monthOfYear: Int) -> Day {
        let (calendarYear, month) = calendar(year, monthOfYear)
        return Day(year: calendarYear, month: month, day: 1) ?? Day(daysSinceEpoch: 0)
    }

    private static func lastDay(_ year: FinancialYear, monthOfYear: Int) -> Day {
        let (calendarYear, month) = calendar(year, monthOfYear)
        // Past 9999-12-31 there are no days: the last financial year ends there.
        return Day(year: calendarYear, month: month, day: Day.daysIn(month: month, year: calendarYear))
            ?? Day.latest
    }

    /// Month 1 of 2024-25 is April 2024; month 10 is January 2025.
    private static func calendar(_ year: FinancialYear, _ monthOfYear: Int) -> (year: Int, month: Int) {
        monthOfYear <= 9 ? (year.startYear, monthOfYear + 3) : (year.startYear + 1, monthOfYear - 9)
    }
}
