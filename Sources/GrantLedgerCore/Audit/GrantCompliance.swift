/// What the funders' conditions say of each grant, wherever a grant's status is shown: match
/// funding short of its share, a tranche spent past its cap. The same arithmetic as `audit`'s
/// findings (`MatchFundingChecks.shortfalls`, `TrancheChecks.overspends`), so a grant that audit
/// flags is never shown as Green.
public struct GrantCompliance: Sendable {
    public enum Issue: Hashable, Sendable {
        case matchShort(MoneyTotal)
        case trancheOverspent(FinancialYear, MoneyTotal)

        /// `match funding £34,687.50 short`, `2022-23 tranche £1,200.00 over`.
        public var text: String {
            switch self {
            case .matchShort(let short): return "match funding \(short) short"
            case .trancheOverspent(let year, let over): return "\(year) tranche \(over) over"
            }
        }

        /// A tranche overspent is money the funder will not pay: Red. Match still short may yet be met: Amber.
        public var status: SpendStatusRule.Status {
            switch self {
            case .matchShort: return .amber
            case .trancheOverspent: return .red
            }
        }
    }

    /// Per grant, in declaration order.
    public let issues: [[Issue]]

    public init(_ ledger: Ledger) {
        var issues = [[Issue]](repeating: [], count: ledger.grants.count)
        for shortfall in MatchFundingChecks.shortfalls(ledger) { issues[shortfall.grant].append(.matchShort(shortfall.short)) }
        for overspend in TrancheChecks.overspends(ledger) {
            issues[overspend.grant].append(.trancheOverspent(ledger.grants[overspend.grant].tranches[overspend.tranche].financialYear,
                                                             overspend.over))
        }
        self.issues = issues
    }

    /// The least a grant's status may be: nil when nothing is flagged.
    public func floor(grant index: Int) -> SpendStatusRule.Status? {
        let flagged = issues[index]
        guard !flagged.isEmpty else { return nil }
        return flagged.contains { $0.status == .red } ? .red : .amber
    }
}
