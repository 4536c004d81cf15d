/// A claim must be one its grant's claims schedule asks for, and its steps must follow the
/// lifecycle in date order (`ClaimStatus.canMove`); audit then holds what was claimed and received to
/// the postings (`amounts`).
public enum ClaimChecks {
    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for claim in ledger.claims {
            guard let grantIndex = ledger.grantIndex[claim.grantID] else { continue }
            problems += schedule(claim, ledger.grants[grantIndex])
            problems += history(claim)
        }
        return problems
    }

    /// The claim's period is one of the grant's claims: the schedule's length, within the grant's period.
    static func schedule(_ claim: GrantClaim, _ grant: Grant) -> [Diagnostic] {
        guard let period = claim.period else { return [] }
        let length = claim.periodText.utf8.count
        guard let schedule = grant.claims else {
            return [Diagnostic(.badValue, "grant \(grant.id) has no claims schedule, so it has no claim for \(claim.periodText)",
                               hint: "say how it is claimed under the grant: claims  arrears quarterly", at: claim.location,
                               length: claim.grantID.utf8.count)]
        }
        let dues = grant.period.map { schedule.claims(over: $0) } ?? []
        let periods = dues.map(\.period)
        if let due = dues.first(where: { $0.period == period }) {
            // A claim in arrears is for spend made: it cannot be submitted before its period has ended.
            guard schedule.timing == .arrears, let early = claim.history.first(where: { $0.status == .submitted && $0.date < due.opens }) else { return [] }
            return [Diagnostic(.illegalClaimStatus, "claim \(claim.id) is submitted on \(early.date), before its period ends on \(due.covers.end)",
                               hint: "a claim in arrears is made once its period is over: check the date", at: early.location,
                               length: early.status.rawValue.utf8.count)]
        }
        let named = schedule.frequency.noun
        let first = periods.first.map { ", from \($0) to \(periods.last.map(String.init(describing:)) ?? "")" } ?? ""
        let why = period.length == schedule.frequency ? "it is not within the grant's period" : "the grant is claimed by \(named)"
        return [Diagnostic(.badPeriod, "grant \(grant.id) has no claim for \(claim.periodText): \(why)",
                           hint: "its claims are each \(named)\(first)", at: claim.periodLocation, length: length)]
    }

    static func history(_ claim: GrantClaim) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var previous: ClaimEvent?
        for event in claim.history {
            let length = event.status.rawValue.utf8.count
            if let before = previous {
                if event.date < before.date {
                    problems.append(Diagnostic(
                        .illegalClaimStatus, "claim \(claim.id) is \(event.status.rawValue) on \(event.date), before it was \(before.status.rawValue) on \(before.date)",
                        hint: "list a claim's steps in date order", at: event.location, length: length))
                } else if !before.status.canMove(to: event.status) {
                    let next = ClaimStatus.allCases.filter { before.status.canMove(to: $0) }.map(\.rawValue)
                    problems.append(Diagnostic(
                        .illegalClaimStatus, "claim \(claim.id) cannot move from \(before.status.rawValue) to \(event.status.rawValue)",
                        hint: next.isEmpty ? "\(before.status.rawValue) is final" : "from \(before.status.rawValue) a claim can become \(next.joined(separator: " or "))",
                        at: event.location, length: length))
                }
            } else if event.status != .draft && event.status != .submitted {
                problems.append(Diagnostic(
                    .illegalClaimStatus, "claim \(claim.id) starts as \(event.status.rawValue); a claim starts as draft or submitted",
                    hint: "add the date it was submitted, with the amount claimed", at: event.location, length: length))
            }
            previous = event
        }
        return problems
    }

    /// Audit: what was claimed for a period claimed in arrears is the spend the books hold for it,
    /// and what was received is what was claimed (all of it once paid, never more).
    @Sendable public static func amounts(_ ledger: Ledger) -> [Diagnostic] {
        guard !ledger.claims.isEmpty else { return [] }
        var problems: [Diagnostic] = []
        for figures in ClaimFigures.all(ledger) {
            guard let claim = figures.record else { continue }
            let at = claim.history.last(where: { $0.status == .submitted }) ?? claim.history.last
            let location = at?.location ?? claim.location
            let length = at.map { $0.status.rawValue.utf8.count } ?? claim.grantID.utf8.count
            let received = figures.received
            if let claimed = claim.claimed, figures.schedule.timing == .arrears, claimed != figures.eligible {
                problems.append(Diagnostic(
                    .claimMismatch, "claim \(claim.id) claimed \(claimed.formatted(.display)), but the books hold \(figures.eligible.formatted(.display)) of grant \(claim.grantID)'s spend dated \(figures.due.covers.start) to \(figures.due.covers.end)",
                    hint: "grantledger claim \(claim.grantID) --\(figures.due.period.length.optionName) \(claim.periodText) lists the spend the claim is built from",
                    at: location, length: length))
            }
            let claimed = claim.claimed ?? .zero
            if claim.status == .rejected && !received.isZero {
                problems.append(Diagnostic(
                    .claimMismatch, "claim \(claim.id) was rejected, but \(received.formatted(.display)) is tagged as received against it",
                    hint: "record the claim's later steps (submitted again, paid), or move the receipt's claim: tag", at: location, length: length))
            } else if received > claimed || (claim.status == .paid && received != claimed) {
                problems.append(Diagnostic(
                    .claimMismatch, "claim \(claim.id) received \(received.formatted(.display)) against \(claimed.formatted(.display)) claimed",
                    hint: received > claimed ? "check the receipts tagged claim:\(claim.periodText): more came in than was claimed"
                        : "a paid claim has received what it claimed: tag the missing receipt claim:\(claim.periodText), or record it part-paid",
                    at: location, length: length))
            }
        }
        return problems
    }
}

