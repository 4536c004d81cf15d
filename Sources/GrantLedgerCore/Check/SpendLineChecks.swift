/// Spend on a grant that has budget lines but names none of them: counted in the grant's spend
/// and in no line's, so budget monitoring, the claim by line and the overspend check all miss it,
/// and the lines no longer add up to what the grant has spent.
///
/// Spend is what the budget reports share out among lines (`Ledger.isSpend`): a posting to an
/// expenses account tagged with the grant, either side (a refund credited back to an expense is
/// spend taken off, and off some line), capital and revenue alike (the class is another question,
/// `SpendClassChecks`). Not spend, so never asked for a line: the award's income, the bank's side
/// of a payment (neither is an expense), match funding (it carries `match:`, never `grant:`), and
/// any spend of a grant declared without lines, which has none to name.
public enum SpendLineChecks {
    /// One finding per such posting, at its amount (at its account when the amount is inferred),
    /// where the missing `line:` would be written after.
    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        let hasLines = ledger.grants.map { !$0.lines.isEmpty }
        guard hasLines.contains(true) else { return [] }
        let isExpense = ledger.accounts.map { $0.kind == .expenses }
        // Worded once per grant, when the first of its postings needs it.
        var hints: [String?] = Array(repeating: nil, count: ledger.grants.count)
        var problems: [Diagnostic] = []
        // By index, reading fields in place: `for posting in` would copy every posting, strings and all.
        for index in ledger.postings.indices {
            let grant = Int(ledger.postings[index].grant)
            guard grant >= 0, ledger.postings[index].grantLine < 0, hasLines[grant],
                  isExpense[Int(ledger.postings[index].account)] else { continue }
            let posting = ledger.postings[index], declared = ledger.grants[grant]
            let hint = hints[grant] ?? lineHint(declared)
            hints[grant] = hint
            let place = ledger.amountPlace(of: posting)
            problems.append(Diagnostic(
                .spendWithoutLine, "spend of \(posting.amount) on grant \(declared.id) is on none of its lines",
                hint: hint, at: place.location, length: place.length))
        }
        return problems
    }

    /// `add line:ID, one of: a, b, c`, or for a grant of many lines the report that lists them.
    static func lineHint(_ grant: Grant) -> String {
        let ids = grant.lines.map(\.id)
        guard ids.count <= SuggestedName.mostListed else {
            return "add line:ID naming one of its \(ids.count) lines (grantledger report lines --grant \(grant.id) lists them)"
        }
        return "add line:ID, one of: " + ids.joined(separator: ", ")
    }
}
