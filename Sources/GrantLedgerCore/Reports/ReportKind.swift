/// The reports `grantledger report` can make, by the name typed on the command line.
public enum ReportKind: String, CaseIterable, Sendable {
    case grants, lines, budget, initiatives, areas, bids, balance, register, calendar, claims

    /// `budget` is monitored to a day and forecast by a method (`BudgetSettings`); without them, to
    /// the day of the last transaction, by profile.
    public func build(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter(), budget: BudgetSettings? = nil,
                      register: RegisterReport.Query = RegisterReport.Query()) throws(ReportError) -> Report {
        // Without settings, the day of the books' last transaction (looked for only by the reports that need a day).
        func settings() -> BudgetSettings { budget ?? BudgetSettings(asOf: ledger.lastDay) }
        switch self {
        case .calendar: return try CalendarReport.build(ledger, filter, asOf: settings().asOf)
        case .claims: return try ClaimsReport.build(ledger, filter, asOf: settings().asOf)
        case .register: return try RegisterReport.build(ledger, filter, register)
        case .budget: return try BudgetReport.build(ledger, filter, settings())
        case .grants: return try GrantsReport.build(ledger, filter)
        case .lines: return try LinesReport.build(ledger, filter)
        case .initiatives: return try InitiativesReport.build(ledger, filter)
        case .areas: return try AreasReport.build(ledger, filter)
        case .bids: return try BidsReport.build(ledger, filter)
        case .balance: return try BalanceReport.build(ledger, filter)
        }
    }
}
