import Foundation
import GrantLedgerCore

/// The one parsing of the dates and periods the commands take (`--as-of`, `--fy`), each problem
/// located on the command line. Each command declares the options itself, since its help says what
/// the date means there.
enum DateOptions {
    /// `--as-of DATE`: the day, today when not given; a malformed date is a problem, never ignored.
    static func asOf(_ text: String?, _ locator: ArgumentLocator, problems: inout [Diagnostic]) -> Day {
        guard let text else { return today() }
        if let day = Day.parse(text) {
            // grantledger's dates start where a spreadsheet's do (`SpreadsheetDateChecks`): the books'
            // dates are held to it, and the day is also a workbook's creation and position date.
            guard day < SpreadsheetDateChecks.firstDay else { return day }
            problems.append(Diagnostic(.badDate, "--as-of \(text) is before 1 March 1900, where grantledger's dates (and a spreadsheet's) begin",
                                       hint: "check the year", origin: locator.origin(option: "--as-of", value: text)))
            return today()
        }
        problems.append(Diagnostic(.badDate, "--as-of \(text): not a date", hint: "write the date as YYYY-MM-DD, for example --as-of 2026-11-25",
                                   origin: locator.origin(option: "--as-of", value: text)))
        return today()
    }

    /// How a command words a year that is not one: the report filter's words by default.
    typealias YearWording = (String) -> (message: String, hint: String?)

    static func filterWording(_ text: String) -> (message: String, hint: String?) {
        let diagnostic = ReportError.badFinancialYear(text).diagnostic
        return (diagnostic.message, diagnostic.hint)
    }

    /// `--fy 2019-20`: the year, nil when not given or malformed (then a problem is added).
    static func financialYear(_ text: String?, _ locator: ArgumentLocator, problems: inout [Diagnostic],
                              wording: YearWording = filterWording) -> FinancialYear? {
        guard let text else { return nil }
        if let year = FinancialYear.parse(text) { return year }
        let (message, hint) = wording(text)
        problems.append(Diagnostic(.badPeriod, message, hint: hint, origin: locator.origin(option: "--fy", value: text)))
        return nil
    }

    /// Today in the machine's calendar: the default as-of date.
    static func today() -> Day {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(daysSinceEpoch: 0)
    }
}
