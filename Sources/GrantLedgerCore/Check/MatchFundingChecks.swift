/// Match funding: a grant declared with `match 50%` needs partners' own spend recorded against it
/// (postings tagged `match:GRANT`) of at least that share of the grant's spend recorded so far.
/// Comparing with spend rather than the award keeps a grant part-way through from being flagged
/// for match that is not yet due.
public enum MatchFundingChecks {
    /// A grant whose recorded match is below its required share of the spend so far.
    public struct Shortfall: Hashable, Sendable {
        public let grant: Int
        public let spent: MoneyTotal
        public let required: MoneyTotal
        public let recorded: MoneyTotal
        public var short: MoneyTotal { required - recorded }
    }

    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        shortfalls(ledger).map { shortfall in
            let grant = ledger.grants[shortfall.grant]
            return Diagnostic(
                .matchFundingShort,
                "grant \(grant.id) needs match funding of \(Percent.basisPointsText(grant.matchBasisPoints ?? 0)) of its spend: \(shortfall.spent) spent needs \(shortfall.required), \(shortfall.recorded) recorded, \(shortfall.short) short",
                hint: "record the partners' own spend as postings tagged match:\(grant.id) (see ledgers/README.md)",
                at: grant.location, length: grant.id.utf8.count)
        }
    }

    /// Every grant short of its match, in declaration order: what the finding and the workbook's
    /// Summary both say.
    public static func shortfalls(_ ledger: Ledger) -> [Shortfall] {
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
        var shortfalls: [Shortfall] = []
        for (index, grant) in ledger.grants.enumerated() {
            guard let basisPoints = grant.matchBasisPoints, basisPoints > 0, spend[index].pence > 0 else { continue }
            // Exact: match × 10,000 ≥ spend × basis points, in 128 bits; the gate on the books'
            // amounts (`AmountLimit`) keeps spend far below where the product could overflow.
            let (needed, overflow) = spend[index].pence.multipliedReportingOverflow(by: Int128(basisPoints))
            guard !overflow, match[index].pence * 10_000 < needed else { continue }
            shortfalls.append(Shortfall(grant: index, spent: spend[index], required: MoneyTotal(pence: requiredPence(needed)),
                                        recorded: match[index]))
        }
        return shortfalls
    }

    /// The least whole number of pence that meets the share: rounded up, never down. `needed` is
    /// spend × basis points, exact in 128 bits.
    static func requiredPence(_ needed: Int128) -> Int128 { (needed + 9_999) / 10_000 }

    /// The match a grant needs on `spent` at `basisPoints` (5000 is 50%).
    static func required(on spent: Money, basisPoints: Int64) -> Money {
        Money(pence: Int64(clamping: requiredPence(Int128(spent.pence) * Int128(basisPoints))))
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
