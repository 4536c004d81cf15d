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
        // By index, reading fields in place: `for posting in` would copy every posting, strings and all.
        for index in ledger.postings.indices where ledger.postings[index].grant >= 0
            && isExpense[Int(ledger.postings[index].account)] {
            guard let window = windows[Int(ledger.postings[index].grant)] else { continue }
            let date = ledger.transactions[Int(ledger.postings[index].transaction)].date
            if window.start <= date && date <= window.end { continue }
            let posting = ledger.postings[index]
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
        // In 128 bits (`MoneyTotal`), so the total in the message is exact however large the amounts.
        var totals = [MoneyTotal](repeating: MoneyTotal(), count: lineCount)
        let isExpense = ledger.accounts.map { $0.kind == .expenses }
        // By index, reading fields in place: `for posting in` would copy every posting, strings and all.
        for index in ledger.postings.indices {
            let grant = ledger.postings[index].grant, line = ledger.postings[index].grantLine
            guard line >= 0 && grant >= 0 && isExpense[Int(ledger.postings[index].account)] else { continue }
            let slot = offsets[Int(grant)] + Int(line)
            totals[slot].add(ledger.postings[index].amount)
        }
        var problems: [Diagnostic] = []
        for (grantIndex, grant) in ledger.grants.enumerated() {
            for (lineIndex, line) in grant.lines.enumerated() {
                let total = totals[offsets[grantIndex] + lineIndex], over = total - MoneyTotal(line.budget)
                if over.pence > 0 {
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
