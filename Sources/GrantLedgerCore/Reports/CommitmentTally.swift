/// What each commitment still holds on a day: its amount less the spend that released it (spend on
/// its grant carrying its reference, dated by then), nothing once it is closed, and nothing before
/// it was raised. Summed per grant and line for the budget report.
struct CommitmentTally {
    /// Per grant, per line; and per grant, the commitments on no line (or a line it does not have).
    var byLine: [[Money]]
    var unlined: [Money]
    /// Per initiative with a budget: the commitments that name it, held as its spend is
    /// (`InitiativeBudgetTally`) to its grant, dated within its budget period, and on `grant` when
    /// one is asked for.
    var byInitiative: [Money]

    init(_ ledger: Ledger, through day: Day, grant asked: Int32? = nil) throws(ReportError) {
        byLine = ledger.grants.map { Array(repeating: .zero, count: $0.lines.count) }
        unlined = Array(repeating: .zero, count: ledger.grants.count)
        byInitiative = Array(repeating: .zero, count: ledger.initiatives.count)
        guard !ledger.commitments.isEmpty else { return }
        let invoiced = try Self.invoiced(ledger, through: day)
        for commitment in ledger.commitments {
            guard let grantID = commitment.grantID, let grant = ledger.grantIndex[grantID], let amount = commitment.amount,
                  let date = commitment.date, date <= day else { continue }
            if let closed = commitment.closed, closed <= day { continue }
            // Invoices dated from the order to the day release it; one before the order is for something else.
            var released = Money.zero
            for (invoiceDate, amount) in invoiced[InvoiceKey(grant: grant, reference: commitment.releasingReference)] ?? []
            where invoiceDate >= date {
                released = try released.plus(amount, "invoiced")
            }
            guard released < amount else { continue }
            let outstanding = try amount.minus(released, "committed")
            if let lineID = commitment.lineID, let line = ledger.grants[grant].lineIndex(lineID) {
                byLine[grant][line] = try byLine[grant][line].plus(outstanding, "committed")
            } else {
                unlined[grant] = try unlined[grant].plus(outstanding, "committed")
            }
            if let index = commitment.initiativeID.flatMap({ ledger.initiativeIndex[$0] }) {
                let initiative = ledger.initiatives[index]
                let ownGrant = initiative.grantID.flatMap { ledger.grantIndex[$0] }
                if ownGrant.map({ $0 == grant }) ?? true, asked.map({ Int($0) == grant }) ?? true,
                   initiative.budgetPeriod(in: ledger)?.contains(date) ?? true {
                    byInitiative[index] = try byInitiative[index].plus(outstanding, "committed")
                }
            }
        }
    }

    struct InvoiceKey: Hashable {
        let grant: Int
        let reference: String
    }

    /// Spend by grant and reference, dated on or before `day`, with its dates: what may have
    /// released commitments (a reference names one commitment per grant: `CommitmentChecks`).
    static func invoiced(_ ledger: Ledger, through day: Day) throws(ReportError) -> [InvoiceKey: [(Day, Money)]] {
        var invoices: [InvoiceKey: [(Day, Money)]] = [:]
        guard !ledger.commitments.isEmpty else { return invoices }
        // The commitments' references, looked up by the postings' bytes where they are kept: no
        // String is made for a posting whose reference releases nothing (nearly all of them).
        var references = ByteInterner()
        var names: [String] = []
        for commitment in ledger.commitments where Int(references.intern(commitment.releasingReference)) == names.count {
            names.append(commitment.releasingReference)
        }
        // A transaction's postings mostly share one reference: its answer is kept for the next.
        var lastText = TextStore.none, lastName: Int32?
        for posting in ledger.postings where posting.referenceText >= 0 && ledger.isSpend(posting) {
            if posting.referenceText != lastText {
                lastText = posting.referenceText
                lastName = ledger.texts.withBytes(lastText) { references.id(of: $0) }
            }
            guard let name = lastName else { continue }
            let date = ledger.transactions[Int(posting.transaction)].date
            guard date <= day else { continue }
            invoices[InvoiceKey(grant: Int(posting.grant), reference: names[Int(name)]), default: []].append((date, posting.amount))
        }
        return invoices
    }
}
