/// A calendar day, held as a count of days since 1970-01-01 (proleptic Gregorian).
///
/// A day count rather than `Foundation.Date` because ledger dates have no time zone: a
/// transaction on 2020-03-31 must land in 2019-20 whatever the machine's clock says.
public struct WorkbookDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let daysSinceUnixEpoch: Int

    public init(daysSinceUnixEpoch: Int) {
        self.daysSinceUnixEpoch = daysSinceUnixEpoch
    }

    /// Fails on an impossible day (2021-02-29, month 13).
    public init(year: Int, month: Int, day: Int) throws(WorkbookError) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysInMonth(year: year, month: month),
              (-1_000_000...1_000_000).contains(year)
        else { throw .invalidArgument("\(year)-\(month)-\(day) is not a calendar date") }
        self.daysSinceUnixEpoch = Self.daysFromCivil(year: year, month: month, day: day)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.daysSinceUnixEpoch < rhs.daysSinceUnixEpoch }

    /// Year, month, day (H. Hinnant's civil-from-days, exact for the whole range).
    public var components: (year: Int, month: Int, day: Int) {
        let z = daysSinceUnixEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// ISO 8601, `2019-04-01`.
    public var description: String {
        let (y, m, d) = components
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return (y < 0 ? "-" + pad(-y, 4) : pad(y, 4)) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// 1899-12-30 is Excel's day 0 for every date after its phantom 1900-02-29.
    static let excelEpochOffset = 25_569
    /// 1900-03-01 (serial 61) .. 9999-12-31 (serial 2,958,465): outside it the serial is wrong or invalid.
    static let excelSerialRange = 61...2_958_465

    /// The Excel serial number (days since 1899-12-30), which is what a date cell holds.
    public func excelSerial() throws(WorkbookError) -> Int {
        let serial = daysSinceUnixEpoch + Self.excelEpochOffset
        guard Self.excelSerialRange.contains(serial) else { throw .dateOutOfRange(description) }
        return serial
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
