/// The one home of spreadsheet date serials, for the workbook writer (which writes a date as its
/// serial under a date format) and the .xlsx reader (which reads one back).
///
/// In the 1900 date system (every workbook Excel for Windows writes) serial 1 is 1900-01-01 and
/// serial 60 is 1900-02-29, a day that never was (Lotus 1-2-3's leap-year mistake, kept by Excel):
/// serials 1 to 59 count from 1899-12-31, serials from 61 on from 1899-12-30. In the 1904 system
/// (old Mac workbooks, `date1904` in the workbook) serial 0 is 1904-01-01, with no phantom day.
extension Day {
    /// Days from 1899-12-30, day 0 of the serials after the phantom 1900-02-29, to 1970-01-01.
    public static let spreadsheetEpochOffset = 25_569
    /// Days from 1904-01-01, day 0 of the 1904 date system, to 1970-01-01.
    public static let spreadsheet1904EpochOffset = 24_107
    /// The serial of 1900-02-29, which names no day.
    public static let spreadsheetPhantomLeapDay = 60
    /// 1900-03-01 (serial 61) to 9999-12-31 (serial 2,958,465): the serials the writer uses. Before
    /// it the 1900 system's serials are off by the phantom day in other programs (LibreOffice counts
    /// them from 1899-12-30 throughout), so the books' dates are held to it (`SpreadsheetDateChecks`).
    public static let spreadsheetSerialRange = 61...2_958_465

    /// The 1900-system serial a date cell holds for this day; nil before 1900-03-01 or after 9999-12-31.
    public var spreadsheetSerial: Int? {
        let serial = Int(daysSinceEpoch) + Self.spreadsheetEpochOffset
        return Self.spreadsheetSerialRange.contains(serial) ? serial : nil
    }

    /// The day a whole serial names, in the 1900 or the 1904 system; nil for a serial that names no
    /// day: below 1 in the 1900 system (0 would be 1900-01-00), 60 (the phantom 1900-02-29), below
    /// 0 in the 1904 system, or past 9999-12-31.
    public init?(spreadsheetSerial serial: Int, date1904: Bool) {
        let days: Int
        if date1904 {
            guard serial >= 0 else { return nil }
            days = serial - Self.spreadsheet1904EpochOffset
        } else {
            guard serial >= 1, serial != Self.spreadsheetPhantomLeapDay else { return nil }
            days = serial - Self.spreadsheetEpochOffset + (serial < Self.spreadsheetPhantomLeapDay ? 1 : 0)
        }
        guard days <= Int(Day.latest.daysSinceEpoch) else { return nil }
        self.init(daysSinceEpoch: Int32(days))
    }
}
