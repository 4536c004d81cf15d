/// Each commitment against its grant: the line it names is one of the grant's, it is raised within
/// the grant's period, and it is not closed before it was raised.
public enum CommitmentChecks {
    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var byReference: [String: Commitment] = [:]
        for commitment in ledger.commitments {
            // Invoices release the commitment whose reference they carry: two sharing one would both be released.
            if let grantID = commitment.grantID {
                let key = grantID + "\u{0}" + commitment.releasingReference
                if let first = byReference[key] {
                    problems.append(Diagnostic(
                        .duplicateID, "commitments \(first.id) and \(commitment.id) on grant \(grantID) both take the reference \(commitment.releasingReference)",
                        hint: "give each order its own ref: an invoice carrying it releases one order", at: commitment.location,
                        length: commitment.id.utf8.count))
                } else {
                    byReference[key] = commitment
                }
            }
            guard let grantID = commitment.grantID, let index = ledger.grantIndex[grantID] else { continue }
            let grant = ledger.grants[index]
            if let lineID = commitment.lineID, grant.lineIndex(lineID) == nil {
                problems.append(Diagnostic(
                    .unknownLine, "grant \(grant.id) has no line \"\(lineID)\" for commitment \(commitment.id)", hint: grant.hint(forLine: lineID),
                    at: commitment.lineLocation ?? commitment.location, length: lineID.utf8.count))
            }
            if let date = commitment.date, let period = grant.period, !period.contains(date) {
                problems.append(Diagnostic(
                    .spendOutsidePeriod, "commitment \(commitment.id) is dated \(date), outside grant \(grant.id)'s period \(period)",
                    hint: "an order against a grant is raised within its period", at: commitment.location, length: commitment.id.utf8.count))
            }
            if let date = commitment.date, let closed = commitment.closed, closed < date {
                problems.append(Diagnostic(
                    .badValue, "commitment \(commitment.id) is closed on \(closed), before it was raised on \(date)",
                    hint: "check the two dates", at: commitment.location, length: commitment.id.utf8.count))
            }
        }
        return problems
    }
}
