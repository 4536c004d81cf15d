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
    /// What was claimed: the amount last submitted (by the day the figures are struck).
    public let claimed: Money?

    /// Claimed and not yet received: the debtor. Nothing for a claim not submitted or rejected.
    public var owed: Money {
        guard let claimed, let status = standingStep?.status, status != .rejected, status != .draft else { return .zero }
        return Money(pence: claimed.pence - received.pence)
    }

    /// Where the claim stands on `day` (`ClaimFigures.standing(of:_:_:on:)`).
    public func standing(on day: Day) -> String { Self.standing(of: record, due, schedule.timing, on: day) }

    /// Where a claim stands on `day`, the one answer `report claims` and the calendar give: its last
    /// step by then, or, unmade, `not yet due`, `to make`, or `overdue` once the last day to make it
    /// has passed (a claim in arrears: its `within N days`; in advance: the day its period starts);
    /// a draft past that day is `overdue (draft)`.
    public static func standing(of record: GrantClaim?, _ due: ClaimSchedule.Claim, _ timing: ClaimSchedule.Timing,
                                on day: Day) -> String {
        let last = timing == .advance ? due.opens : due.dueBy
        let late = last.map { day > $0 } ?? false
        if let step = record?.history.last(where: { $0.date <= day }) {
            return step.status == .draft && late ? "overdue (draft)" : step.status.rawValue
        }
        if late { return "overdue" }
        return timing == .advance || day >= due.opens ? "to make" : "not yet due"
    }

    /// The record's steps by the day the figures are struck (all of them without one).
    public let steps: [ClaimEvent]
    public var standingStep: ClaimEvent? { steps.last }

    /// Every claim of every grant with a claims schedule and a period, in grant then period order,
    /// with the declared claims whose period the schedule does not give left to `check` to report.
    /// With `day`, as the books stood on it: spend, steps and receipts dated after it left out.
    public static func all(_ ledger: Ledger, grants: [Int]? = nil, through day: Day? = nil) -> [ClaimFigures] {
        let last = day ?? Day.latest
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
        // A schedule's periods follow one another without overlapping (each starts after the one
        // before ends): then a posting's period is found by halving, not by trying each of a long
        // grant's hundreds of quarters; otherwise every period is tried.
        let covers = dues.map(\.due.covers)
        let ordered = byGrant.map { places in zip(places, places.dropFirst()).allSatisfy { covers[$0].end < covers[$1].start } }
        for posting in ledger.postings where posting.grant >= 0 && ledger.isSpend(posting) {
            let grant = Int(posting.grant)
            let places = byGrant[grant]
            guard !places.isEmpty else { continue }
            let date = ledger.transactions[Int(posting.transaction)].date
            // Books that passed check hold amounts far inside Int64 (AmountLimit): these sums cannot overflow.
            guard date <= last else { continue }
            if ordered[grant] {
                if let place = Self.place(of: date, among: places, covers) { eligible[place] &+= posting.amount.pence }
            } else {
                for place in places where dues[place].due.covers.contains(date) { eligible[place] &+= posting.amount.pence }
            }
        }
        return dues.enumerated().map { place, entry in
            let grant = ledger.grants[entry.grant]
            let record = ledger.claimIndex[GrantClaim.key(grant.id, entry.due.period)].map { ledger.claims[$0] }
            let steps = record?.history.filter { $0.date <= last } ?? []
            return ClaimFigures(grantIndex: entry.grant, grantID: grant.id, schedule: entry.schedule, due: entry.due, record: record,
                                eligible: Money(pence: eligible[place]), received: record.map { received($0, ledger, through: last) } ?? .zero,
                                claimed: steps.last { $0.status == .submitted }?.amount, steps: steps)
        }
    }

    /// The place among `places` (in order, periods not overlapping) whose period holds `date`, if any.
    static func place(of date: Day, among places: [Int], _ periods: [Period]) -> Int? {
        // The first period ending on or after the date; it holds the date if it starts by then.
        var low = 0, high = places.count
        while low < high {
            let middle = (low + high) / 2
            if periods[places[middle]].end < date { low = middle + 1 } else { high = middle }
        }
        guard low < places.count, periods[places[low]].contains(date) else { return nil }
        return places[low]
    }

    /// The income credited on a claim's tagged postings (an income posting's credit is negative).
    static func received(_ claim: GrantClaim, _ ledger: Ledger, through day: Day) -> Money {
        var pence: Int64 = 0
        for index in claim.receipts {
            let posting = ledger.postings[Int(index)]
            guard ledger.transactions[Int(posting.transaction)].date <= day else { continue }
            if ledger.accounts[Int(posting.account)].kind == .income { pence &-= posting.amount.pence }
        }
        return Money(pence: pence)
    }
}
