/// The same invoice booked twice: two transactions on the same date with the same amounts, supplier
/// and reference. Transactions with neither a supplier nor a reference have nothing to compare by
/// and are left alone.
///
/// A pair this reports is not also a `near-duplicate-payment` in the audit (see
/// `NearDuplicatePaymentCheck.besideExactCopies`): the whole transaction repeated on its day is the
/// stronger finding.
public enum DuplicateTransactionCheck {
    struct Key: Hashable {
        let date: Day
        let supplier: String?
        let reference: String?
        let amounts: [Int64]
    }

    /// What two transactions must share to be the same invoice booked twice; nil when there is
    /// nothing to compare by.
    static func key(_ ledger: Ledger, _ transaction: Transaction) -> Key? {
        let postings = ledger.postings(of: transaction)
        let supplier = postings.lazy.compactMap(\.supplier).first
        let reference = postings.lazy.compactMap(\.reference).first
        guard supplier != nil || reference != nil else { return nil }
        return Key(date: transaction.date, supplier: supplier, reference: reference,
                   amounts: postings.map(\.amount.pence).sorted())
    }

    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        var seen: [Key: Int] = [:]
        var problems: [Diagnostic] = []
        for (index, transaction) in ledger.transactions.enumerated() {
            guard let key = key(ledger, transaction) else { continue }
            guard let first = seen[key] else {
                seen[key] = index
                continue
            }
            let postings = ledger.postings(of: transaction)
            let original = ledger.transactions[first].location
            let debits = postings.map(\.amount).filter { !$0.isNegative && !$0.isZero }
            let amount = (try? Money.sum(debits)).map(\.description) ?? "amounts too large to total"
            let what = [key.reference.map { "reference \($0)" }, key.supplier.map { "supplier \($0)" }].compactMap { $0 }.joined(separator: ", ")
            problems.append(Diagnostic(
                .duplicateTransaction,
                "this transaction repeats the one at \(original.file):\(original.line): \(transaction.date), \(amount), \(what)",
                hint: "delete one of them, or give each its own reference if both are real",
                at: transaction.location, length: 10))
        }
        return problems
    }
}
