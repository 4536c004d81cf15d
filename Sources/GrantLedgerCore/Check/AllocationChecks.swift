/// An agreed allocation shares exactly what its grant's line (or award) holds, among declared areas:
/// a share left over or short would be money no area was given, or given twice.
public enum AllocationChecks {
    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for allocation in ledger.allocations {
            guard let grantID = allocation.grantID, let grantIndex = ledger.grantIndex[grantID] else { continue }
            let grant = ledger.grants[grantIndex]
            let pot: Money?, what: String
            if let lineID = allocation.lineID {
                guard let line = grant.lines.first(where: { $0.id == lineID }) else {
                    problems.append(Diagnostic(
                        .unknownLine, "grant \(grant.id) has no line \"\(lineID)\"", hint: grant.linesKnown,
                        at: allocation.lineLocation ?? allocation.location, length: lineID.utf8.count))
                    continue
                }
                (pot, what) = (line.budget, "line \(lineID) of grant \(grant.id)")
            } else {
                (pot, what) = (grant.award, "grant \(grant.id)'s award")
            }
            guard let pot, let total = allocation.total, total != pot else { continue }
            problems.append(Diagnostic(
                .badValue, "allocation \(allocation.id) shares \(total.formatted(.display)) across \(allocation.shares.count) areas, "
                    + "but \(what) holds \(pot.formatted(.display))",
                hint: "the areas' shares add up to what is shared: \(total > pot ? "over" : "short") by \(Money(pence: (total.pence - pot.pence).magnitude > 0 ? Int64(clamping: (total.pence - pot.pence).magnitude) : 0).formatted(.display))",
                at: allocation.location, length: allocation.id.utf8.count))
        }
        return problems
    }
}
