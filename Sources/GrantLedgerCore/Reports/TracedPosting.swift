/// One posting behind a figure, as an auditor finds it again: its date, reference and payee, what it
/// was for, the amount, and the file and line it is written on.
public struct TracedPosting: Hashable, Sendable {
    public let date: Day
    public let reference: String?
    public let payee: String
    public let description: String
    public let lineID: String?
    public let spendClass: SpendClass?
    public let amount: Money
    public let location: SourceLocation

    init(_ posting: Posting, in ledger: Ledger) {
        let transaction = ledger.transactions[Int(posting.transaction)]
        date = transaction.date
        reference = ledger.reference(of: posting)
        payee = ledger.supplier(of: posting) ?? ledger.payee(of: transaction)
        description = ledger.description(of: transaction)
        lineID = posting.grant >= 0 && posting.grantLine >= 0 ? ledger.grants[Int(posting.grant)].lines[Int(posting.grantLine)].id : nil
        spendClass = posting.spendClass
        amount = posting.amount
        location = ledger.location(of: posting)
    }

    /// `ledgers/nottinghamshire/safer-streets.ledger:458`
    public var place: String { "\(location.file):\(location.line)" }
}
