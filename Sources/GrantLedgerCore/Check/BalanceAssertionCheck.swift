/// `= £1,000.00` after a posting: the account's own balance (not its sub-accounts') at that point,
/// counting postings in date order, ties in file order, as hledger does.
public enum BalanceAssertionCheck {
    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        guard ledger.postings.contains(where: { $0.assertion != nil }) else { return [] }
        var balances = [Int64](repeating: 0, count: ledger.accounts.count)
        var problems: [Diagnostic] = []
        for transactionIndex in ledger.transactionsByDate() {
            let transaction = ledger.transactions[transactionIndex]
            for posting in ledger.postings(of: transaction) {
                let account = Int(posting.account)
                let (sum, overflow) = balances[account].addingReportingOverflow(posting.amount.pence)
                balances[account] = overflow ? .max : sum
                guard let asserted = posting.assertion else { continue }
                let actual = Money(pence: balances[account])
                if actual != asserted {
                    let difference = (try? actual.subtracting(asserted)) ?? .zero
                    problems.append(Diagnostic(
                        .balanceAssertionFailed,
                        "\(ledger.accounts[account].name) is \(actual) after this posting, not the asserted \(asserted) (difference \(difference))",
                        hint: "a posting is missing, duplicated or mistyped on or before \(transaction.date); postings are counted in date order",
                        at: ledger.location(of: posting), length: ledger.accounts[account].name.utf8.count))
                }
            }
        }
        return problems
    }
}
