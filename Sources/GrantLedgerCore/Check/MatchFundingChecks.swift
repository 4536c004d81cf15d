/// Match funding: a grant declared with `match 50%` needs partners' own spend recorded against it
/// (postings tagged `match:GRANT`) of at least that share of the grant's spend recorded so far.
/// Comparing with spend rather than the award keeps a grant part-way through from being flagged
/// for match that is not yet due.
public enum MatchFundingChecks {
    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        guard ledger.grants.contains(where: { ($0.matchBasisPoints ?? 0) > 0 }) else { return [] }
        var spend = [MoneyTotal](repeating: MoneyTotal(), count: ledger.grants.count)
        var match = spend
        let isExpense = ledger.accounts.map { $0.kind == .expenses }
        for posting in ledger.postings where isExpense[Int(posting.account)] {
            if posting.grant >= 0 {
                spend[Int(posting.grant)].add(posting.amount)
            }
            if posting.matchGrant >= 0 {
                match[Int(posting.matchGrant)].add(posting.amount)
            }
        }
        var problems: [Diagnostic] = []
        for (index, grant) in ledger.grants.enumerated() {
            guard let basisPoints = grant.matchBasisPoints, basisPoints > 0, spend[index].pence > 0 else { continue }
            // Exact: match × 10,000 ≥ spend × basis points, in 128 bits; the gate on the books'
            // amounts (`AmountLimit`) keeps spend far below where the product could overflow.
            let (needed, overflow) = spend[index].pence.multipliedReportingOverflow(by: Int128(basisPoints))
            guard !overflow, match[index].pence * 10_000 < needed else { continue }
            // The least whole number of pence that meets the share: rounded up, never down.
            let required = MoneyTotal(pence: (needed + 9_999) / 10_000)
            let recorded = match[index]
            let short = required - recorded
            problems.append(Diagnostic(
                .matchFundingShort,
                "grant \(grant.id) needs match funding of \(Percent.basisPointsText(basisPoints)) of its spend: \(spend[index]) spent needs \(required), \(recorded) recorded, \(short) short",
                hint: "record the partners' own spend as postings tagged match:\(grant.id) (see ledgers/README.md)",
                at: grant.location, length: grant.id.utf8.count))
        }
        return problems
    }
}

extension Percent {
    /// `50%`, `12.5%` from hundredths of a percent.
    static func basisPointsText(_ basisPoints: Int64) -> String {
        let whole = basisPoints / 100, rest = basisPoints % 100
        if rest == 0 { return "\(whole)%" }
        let decimals = rest % 10 == 0 ? "\(rest / 10)" : (rest < 10 ? "0\(rest)" : "\(rest)")
        return "\(whole).\(decimals)%"
    }
}
