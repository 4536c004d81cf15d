/// The texts of transactions and postings, read through the ledger: they are kept in one
/// `TextStore` beside the postings (`Ledger.texts`), not in each (see `TextStore` for why).
extension Ledger {
    /// The transaction's description as written (payee, then `| note` if any).
    public func description(of transaction: Transaction) -> String { texts.string(transaction.descriptionText) ?? "" }

    /// The transaction's code, written in brackets after its status, if any.
    public func code(of transaction: Transaction) -> String? { texts.string(transaction.codeText) }

    /// Who was paid: the description up to a `|` (blanks before it trimmed), or all of it.
    public func payee(of transaction: Transaction) -> String {
        texts.withBytes(transaction.descriptionText) { String(decoding: Self.payeeBytes($0), as: UTF8.self) }
    }

    /// What for: the description after a `|` (blanks after it trimmed), or nil when it has none.
    public func note(of transaction: Transaction) -> String? {
        texts.withBytes(transaction.descriptionText) { bytes in
            guard var start = bytes.firstIndex(of: ASCII.pipe) else { return nil }
            start += 1
            while start < bytes.count && bytes[start] == ASCII.space { start += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
        }
    }

    /// The payee's bytes within a description's: up to a `|`, blanks before it trimmed.
    static func payeeBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard var end = bytes.firstIndex(of: ASCII.pipe) else { return bytes }
        while end > 0 && bytes[end - 1] == ASCII.space { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[..<end])
    }

    /// The posting's `ref:` tag (its own, else its transaction's), if any.
    public func reference(of posting: Posting) -> String? { texts.string(posting.referenceText) }

    /// The posting's `supplier:` tag (its own, else its transaction's), if any.
    public func supplier(of posting: Posting) -> String? { texts.string(posting.supplierText) }

    /// Where the transaction starts: its file, the line of its date, column 1.
    public func location(of transaction: Transaction) -> SourceLocation {
        SourceLocation(file: locationFiles[Int(transaction.file)], line: Int(transaction.line), column: 1)
    }
}
