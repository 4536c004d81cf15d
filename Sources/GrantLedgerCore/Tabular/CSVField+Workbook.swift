extension CSVField {
    /// ` (cell D7)` for a workbook's cell, to end a message with; empty for a CSV cell.
    public var cellSuffix: String { cell.map { " (cell \($0))" } ?? "" }

    /// The day a workbook's date cell holds: a number is a serial in the workbook's date system
    /// (`date1904`; a time of day is dropped), a date cell (`t="d"`) is ISO 8601 text whose first ten
    /// characters are the day (`2023-04-01T00:00:00`). Nil for text (and CSV) cells, which the
    /// caller reads in its own date format; a boolean or an error is no day.
    public func spreadsheetDay(date1904: Bool) -> Result<Day, SpreadsheetNumber.Problem>? {
        switch kind {
        case .text: return nil
        case .number: return SpreadsheetNumber.day(text, date1904: date1904)
        case .date: return Day.parse(String(text.prefix(10))).map { .success($0) } ?? .failure(.notADay)
        case .boolean, .error: return .failure(.notADay)
        }
    }
}
