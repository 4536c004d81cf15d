/// A bid's history must follow the lifecycle, in date order, and an award should not exceed the ask.
public enum BidChecks {
    @Sendable public static func statusHistory(_ ledger: Ledger) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for bid in ledger.bids {
            var previous: BidEvent?
            for event in bid.history {
                if let before = previous {
                    if event.date < before.date {
                        problems.append(Diagnostic(
                            .illegalBidStatus, "bid \(bid.id) is \(event.status.rawValue) on \(event.date), before it was \(before.status.rawValue) on \(before.date)",
                            hint: "list a bid's history in date order", at: event.location, length: event.status.rawValue.utf8.count))
                    } else if !before.status.canMove(to: event.status) {
                        problems.append(Diagnostic(
                            .illegalBidStatus, "bid \(bid.id) cannot move from \(before.status.rawValue) to \(event.status.rawValue)",
                            hint: Self.movesHint(from: before.status), at: event.location, length: event.status.rawValue.utf8.count))
                    }
                } else if event.status != .draft && event.status != .submitted {
                    problems.append(Diagnostic(
                        .illegalBidStatus, "bid \(bid.id) starts as \(event.status.rawValue); a bid starts as draft or submitted",
                        hint: "add the date it was submitted before the decision", at: event.location, length: event.status.rawValue.utf8.count))
                }
                if let amount = event.amount, let requested = bid.requested, amount > requested {
                    problems.append(Diagnostic(
                        .awardExceedsRequest, "bid \(bid.id) was awarded \(amount), more than the \(requested) it asked for",
                        hint: "check the award letter; correct the request or the award", at: event.location,
                        length: event.status.rawValue.utf8.count))
                }
                previous = event
            }
        }
        return problems
    }

    static func movesHint(from status: BidStatus) -> String {
        let next = BidStatus.allCases.filter { status.canMove(to: $0) }.map(\.rawValue)
        return next.isEmpty ? "\(status.rawValue) is final: a bid does not move after it" : "from \(status.rawValue) a bid can become \(next.joined(separator: " or "))"
    }

    /// A bid and the grant it became must agree: the amount awarded is the grant's award, and only
    /// an awarded bid names a grant, once.
    @Sendable public static func grantConsistency(_ ledger: Ledger) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var claimedBy: [String: String] = [:]
        for bid in ledger.bids {
            guard let grantID = bid.grantID, let grantIndex = ledger.grantIndex[grantID] else { continue }
            let grant = ledger.grants[grantIndex]
            let at = bid.history.last?.location ?? bid.location
            let length = bid.history.last.map { $0.status.rawValue.utf8.count } ?? bid.id.utf8.count
            if let other = claimedBy[grantID] {
                problems.append(Diagnostic(
                    .bidGrantMismatch, "bids \(other) and \(bid.id) both name grant \(grantID)",
                    hint: "a grant comes from one bid: correct the grant field of one of them", at: bid.location,
                    length: bid.id.utf8.count))
            }
            claimedBy[grantID] = bid.id
            guard bid.status.carriesAmount else {
                problems.append(Diagnostic(
                    .bidGrantMismatch, "bid \(bid.id) is \(bid.status.rawValue) but names grant \(grantID)",
                    hint: "record the award in the bid's history, or remove its grant field", at: at, length: length))
                continue
            }
            if let awarded = bid.awarded, let award = grant.award, awarded != award {
                let difference = (try? award.subtracting(awarded)) ?? .zero
                problems.append(Diagnostic(
                    .bidGrantMismatch,
                    "bid \(bid.id) was awarded \(awarded) but grant \(grantID) records an award of \(award) (difference \(difference))",
                    hint: "check the award letter; correct the bid's award or the grant's", at: at, length: length))
            }
        }
        return problems
    }
}
