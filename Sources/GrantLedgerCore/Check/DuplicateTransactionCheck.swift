/// The same invoice booked twice: two transactions on the same date with the same amounts, supplier
/// and reference. Transactions with neither a supplier nor a reference have nothing to compare by
/// and are left alone.
public enum DuplicateTransactionCheck {
    struct Key: Hashable {
        let date: Day
        let supplier: String?
        let reference: String?
        let amounts: [Int64]
    }

    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        var seen: [Key: Int] = [:]
        var problems: [Diagnostic] = []
        for (index, transaction) in ledger.transactions.enumerated() {
            let postings = ledger.postings(of: transaction)
            let supplier = postings.lazy.compactMap(\.supplier).first
            let reference = postings.lazy.compactMap(\.reference).first
            guard supplier != nil || reference != nil else { continue }
            let key = Key(date: transaction.date, supplier: supplier, reference: reference,
                          amounts: postings.map(\.amount.pence).sorted())
            guard let first = seen[key] else {
                seen[key] = index
                continue
            }
            let original = ledger.transactions[first].location
            let debits = postings.map(\.amount).filter { !$0.isNegative && !$0.isZero }
            let amount = (try? Money.sum(debits)).map(\.description) ?? "amounts too large to total"
            let what = [reference.map { "reference \($0)" }, supplier.map { "supplier \($0)" }].compactMap { $0 }.joined(separator: ", ")
            problems.append(Diagnostic(
                .duplicateTransaction,
                "this transaction repeats the one at \(original.file):\(original.line): \(transaction.date), \(amount), \(what)",
                hint: "delete one of them, or give each its own reference if both are real",
                at: transaction.location, length: 10))
        }
        return problems
    }
}
