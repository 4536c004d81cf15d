/// `near-duplicate-payment`: a posting repeated in another transaction within
/// `NearDuplicatePayment.windowDays` days: the same payee (the transaction's `payee`, compared byte
/// for byte), the same `ref:`, the same account and the same amount. A finding, said once for each
/// pair of transactions at the later one's first repeated posting (its bank side repeats too).
///
/// Not a repeat: two equal lines of one transaction, a posting without a reference (nothing says it
/// is the same invoice), an invoice and its credit note (opposite signs), one payment split under
/// different references.
///
/// Runs on every `check`, so it must stay linear on a million transactions: transactions are taken
/// in date order, and only the postings of the last `windowDays` days are held, in a hash table keyed
/// by the posting's account, pence and a hash of its payee's and reference's bytes (`PaymentWindow`),
/// so memory follows the busiest fortnight, not the books, and no string is made per posting.
public enum NearDuplicatePaymentCheck {
    /// What `check` runs: every pair, a copy on the same day included (`check` does not run
    /// `DuplicateTransactionCheck`).
    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] { findings(ledger, besideExactCopies: false) }

    /// What `audit` runs beside `DuplicateTransactionCheck`: a pair that check reports (the whole
    /// transaction again on its day) is left to it, so each pair is one finding, the stronger.
    @Sendable public static func besideExactCopies(_ ledger: Ledger) -> [Diagnostic] { findings(ledger, besideExactCopies: true) }

    static func findings(_ ledger: Ledger, besideExactCopies: Bool) -> [Diagnostic] {
        var window = PaymentWindow()
        var problems: [Diagnostic] = []
        // The earlier transactions the one being read was already reported against.
        var reportedAgainst: [Int32] = []
        ledger.postings.withUnsafeBufferPointer { postings in
            for index in ledger.transactionsByDate() {
                let transaction = ledger.transactions[index]
                let day = transaction.date.daysSinceEpoch
                window.forget(before: day - Int32(NearDuplicatePayment.windowDays))
                var payeeHash: UInt64?
                reportedAgainst.removeAll(keepingCapacity: true)
                // Fields are read in place: a copy of each posting would retain its strings.
                for p in transaction.postingRange {
                    guard let reference = postings[Int(p)].reference else { continue }
                    let payee = payeeHash ?? Self.payeeHash(transaction)
                    payeeHash = payee
                    let account = postings[Int(p)].account, amount = postings[Int(p)].amount
                    let hash = PaymentWindow.mix(payee, Self.bytesHash(reference), account, amount.pence)
                    let earlier = window.latest(hash) { other in
                        postings[Int(other)].account == account && postings[Int(other)].amount == amount
                            && postings[Int(other)].reference == reference
                            && Self.samePayee(ledger.transactions[Int(postings[Int(other)].transaction)], transaction)
                    }
                    guard let earlier else {
                        window.add(p, hash: hash, day: day)
                        continue
                    }
                    let other = postings[Int(earlier)].transaction
                    // Two equal lines of one transaction are not a repeat.
                    if other == Int32(index) { continue }
                    window.replace(earlier, with: p, hash: hash, day: day)
                    if reportedAgainst.contains(other) { continue }
                    reportedAgainst.append(other)
                    let first = ledger.transactions[Int(other)]
                    if besideExactCopies, first.date == transaction.date,
                       let key = DuplicateTransactionCheck.key(ledger, transaction), key == DuplicateTransactionCheck.key(ledger, first) {
                        continue
                    }
                    problems.append(finding(ledger, postings[Int(p)], in: transaction, reference: reference, earlier: first))
                }
            }
        }
        return problems
    }

    static func finding(_ ledger: Ledger, _ posting: Posting, in transaction: Transaction, reference: String,
                        earlier: Transaction) -> Diagnostic {
        let place = "\(earlier.location.file):\(earlier.location.line)"
        return Diagnostic(
            .nearDuplicatePayment,
            NearDuplicatePayment.message(amount: posting.amount, payee: String(transaction.payee), reference: reference,
                                         earlier: place, on: earlier.date,
                                         daysLater: Int(transaction.date.daysSinceEpoch - earlier.date.daysSinceEpoch)),
            hint: NearDuplicatePayment.hint, at: ledger.location(of: posting), length: ledger.account(of: posting).name.utf8.count)
    }

    /// The bytes of a transaction's payee: its description up to a `|`, less the blanks before it
    /// (as `Transaction.payee`, without walking characters).
    static func withPayeeBytes<R>(_ transaction: Transaction, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var description = transaction.description
        return description.withUTF8 { bytes in
            var end = bytes.firstIndex(of: ASCII.pipe) ?? bytes.count
            if end < bytes.count { while end > 0 && bytes[end - 1] == ASCII.space { end -= 1 } }
            return body(UnsafeBufferPointer(rebasing: bytes[..<end]))
        }
    }

    static func payeeHash(_ transaction: Transaction) -> UInt64 { withPayeeBytes(transaction, hash) }

    static func samePayee(_ a: Transaction, _ b: Transaction) -> Bool {
        withPayeeBytes(a) { first in withPayeeBytes(b) { second in first.elementsEqual(second) } }
    }

    static func bytesHash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8(hash)
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let (head, tail) = ByteInterner.words(bytes)
        return ByteInterner.hash(bytes, head, tail)
    }
}

