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
                window.move(to: day)
                var payeeHash: UInt64?
                // A transaction's postings mostly share its reference: its bytes are hashed once.
                var lastReference: (text: Int32, hash: UInt64)?
                reportedAgainst.removeAll(keepingCapacity: true)
                // Fields are read in place: a copy of each posting would retain its strings.
                for p in transaction.postingRange {
                    let reference = postings[Int(p)].referenceText
                    guard reference >= 0 else { continue }
                    let payee = payeeHash ?? Self.payeeHash(ledger, transaction)
                    payeeHash = payee
                    let referenceHash = lastReference.flatMap { $0.text == reference ? $0.hash : nil }
                        ?? ledger.texts.withBytes(reference, ByteInterner.hash)
                    lastReference = (reference, referenceHash)
                    let account = postings[Int(p)].account, amount = postings[Int(p)].amount
                    let hash = PaymentWindow.mix(payee, referenceHash, account, amount.pence)
                    let earlier = window.latest(hash, day: day) { other in
                        postings[Int(other)].account == account && postings[Int(other)].amount == amount
                            && ledger.texts.same(postings[Int(other)].referenceText, reference)
                            && Self.samePayee(ledger, ledger.transactions[Int(postings[Int(other)].transaction)], transaction)
                    }
                    guard let earlier else {
                        window.hold(p, hash: hash, day: day, in: nil)
                        continue
                    }
                    let other = postings[Int(earlier.posting)].transaction
                    // Two equal lines of one transaction are not a repeat.
                    if other == Int32(index) { continue }
                    window.hold(p, hash: hash, day: day, in: earlier.slot)
                    if reportedAgainst.contains(other) { continue }
                    reportedAgainst.append(other)
                    let first = ledger.transactions[Int(other)]
                    if besideExactCopies, first.date == transaction.date,
                       let key = DuplicateTransactionCheck.key(ledger, transaction), key == DuplicateTransactionCheck.key(ledger, first) {
                        continue
                    }
                    problems.append(finding(ledger, postings[Int(p)], in: transaction, reference: ledger.texts.string(reference) ?? "", earlier: first))
                }
            }
        }
        return problems
    }

    static func finding(_ ledger: Ledger, _ posting: Posting, in transaction: Transaction, reference: String,
                        earlier: Transaction) -> Diagnostic {
        let earlierPlace = ledger.location(of: earlier)
        let place = "\(earlierPlace.file):\(earlierPlace.line)"
        return Diagnostic(
            .nearDuplicatePayment,
            NearDuplicatePayment.message(amount: posting.amount, payee: ledger.payee(of: transaction), reference: reference,
                                         earlier: place, on: earlier.date,
                                         daysLater: Int(transaction.date.daysSinceEpoch - earlier.date.daysSinceEpoch)),
            hint: NearDuplicatePayment.hint, at: ledger.location(of: posting), length: ledger.account(of: posting).name.utf8.count)
    }

    static func payeeHash(_ ledger: Ledger, _ transaction: Transaction) -> UInt64 {
        ledger.texts.withBytes(transaction.descriptionText) { ByteInterner.hash(Ledger.payeeBytes($0)) }
    }

    static func samePayee(_ ledger: Ledger, _ a: Transaction, _ b: Transaction) -> Bool {
        ledger.texts.withBytes(a.descriptionText) { first in
            ledger.texts.withBytes(b.descriptionText) { second in Ledger.payeeBytes(first).elementsEqual(Ledger.payeeBytes(second)) }
        }
    }
}

/// The postings of the last `windowDays` days, each findable by its key's hash, for each key its
/// latest posting. Days are cut into spans of `windowDays + 1`; a table holds the current span's
/// postings and another the span's before, so every posting at most `windowDays` earlier is in one
/// of the two, and moving to the next span empties the older table whole: no posting is ever taken
/// out one at a time, and memory follows the busiest fortnight.
struct PaymentWindow {
    private var current = Table()
    private var previous = Table()
    /// The span `current` holds; nil before the first move.
    private var span: Int32?

    /// The span of `day`: `day / (windowDays + 1)` rounded down, for days before 1970 too (where
    /// Swift's division rounds towards zero).
    static func span(of day: Int32) -> Int32 {
        let length = Int32(NearDuplicatePayment.windowDays + 1)
        let quotient = day / length
        return day % length < 0 ? quotient - 1 : quotient
    }

    /// Takes the window to `day`, which is never before the last day it was taken to.
    mutating func move(to day: Int32) {
        let next = Self.span(of: day)
        guard next != span else { return }
        if let span, next == span + 1 {
            swap(&current, &previous)
            current.removeAll()
        } else {
            current.removeAll()
            previous.removeAll()
        }
        span = next
    }

    /// The latest posting held whose key has `hash`, for which `same` holds, dated at most
    /// `windowDays` before `day`; with its slot when it is in the current span's table.
    func latest(_ hash: UInt64, day: Int32, same: (Int32) -> Bool) -> (posting: Int32, slot: Int?)? {
        if let slot = current.slot(hash, same) { return (current.entries[slot].posting, slot) }
        if let slot = previous.slot(hash, same), day - previous.entries[slot].day <= Int32(NearDuplicatePayment.windowDays) {
            return (previous.entries[slot].posting, nil)
        }
        return nil
    }

    /// Holds `posting` as its key's latest: in `slot` of the current span's table, where its key's
    /// earlier posting was found, or added to it.
    mutating func hold(_ posting: Int32, hash: UInt64, day: Int32, in slot: Int?) {
        if let slot {
            current.set(slot, posting: posting, day: day)
        } else {
            current.add(posting, hash: hash, day: day)
        }
    }

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

    /// Open addressing, linear probing: per slot a posting (-1: empty), its key's hash and its day,
    /// side by side so a probe reads one place.
    struct Table {
        struct Entry {
            var posting: Int32
            var day: Int32
            var hash: UInt64
        }

        private(set) var entries = [Entry](repeating: Entry(posting: -1, day: 0, hash: 0), count: 64)
        private var count = 0

        func slot(_ hash: UInt64, _ same: (Int32) -> Bool) -> Int? {
            entries.withUnsafeBufferPointer { table in
                let mask = table.count - 1
                var slot = Int(truncatingIfNeeded: hash) & mask
                while table[slot].posting >= 0 {
                    if table[slot].hash == hash && same(table[slot].posting) { return slot }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }

        mutating func set(_ slot: Int, posting: Int32, day: Int32) {
            entries[slot].posting = posting
            entries[slot].day = day
        }

        mutating func add(_ posting: Int32, hash: UInt64, day: Int32) {
            if (count + 1) * 2 > entries.count { grow() }
            entries.withUnsafeMutableBufferPointer { table in
                let mask = table.count - 1
                var slot = Int(truncatingIfNeeded: hash) & mask
                while table[slot].posting >= 0 { slot = (slot + 1) & mask }
                table[slot] = Entry(posting: posting, day: day, hash: hash)
            }
            count += 1
        }

        /// Empties the table, keeping its size for the next span.
        mutating func removeAll() {
            guard count > 0 else { return }
            entries.withUnsafeMutableBufferPointer { table in
                for index in table.indices { table[index].posting = -1 }
            }
            count = 0
        }

        private mutating func grow() {
            let held = entries.filter { $0.posting >= 0 }
            entries = [Entry](repeating: Entry(posting: -1, day: 0, hash: 0), count: entries.count * 2)
            count = 0
            for entry in held { add(entry.posting, hash: entry.hash, day: entry.day) }
        }
    }
}
