/// The dates an audit is narrowed to, applied to both sides alike: the ledger's spend and the
/// statement's rows dated within them are reconciled, and the money-at-risk findings are those
/// whose day falls within them. Said in the audit's heading by `label`.
public struct AuditDates: Hashable, Sendable {
    public let period: Period
    /// `2022-23`, `2022-23-Q3`, `from 2022-10-01 to 2022-12-31`.
    public let label: String
    /// The financial year, when the dates are one.
    public let financialYear: FinancialYear?

    public init(_ year: FinancialYear) {
        period = year.period
        label = year.description
        financialYear = year
    }

    /// The dates a report filter asks for (`--fy`, `--quarter`, `--month`, `--from`/`--to`); nil when it asks for none.
    public init?(_ filter: ReportFilter) {
        guard filter.start != nil || filter.end != nil else { return nil }
        period = Period(start: filter.start ?? SpreadsheetDateChecks.firstDay, end: filter.end ?? Day.latest)
        label = filter.caption
        financialYear = filter.financialYear.flatMap { year in filter.period == nil && filter.from == nil && filter.to == nil ? year : nil }
    }
}
