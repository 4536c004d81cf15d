import GrantLedgerCore

extension Money {
    /// Pounds as a spreadsheet number: the one place money becomes binary floating point, because
    /// every number in an .xlsx is a double. `Double(pence) / 100` is the double nearest the exact
    /// amount (one correctly rounded division of an exact integer), which is what Excel itself would
    /// store for the typed amount. Refused above 2^53 pence (about £90 trillion), where it stops
    /// being exact.
    func excelValue(at location: @autoclosure () -> String) throws(WorkbookError) -> Double {
        let limit: Int64 = 1 << 53
        guard pence >= -limit, pence <= limit else {
            throw .invalidArgument("\(location()): \(pence) pence is too large to store exactly")
        }
        return Double(pence) / 100
    }
}