/// The postings of the last few days, each findable by its key's hash: an open-addressing table
/// (linear probing, backward-shift deletion) holding, for each key, its latest posting, beside the
/// postings in the order they came, which is date order, so the oldest are forgotten from the front.
struct PaymentWindow {
    private var slots = [Int32](repeating: -1, count: 64)
    private var slotHashes = [UInt64](repeating: 0, count: 64)
    private var count = 0
    private var queue: [(posting: Int32, hash: UInt64, day: Int32)] = []
    private var head = 0

    /// A key's hash from its parts' (the two byte hashes, the account id, the pence).
    @inline(__always)
    static func mix(_ payee: UInt64, _ reference: UInt64, _ account: Int32, _ pence: Int64) -> UInt64 {
        var hash = payee &* 0x9E37_79B9_7F4A_7C15
        hash ^= (reference << 29 | reference >> 35) &* 0xC2B2_AE3D_27D4_EB4F
        hash ^= UInt64(UInt32(bitPattern: account)) &* 0x1656_67B1_9E37_79F9
        hash ^= UInt64(bitPattern: pence) &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 32
        return hash
    }

    /// The latest posting held whose key has `hash` and for which `same` holds.
    func latest(_ hash: UInt64, same: (Int32) -> Bool) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            if slotHashes[slot] == hash && same(slots[slot]) { return slots[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    mutating func add(_ posting: Int32, hash: UInt64, day: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = posting
        slotHashes[slot] = hash
        count += 1
        queue.append((posting, hash, day))
    }

    /// Holds `posting` for its key in place of `earlier`.
    mutating func replace(_ earlier: Int32, with posting: Int32, hash: UInt64, day: Int32) {
        guard let slot = slot(of: earlier, hash: hash) else { return }
        slots[slot] = posting
        queue.append((posting, hash, day))
    }

    /// Forgets the postings dated before `day`.
    mutating func forget(before day: Int32) {
        while head < queue.count && queue[head].day < day {
            if let slot = slot(of: queue[head].posting, hash: queue[head].hash) { remove(slot) }
            head += 1
        }
        if head > 1024 && head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
    }

    private func slot(of posting: Int32, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            if slots[slot] == posting { return slot }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Empties `slot`, moving back the entries after it that probing would no longer reach.
    private mutating func remove(_ slot: Int) {
        let mask = slots.count - 1
        var hole = slot, next = slot
        while true {
            next = (next + 1) & mask
            if slots[next] < 0 { break }
            let home = Int(truncatingIfNeeded: slotHashes[next]) & mask
            // The entry stays when its home lies cyclically in (hole, next].
            let stays = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next)
            if stays { continue }
            slots[hole] = slots[next]
            slotHashes[hole] = slotHashes[next]
            hole = next
        }
        slots[hole] = -1
        count -= 1
    }

    private mutating func grow() {
        let old = zip(slots, slotHashes).filter { $0.0 >= 0 }
        slots = [Int32](repeating: -1, count: slots.count * 2)
        slotHashes = [UInt64](repeating: 0, count: slots.count)
        let mask = slots.count - 1
        for (posting, hash) in old {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = posting
            slotHashes[slot] = hash
        }
    }
}
