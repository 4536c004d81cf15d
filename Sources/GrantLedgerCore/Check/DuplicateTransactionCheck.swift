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
        let supplier = postings.lazy.compactMap { ledger.supplier(of: $0) }.first
        let reference = postings.lazy.compactMap { ledger.reference(of: $0) }.first
        guard supplier != nil || reference != nil else { return nil }
        return Key(date: transaction.date, supplier: supplier, reference: reference,
                   amounts: postings.map(\.amount.pence).sorted())
    }

    /// A hash of what `key` holds, made without building it (no strings, no sorted array): the
    /// texts' bytes where they are kept, and the amounts summed through two mixes, so their order
    /// does not matter. Equal keys have equal hashes; two transactions with equal hashes are
    /// compared by their keys.
    static func keyHash(_ ledger: Ledger, _ transaction: Transaction) -> UInt64? {
        var supplier = TextStore.none, reference = TextStore.none
        var sum: UInt64 = 0, mixedSum: UInt64 = 0
        ledger.postings.withUnsafeBufferPointer { postings in
            for p in transaction.postingRange {
                if supplier < 0 { supplier = postings[Int(p)].supplierText }
                if reference < 0 { reference = postings[Int(p)].referenceText }
                let pence = UInt64(bitPattern: postings[Int(p)].amount.pence)
                sum &+= pence &* 0x9E37_79B9_7F4A_7C15
                mixedSum &+= (pence ^ (pence >> 29)) &* 0xBF58_476D_1CE4_E5B9
            }
        }
        guard supplier >= 0 || reference >= 0 else { return nil }
        var hash = UInt64(bitPattern: Int64(transaction.date.daysSinceEpoch)) &* 0x94D0_49BB_1331_11EB
        hash ^= sum ^ (mixedSum >> 1) ^ UInt64(transaction.postingRange.count)
        hash = (hash &* 0x100_0000_01b3) ^ ledger.texts.withBytes(supplier, ByteInterner.hash)
        hash = (hash &* 0x100_0000_01b3) ^ (ledger.texts.withBytes(reference, ByteInterner.hash) &* 3)
        return hash
    }

    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        // The first transaction with each hash; keys whose hash another key has too, exactly.
        var firstByHash: [UInt64: Int32] = [:]
        var firstByKey: [Key: Int] = [:]
        var problems: [Diagnostic] = []
        for (index, transaction) in ledger.transactions.enumerated() {
            guard let hash = keyHash(ledger, transaction) else { continue }
            guard let candidate = firstByHash[hash] else {
                firstByHash[hash] = Int32(index)
                continue
            }
            guard let key = key(ledger, transaction) else { continue }
            let first: Int
            if key == self.key(ledger, ledger.transactions[Int(candidate)]) {
                first = Int(candidate)
            } else if let earlier = firstByKey[key] {
                first = earlier
            } else {
                firstByKey[key] = index
                continue
            }
            problems.append(finding(ledger, transaction, key: key, repeating: ledger.transactions[first]))
        }
        return problems
    }

    static func finding(_ ledger: Ledger, _ transaction: Transaction, key: Key, repeating first: Transaction) -> Diagnostic {
        let postings = ledger.postings(of: transaction)
        let original = ledger.location(of: first)
        let debits = postings.map(\.amount).filter { !$0.isNegative && !$0.isZero }
        let amount = (try? Money.sum(debits)).map(\.description) ?? "amounts too large to total"
        let what = [key.reference.map { "reference \($0)" }, key.supplier.map { "supplier \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return Diagnostic(
            .duplicateTransaction,
            "this transaction repeats the one at \(original.file):\(original.line): \(transaction.date), \(amount), \(what)",
            hint: "delete one of them, or give each its own reference if both are real",
            at: ledger.location(of: transaction), length: 10)
    }
}
