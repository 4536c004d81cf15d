import GrantLedgerCore

extension Day {
    /// The Excel serial number (days since 1899-12-30), which is what a date cell holds; the
    /// conversion's one home is the core's `Day.spreadsheetSerial`, which the .xlsx reader shares.
    func excelSerial() throws(WorkbookError) -> Int {
        guard let serial = spreadsheetSerial else { throw .dateOutOfRange(description) }
        return serial
    }
}
