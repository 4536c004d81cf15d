/// What falls due, from the grants' declarations: each claim their `claims` schedules ask for (the
/// day it can be made, or the day it is due when the funder allows so many days), each tranche's
/// spend-by date and each grant's last day for spend; in date order, each said to be past, today or
/// to come against the as-of day. Narrowed by the report filter: `--grant`, and dates (`--fy`,
/// `--quarter`, `--from`/`--to`) choosing the events dated within them.
public enum CalendarReport {
    /// One date in the calendar.
    public struct Event: Hashable, Sendable {
        public enum Kind: String, Sendable {
            case claim = "claim"
            case trancheSpendBy = "tranche spend-by"
            case spendDeadline = "last day for spend"
        }

        public let date: Day
        public let grantID: String
        public let kind: Kind
        public let detail: String
        /// What the event is, whatever its wording: the grant, the kind and what it is of (a claim's
        /// period, a tranche's year and place), so its calendar UID stays the same from run to run.
        public let identity: String
        /// A claim's record in the books, its schedule's claim and timing: the calendar says where it stands.
        public var claim: GrantClaim? = nil
        public var due: ClaimSchedule.Claim? = nil
        public var timing: ClaimSchedule.Timing? = nil
    }

    public static func build(_ ledger: Ledger, _ filter: ReportFilter, asOf: Day) throws(ReportError) -> Report {
        try table(events(ledger, filter), asOf: asOf, filter: filter)
    }

    public static func events(_ ledger: Ledger, _ filter: ReportFilter) throws(ReportError) -> [Event] {
        let scope = try ReportScope(ledger, filter)
        var events: [Event] = []
        for index in ledger.grants.indices where scope.grant.map({ Int($0) == index }) ?? true {
            let grant = ledger.grants[index]
            if let schedule = grant.claims, let period = grant.period {
                for claim in schedule.claims(over: period) {
                    let date = claim.dueBy ?? claim.opens
                    // The period's own name, and its days only where the grant cuts it short.
                    let cut = claim.covers == claim.period.period ? "" : " (\(claim.covers))"
                    let when = (schedule.timing == .advance ? ", in advance, by \(claim.opens)" : ", from \(claim.opens)")
                        + (claim.dueBy.map { ", due by \($0)" } ?? "")
                    events.append(Event(date: date, grantID: grant.id, kind: .claim, detail: "\(claim.period)\(cut)\(when)",
                                        identity: "\(grant.id)|claim|\(claim.period)",
                                        claim: ledger.claimIndex[GrantClaim.key(grant.id, claim.period)].map { ledger.claims[$0] },
                                        due: claim, timing: schedule.timing))
                }
            }
            for (place, tranche) in grant.tranches.enumerated() {
                events.append(Event(date: tranche.spendBy, grantID: grant.id, kind: .trancheSpendBy,
                                    detail: "\(tranche.financialYear): \(tranche.cap), not carried over",
                                    identity: "\(grant.id)|tranche|\(tranche.financialYear)|\(place)"))
            }
            if let deadline = grant.spendDeadline {
                events.append(Event(date: deadline, grantID: grant.id, kind: .spendDeadline, detail: grant.name,
                                    identity: "\(grant.id)|last day for spend"))
            }
        }
        let chosen = events.filter { scope.includes(day: $0.date) }
        // Date order; on one day, grants in declaration order, then the order above.
        return chosen.enumerated().sorted { a, b in
            a.element.date != b.element.date ? a.element.date < b.element.date : a.offset < b.offset
        }.map(\.element)
    }

    static func table(_ events: [Event], asOf: Day, filter: ReportFilter) throws(ReportError) -> Report {
        let columns: [ReportColumn] = [.date("date", "Date"), .text("status", "Status"), .text("grant", "Grant"),
                                       .text("event", "Event"), .text("detail", "Detail")]
        let rows = events.map { event in
            ReportRow([.date(event.date), .text(status(of: event, asOf: asOf)), .text(event.grantID), .text(event.kind.rawValue),
                       .text(event.detail)])
        }
        return try Report(title: name(filter) + ": as of \(asOf)", columns: columns, rows: rows)
    }

    /// The calendar's name: what it holds, without the day it is made (a calendar program keeps it).
    public static func name(_ filter: ReportFilter) -> String { filter.title("Calendar") }

    /// A claim's standing as `report claims` gives it (`ClaimFigures.standing`), where it has made a
    /// step or is overdue; otherwise, as every event, the date's against the day.
    static func status(of event: Event, asOf: Day) -> String {
        guard let due = event.due, let timing = event.timing else { return status(of: event.date, asOf: asOf) }
        let standing = ClaimFigures.standing(of: event.claim, due, timing, on: asOf)
        return standing == "to make" || standing == "not yet due" ? status(of: event.date, asOf: asOf) : standing
    }

    /// `past`, `today`, or `in N days`, against the as-of day.
    static func status(of date: Day, asOf: Day) -> String {
        let days = Int(date.daysSinceEpoch) - Int(asOf.daysSinceEpoch)
        if days < 0 { return "past" }
        if days == 0 { return "today" }
        return days == 1 ? "in 1 day" : "in \(days) days"
    }
}
