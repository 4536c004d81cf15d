/// Spend against its grant's period and each line's budget.
public enum SpendChecks {
    /// Spend dated before the grant starts or after its spend deadline is an error in the books.
    @Sendable public static func withinGrantPeriod(_ ledger: Ledger) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for posting in ledger.postings where ledger.isSpend(posting) {
            let grant = ledger.grants[Int(posting.grant)]
            guard let period = grant.period, let deadline = grant.spendDeadline else { continue }
            let date = ledger.transaction(of: posting).date
            let account = ledger.account(of: posting).name
            if date < period.start {
                problems.append(Diagnostic(
                    .spendOutsidePeriod, "spend dated \(date) is before grant \(grant.id) starts on \(period.start)",
                    hint: "check the date, or the grant tag", at: ledger.location(of: posting), length: account.utf8.count))
            } else if date > deadline {
                let what = grant.deadline == nil ? "period end" : "spend deadline"
                problems.append(Diagnostic(
                    .spendOutsidePeriod, "spend dated \(date) is after grant \(grant.id)'s \(what) (\(deadline))",
                    hint: "check the date, or the grant tag", at: ledger.location(of: posting), length: account.utf8.count))
            }
        }
        return problems
    }

    /// Spend beyond a line's budget is a finding for the committee, not an input error.
    @Sendable public static func withinLineBudget(_ ledger: Ledger) -> [Diagnostic] {
        var spent: [Int64: Int64] = [:]
        for posting in ledger.postings where posting.grantLine >= 0 && ledger.isSpend(posting) {
            let key = Int64(posting.grant) << 32 | Int64(posting.grantLine)
            let (sum, overflow) = (spent[key] ?? 0).addingReportingOverflow(posting.amount.pence)
            spent[key] = overflow ? .max : sum
        }
        var problems: [Diagnostic] = []
        for (grantIndex, grant) in ledger.grants.enumerated() {
            for (lineIndex, line) in grant.lines.enumerated() {
                let total = Money(pence: spent[Int64(grantIndex) << 32 | Int64(lineIndex)] ?? 0)
                if total > line.budget, let over = try? total.subtracting(line.budget) {
                    problems.append(Diagnostic(
                        .lineOverspent, "line \(line.id) of grant \(grant.id) has spent \(total) against a budget of \(line.budget): \(over) over",
                        hint: "vire budget from another line, or report the overspend to the committee",
                        at: line.location, length: line.id.utf8.count))
                }
            }
        }
        return problems
    }
}
