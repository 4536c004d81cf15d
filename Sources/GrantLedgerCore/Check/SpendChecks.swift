/// Spend against its grant's period and each line's budget.
public enum SpendChecks {
    /// Spend dated before the grant starts or after its spend deadline is an error in the books.
    @Sendable public static func withinGrantPeriod(_ ledger: Ledger) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        // Each grant's window once, not per posting: this loop sees every posting of the books.
        let windows: [(start: Day, end: Day)?] = ledger.grants.map { grant in
            guard let period = grant.period, let deadline = grant.spendDeadline else { return nil }
            return (period.start, deadline)
        }
        let isExpense = ledger.accounts.map { $0.kind == .expenses }
        for posting in ledger.postings where posting.grant >= 0 && isExpense[Int(posting.account)] {
            guard let window = windows[Int(posting.grant)] else { continue }
            let date = ledger.transactions[Int(posting.transaction)].date
            if window.start <= date && date <= window.end { continue }
            let grant = ledger.grants[Int(posting.grant)]
            guard let period = grant.period, let deadline = grant.spendDeadline else { continue }
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
        // One running total per grant line, in flat arrays indexed by grant then line.
        var offsets: [Int] = []
        var lineCount = 0
        for grant in ledger.grants {
            offsets.append(lineCount)
            lineCount += grant.lines.count
        }
        var totals = [Int64](repeating: 0, count: lineCount)
        let isExpense = ledger.accounts.map { $0.kind == .expenses }
        for posting in ledger.postings where posting.grantLine >= 0 && posting.grant >= 0 && isExpense[Int(posting.account)] {
            let slot = offsets[Int(posting.grant)] + Int(posting.grantLine)
            let (sum, overflow) = totals[slot].addingReportingOverflow(posting.amount.pence)
            totals[slot] = overflow ? .max : sum
        }
        var problems: [Diagnostic] = []
        for (grantIndex, grant) in ledger.grants.enumerated() {
            for (lineIndex, line) in grant.lines.enumerated() {
                let total = Money(pence: totals[offsets[grantIndex] + lineIndex])
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
