/// One claim of a grant's schedule with what the books say of it: the spend dated in the period it
/// covers (what a claim in arrears is built from), the claim as recorded (if it is), and the income
/// received against it. The one home for these sums: `report claims`, the claim return and audit's
/// claim findings all read them.
public struct ClaimFigures: Hashable, Sendable {
    public let grantIndex: Int
    public let grantID: String
    public let schedule: ClaimSchedule
    public let due: ClaimSchedule.Claim
    public let record: GrantClaim?
    /// Grant spend dated within `due.covers`.
    public let eligible: Money
    /// The income credited on postings tagged with the claim.
    public let received: Money

    public var claimed: Money? { record?.claimed }

    /// Claimed and not yet received: the debtor. Nothing for a claim not submitted or rejected.
    public var owed: Money {
        guard let record, let claimed = record.claimed, record.status != .rejected, record.status != .draft else { return .zero }
        return Money(pence: claimed.pence - received.pence)
    }

    /// Where the claim stands on `day`: its last step by then, or, unmade, whether it can be made yet
    /// and whether its last day (`within N days`) has passed.
    public func standing(on day: Day) -> String {
        if let step = record?.history.last(where: { $0.date <= day }) {
            if step.status == .draft, let last = due.dueBy, day > last { return "overdue (draft)" }
            return step.status.rawValue
        }
        if let last = due.dueBy, day > last { return "overdue" }
        return day >= due.opens ? "to make" : "not yet due"
    }

    /// Every claim of every grant with a claims schedule and a period, in grant then period order,
    /// with the declared claims whose period the schedule does not give left to `check` to report.
    public static func all(_ ledger: Ledger, grants: [Int]? = nil) -> [ClaimFigures] {
        let chosen = grants ?? Array(ledger.grants.indices)
        var dues: [(grant: Int, schedule: ClaimSchedule, due: ClaimSchedule.Claim)] = []
        for index in chosen {
            let grant = ledger.grants[index]
            guard let schedule = grant.claims, let period = grant.period else { continue }
            for due in schedule.claims(over: period) { dues.append((index, schedule, due)) }
        }
        guard !dues.isEmpty else { return [] }
        var byGrant = [[Int]](repeating: [], count: ledger.grants.count)
        for (place, entry) in dues.enumerated() { byGrant[entry.grant].append(place) }
        var eligible = [Int64](repeating: 0, count: dues.count)
        for posting in ledger.postings where posting.grant >= 0 && ledger.isSpend(posting) {
            let places = byGrant[Int(posting.grant)]
            guard !places.isEmpty else { continue }
            let date = ledger.transactions[Int(posting.transaction)].date
            // Books that passed check hold amounts far inside Int64 (AmountLimit): these sums cannot overflow.
            for place in places where dues[place].due.covers.contains(date) { eligible[place] &+= posting.amount.pence }
        }
        return dues.enumerated().map { place, entry in
            let grant = ledger.grants[entry.grant]
            let record = ledger.claimIndex["\(grant.id) \(entry.due.period)"].map { ledger.claims[$0] }
            return ClaimFigures(grantIndex: entry.grant, grantID: grant.id, schedule: entry.schedule, due: entry.due, record: record,
                                eligible: Money(pence: eligible[place]), received: record.map { received($0, ledger) } ?? .zero)
        }
    }

    /// The income credited on a claim's tagged postings (an income posting's credit is negative).
    static func received(_ claim: GrantClaim, _ ledger: Ledger) -> Money {
        var pence: Int64 = 0
        for index in claim.receipts {
            let posting = ledger.postings[Int(index)]
            if ledger.accounts[Int(posting.account)].kind == .income { pence &-= posting.amount.pence }
        }
        return Money(pence: pence)
    }
}
