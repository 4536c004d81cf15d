/// The texts of transactions and postings, read through the ledger: the one way to them, so that
/// where they are kept (beside the postings, not in each) can change without every reader changing.
extension Ledger {
    /// The transaction's description as written (payee, then `| note` if any).
    public func description(of transaction: Transaction) -> String { transaction.description }

    /// The posting's `ref:` tag (its own, else its transaction's), if any.
    public func reference(of posting: Posting) -> String? { posting.reference }

    /// The posting's `supplier:` tag (its own, else its transaction's), if any.
    public func supplier(of posting: Posting) -> String? { posting.supplier }

    /// Where the transaction starts: its file, the line of its date, column 1.
    public func location(of transaction: Transaction) -> SourceLocation { transaction.location }
}
