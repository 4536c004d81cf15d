/// A date not written the way its reader expects, in the words every reader of dates gives: the
/// ledger (always `YYYY-MM-DD`) and a finance export (its rules' `date-format`). The dates' home
/// beside `MoneyParseProblemKind`, so a mistake is worded once.
///
/// Text with the shape of a date (numbers separated by `/`, `-` or `.`) is read the ways it can be:
/// `03/12/2026` is 3 December (day first) or 12 March (month first), and is never guessed; `31/10/2022`
/// can only be 31 October. The message names what it looks like; the hint says how to fix it where
/// the reader's layout is fixed (write the date again) or chosen (the rules' `date-format`).
public struct DateProblem: Sendable, Equatable {
    /// How the reader's layout is changed: a ledger's date is written again, an export's rules say
    /// how the export writes its dates.
    public enum Fix: Sendable { case rewrite, dateFormat }

    /// One way of reading the text: the day, and the layout read so (`DD/MM/YYYY`, `YYYY-M-D`).
    struct Reading: Sendable, Equatable {
        let day: Day
        let layout: String
        let order: Order
    }

    enum Order: Sendable { case dayFirst, monthFirst, yearFirst }

    public let text: String
    /// The layout the reader expected: `YYYY-MM-DD`, or the rules' `date-format`.
    public let expected: String
    let readings: [Reading]

    /// The problem with `text`, which did not read as a date written `expected`.
    public init(_ text: String, expected: String) {
        self.text = text
        self.expected = expected
        // Text written as expected is no mistake of layout (a date that cannot be is `impossible`).
        readings = Self.readings(text).filter { $0.layout != expected }
    }

    /// A date that cannot be, in the ledger's layout or the rules' (`2023-02-29`, `31/04/2023`).
    public static func impossible(_ text: String) -> (message: String, hint: String) {
        ("there is no such date as \(text)", "check the day of the month")
    }

    /// Whether the text reads as a date some other way (else it is no date at all).
    public var looksLikeADate: Bool { !readings.isEmpty }

    public var message: String {
        let head = "dates are written \(expected), and \(text)"
        switch readings.count {
        case 0: return "\(quoted(text)) is not a date written \(expected)"
        case 1: return "\(head) is \(WorkbookText.long(readings[0].day)) written \(readings[0].layout)"
        default:
            return "\(head) is ambiguous: \(WorkbookText.long(readings[0].day)) written \(readings[0].layout), or "
                + "\(WorkbookText.long(readings[1].day)) written \(readings[1].layout)"
        }
    }

    public func hint(_ fix: Fix) -> String {
        switch fix {
        case .rewrite: return rewriteHint
        case .dateFormat: return dateFormatHint
        }
    }

    private var rewriteHint: String {
        switch readings.count {
        case 0: return "for example 2023-03-31"
        case 1: return "write \(readings[0].day)"
        default:
            return "if the day comes first, write \(readings[0].day) (\(WorkbookText.long(readings[0].day))); "
                + "if the month does, \(readings[1].day)"
        }
    }

    private var dateFormatHint: String {
        let others = "the rules say dates are written \(expected); change date-format if the export writes them another way"
        guard let first = readings.first else { return others }
        // A layout the rules can name that reads the text (never the month-first one: none does).
        guard let format = ExportDateFormat.allCases.first(where: { (try? $0.parse(text).get()) == first.day }),
              first.order != .monthFirst else {
            return "grantledger reads no dates written \(first.layout): ask for the export with dates written DD/MM/YYYY or YYYY-MM-DD"
        }
        let which = first.order == .yearFirst ? "year" : "day"
        return "if the export writes the \(which) first, say so in the rules: date-format \(format.rawValue)"
    }

    /// The readings of three numbers separated by one of `/`, `-`, `.`: year first (`2019-4-30`),
    /// or day first and month first (`03/12/2026`), each only where it names a day that exists.
    static func readings(_ text: String) -> [Reading] {
        guard let separator = text.first(where: { $0 == "/" || $0 == "-" || $0 == "." }) else { return [] }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ (1...4).contains($0.count) && $0.utf8.allSatisfy(ASCII.isDigit) }) else { return [] }
        let numbers = parts.compactMap { Int($0) }
        func layout(_ letters: [Character]) -> String {
            zip(parts, letters).map { String(repeating: $1, count: $0.count) }.joined(separator: String(separator))
        }
        if parts[0].count == 4 && parts[1].count <= 2 && parts[2].count <= 2 {
            guard let day = Day(year: numbers[0], month: numbers[1], day: numbers[2]) else { return [] }
            return [Reading(day: day, layout: layout(["Y", "M", "D"]), order: .yearFirst)]
        }
        guard parts[2].count == 4 && parts[0].count <= 2 && parts[1].count <= 2 else { return [] }
        var found: [Reading] = []
        if let day = Day(year: numbers[2], month: numbers[1], day: numbers[0]) {
            found.append(Reading(day: day, layout: layout(["D", "M", "Y"]), order: .dayFirst))
        }
        if numbers[0] != numbers[1], let day = Day(year: numbers[2], month: numbers[0], day: numbers[1]) {
            found.append(Reading(day: day, layout: layout(["M", "D", "Y"]), order: .monthFirst))
        }
        return found
    }
}
