/// The one-paragraph summary `check` prints when the books read cleanly.
public struct LedgerSummary: Sendable {
    public let files: Int
    public let transactions: Int
    public let postings: Int
    public let grants: Int
    public let awarded: Money
    public let bids: Int
    public let areas: Int
    public let initiatives: Int
    public let accounts: Int

    public init(_ ledger: Ledger) {
        files = ledger.files.count
        transactions = ledger.transactions.count
        postings = ledger.postings.count
        grants = ledger.grants.count
        awarded = (try? Money.sum(ledger.grants.compactMap(\.award))) ?? .zero
        bids = ledger.bids.count
        areas = ledger.areas.count
        initiatives = ledger.initiatives.count
        accounts = ledger.accounts.count
    }

    public var text: String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        return "\(count(files, "file")), \(count(transactions, "transaction")), \(count(postings, "posting")); "
            + "\(count(grants, "grant")) (\(awarded) awarded), \(count(bids, "bid")), \(count(areas, "area")), "
            + "\(count(initiatives, "initiative")), \(count(accounts, "account"))"
    }
}
