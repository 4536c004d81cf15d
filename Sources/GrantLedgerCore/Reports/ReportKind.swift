/// The reports `grantledger report` can make, by the name typed on the command line.
public enum ReportKind: String, CaseIterable, Sendable {
    case grants, lines, initiatives, areas, bids, balance

    public func build(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> Report {
        switch self {
        case .grants: return try GrantsReport.build(ledger, filter)
        case .lines: return try LinesReport.build(ledger, filter)
        case .initiatives: return try InitiativesReport.build(ledger, filter)
        case .areas: return try AreasReport.build(ledger, filter)
        case .bids: return try BidsReport.build(ledger, filter)
        case .balance: return try BalanceReport.build(ledger, filter)
        }
    }
}
