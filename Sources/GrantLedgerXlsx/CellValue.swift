import GrantLedgerCore

/// A value for `Worksheet.writeRow`.
public enum CellValue: Sendable {
    case text(String)
    case number(Double)
    case integer(Int)
    case money(Money)
    case date(WorkbookDate)
    case blank
}
