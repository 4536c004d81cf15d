/// How an export writes its dates. Only unambiguous, named layouts are accepted, and the rules file
/// must say which: `03/04/2023` is 3 April in Britain and 4 March in America, so it is never guessed.
public enum ExportDateFormat: String, CaseIterable, Sendable {
    case dayMonthYearSlash = "DD/MM/YYYY"
    case dayMonthYearDash = "DD-MM-YYYY"
    case dayMonthYearDot = "DD.MM.YYYY"
    case iso = "YYYY-MM-DD"

    public enum Problem: Error, Equatable { case malformed, impossible }

    /// Parses one cell. Day and month may be written with one digit (`9/1/2023`), as spreadsheets
    /// often save them; the year always has four.
    public func parse(_ text: String) -> Result<Day, Problem> {
        let separator: Character
        switch self {
        case .dayMonthYearSlash: separator = "/"
        case .dayMonthYearDash, .iso: separator = "-"
        case .dayMonthYearDot: separator = "."
        }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(ASCII.isDigit) }) else { return .failure(.malformed) }
        let (yearPart, monthPart, dayPart) = self == .iso ? (parts[0], parts[1], parts[2]) : (parts[2], parts[1], parts[0])
        let shortOK = self != .iso
        guard yearPart.count == 4,
              monthPart.count == 2 || (shortOK && monthPart.count == 1),
              dayPart.count == 2 || (shortOK && dayPart.count == 1),
              let year = Int(yearPart), let month = Int(monthPart), let day = Int(dayPart) else { return .failure(.malformed) }
        guard let value = Day(year: year, month: month, day: day) else { return .failure(.impossible) }
        return .success(value)
    }
}
