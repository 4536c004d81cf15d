/// A grant's budget lines against its award.
public enum GrantChecks {
    /// Lines adding up to more than the award is an error; less is a finding (money not yet allocated).
    @Sendable public static func linesWithinAward(_ ledger: Ledger) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for grant in ledger.grants {
            guard let award = grant.award, !grant.lines.isEmpty else { continue }
            guard let total = try? Money.sum(grant.lines.map(\.budget)) else {
                problems.append(Diagnostic(.amountOverflow, "grant \(grant.id)'s lines add up to more than can be held",
                                           at: grant.location, length: grant.id.utf8.count))
                continue
            }
            let at = grant.awardLocation ?? grant.location
            let length = grant.awardLocation == nil ? grant.id.utf8.count : grant.awardLength
            if total > award, let excess = try? total.subtracting(award) {
                problems.append(Diagnostic(
                    .linesExceedAward, "grant \(grant.id)'s lines add up to \(total), \(excess) more than its award of \(award)",
                    hint: "reduce a line or correct the award", at: at, length: length))
            } else if total < award, let remainder = try? award.subtracting(total) {
                problems.append(Diagnostic(
                    .unallocatedAward, "grant \(grant.id) has \(remainder) of its \(award) award not allocated to any line",
                    hint: "add a line for the remainder, or record why it is held back", at: at,
                    length: length))
            }
        }
        return problems
    }
}
