/// `= £1,000.00` after a posting: the account's own balance (not its sub-accounts') at that point,
/// counting postings in date order, ties in file order, as hledger does.
public enum BalanceAssertionCheck {
    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        guard !ledger.assertions.isEmpty else { return [] }
        var balances = [MoneyTotal](repeating: MoneyTotal(), count: ledger.accounts.count)
        var problems: [Diagnostic] = []
        for transactionIndex in ledger.transactionsByDate() {
            let transaction = ledger.transactions[transactionIndex]
            for index in transaction.postingRange {
                let posting = ledger.postings[Int(index)]
                let account = Int(posting.account)
                balances[account].add(posting.amount)
                guard posting.hasAssertion, let asserted = ledger.assertions[index] else { continue }
                let actual = balances[account]
                if actual != MoneyTotal(asserted) {
                    let difference = actual - MoneyTotal(asserted)
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
