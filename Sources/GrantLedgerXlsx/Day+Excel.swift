import GrantLedgerCore

extension Day {
    /// 1899-12-30 is Excel's day 0 for every date after its phantom 1900-02-29.
    static let excelEpochOffset = 25_569
    /// 1900-03-01 (serial 61) .. 9999-12-31 (serial 2,958,465): outside it the serial is wrong or invalid.
    static let excelSerialRange = 61...2_958_465

    /// The Excel serial number (days since 1899-12-30), which is what a date cell holds.
    func excelSerial() throws(WorkbookError) -> Int {
        let serial = Int(daysSinceEpoch) + Self.excelEpochOffset
        guard Self.excelSerialRange.contains(serial) else { throw .dateOutOfRange(description) }
        return serial
    }
}
