/// The days a reconciliation compares, and why those: a statement covers some days, and spend in
/// the books outside them is not missing from it.
public struct StatementPeriod: Hashable, Sendable {
    public enum Source: Hashable, Sendable {
        /// The audit's own dates (`--fy`, `--quarter`, `--month`, `--from`/`--to`).
        case asked
        /// The rules' `period` line.
        case rules(SourceLocation)
        /// The months of the first and last dates of the statement's rows for the grants compared
        /// (finance systems export by period: a row on the 9th still means the month from the 1st).
        case statementDates
    }

    public let period: Period
    public let source: Source

    public init(_ period: Period, _ source: Source) {
        self.period = period
        self.source = source
    }

    /// `2022-10-03 to 2023-09-26, the statement's first and last dates`.
    public var words: String {
        let days = "\(period.start) to \(period.end)"
        switch source {
        case .asked: return "\(days), the dates asked for"
        case .rules(let at): return "\(days), the rules' period (\(at.file):\(at.line))"
        case .statementDates: return "\(days), the months of the statement's first and last dates"
        }
    }

    /// The period: the one asked for, else the rules', else the months of the statement rows' first
    /// and last dates (nil for a statement with no rows for the grants compared).
    static func choose(asked: Period?, rules: ImportRules, rows: [ExportRow]) -> StatementPeriod? {
        if let asked { return StatementPeriod(asked, .asked) }
        if let declared = rules.period {
            return StatementPeriod(declared.value, .rules(declared.origin?.location ?? SourceLocation(file: rules.file, line: 1, column: 1)))
        }
        let dates = rows.filter { $0.grantID != nil }.map(\.date)
        guard let first = dates.min()?.components, let last = dates.max()?.components,
              let start = Day(year: first.year, month: first.month, day: 1),
              let end = Day(year: last.year, month: last.month, day: Day.daysIn(month: last.month, year: last.year)) else { return nil }
        return StatementPeriod(Period(start: start, end: end), .statementDates)
    }
}
