/// Everything read from a set of ledger files: declarations, and transactions in file order.
///
/// Postings refer to declarations by index (`-1` when a tag is absent), so reports and checks group
/// by integers; `Transaction.postingRange` indexes the one flat `postings` array.
public struct Ledger: Sendable {
    public internal(set) var files: [String] = []
    public internal(set) var funders: [Funder] = []
    public internal(set) var areas: [Area] = []
    public internal(set) var initiatives: [Initiative] = []
    public internal(set) var grants: [Grant] = []
    public internal(set) var bids: [Bid] = []
    /// Claims to funders, in the order declared (`GrantClaim`).
    public internal(set) var claims: [GrantClaim] = []
    /// Allocations the board agreed, in the order declared (`AgreedAllocation`).
    public internal(set) var allocations: [AgreedAllocation] = []
    public internal(set) var commitments: [Commitment] = []
    public internal(set) var shapes: [ProfileShape] = []
    public internal(set) var accounts: [Account] = []
    public internal(set) var transactions: [Transaction] = []
    public internal(set) var postings: [Posting] = []
    /// The balance asserted after a posting (`= £1,000.00`), by the posting's index (see
    /// `Posting.hasAssertion`).
    public internal(set) var assertions: [Int32: Money] = [:]
    /// The descriptions, codes, references and suppliers of the transactions and postings.
    public internal(set) var texts = TextStore()
    /// The files transactions are in, as the user named them: `Transaction.file` numbers them.
    public internal(set) var locationFiles: [String] = []

    public internal(set) var funderIndex: [String: Int] = [:]
    public internal(set) var areaIndex: [String: Int] = [:]
    public internal(set) var initiativeIndex: [String: Int] = [:]
    public internal(set) var grantIndex: [String: Int] = [:]
    public internal(set) var bidIndex: [String: Int] = [:]
    /// By `GrantClaim.id` (`ss4-bns 2022-23-Q3`).
    public internal(set) var claimIndex: [String: Int] = [:]
    public internal(set) var allocationIndex: [String: Int] = [:]
    public internal(set) var commitmentIndex: [String: Int] = [:]
    public internal(set) var shapeIndex: [String: Int] = [:]
    public internal(set) var accountIndex: [String: Int] = [:]

    public init() {}

    public func postings(of transaction: Transaction) -> ArraySlice<Posting> {
        postings[Int(transaction.postingRange.lowerBound)..<Int(transaction.postingRange.upperBound)]
    }

    public func transaction(of posting: Posting) -> Transaction { transactions[Int(posting.transaction)] }

    public func account(of posting: Posting) -> Account { accounts[Int(posting.account)] }

    /// The day of the books' last transaction (the epoch for books with none): what "to date" means
    /// for a report given no day.
    public var lastDay: Day { transactions.map(\.date).max() ?? Day(daysSinceEpoch: 0) }

    /// A posting that spends grant money: to an expenses account, tagged with a grant.
    public func isSpend(_ posting: Posting) -> Bool {
        posting.grant >= 0 && accounts[Int(posting.account)].kind == .expenses
    }

    public func location(of posting: Posting) -> SourceLocation {
        let transaction = transactions[Int(posting.transaction)]
        return SourceLocation(file: locationFiles[Int(transaction.file)], line: Int(posting.sourceLine), column: Int(posting.column))
    }

    /// Where the posting's amount is written and how long it is; the account and its name's length
    /// when the amount was left out (inferred), so there is always something to point at.
    public func amountPlace(of posting: Posting) -> (location: SourceLocation, length: Int) {
        let account = location(of: posting)
        guard posting.amountColumn > 0 else { return (account, self.account(of: posting).name.utf8.count) }
        return (SourceLocation(file: account.file, line: account.line, column: Int(posting.amountColumn)), Int(posting.amountLength))
    }

    /// Transaction indices in date order, ties in file order: the order balances are counted in.
    public func transactionsByDate() -> [Int] {
        var order = Array(transactions.indices)
        // Already in date order for most ledgers: check before sorting.
        var sorted = true
        for i in order.dropFirst() where transactions[i].date < transactions[i - 1].date {
            sorted = false
            break
        }
        if !sorted {
            order.sort { a, b in
                let da = transactions[a].date, db = transactions[b].date
                return da != db ? da < db : a < b
            }
        }
        return order
    }
}
