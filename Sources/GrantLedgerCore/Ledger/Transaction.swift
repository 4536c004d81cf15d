/// A dated double-entry transaction. Its postings live in `Ledger.postings[postingRange]`, one flat
/// array for the whole ledger, so a million transactions cost a few allocations, not millions.
public struct Transaction: Sendable {
    public enum Status: UInt8, Sendable { case none, pending, cleared }

    public let date: Day
    public let status: Status
    /// The code (`(…)` after the status) and the description, as numbers in `Ledger.texts`: read
    /// them with `Ledger.code(of:)` and `Ledger.description(of:)`.
    let codeText: Int32
    let descriptionText: Int32
    /// Set only inside the core: the reader moves it on when it joins ranges of a file read in parallel.
    public internal(set) var postingRange: Range<Int32>
    /// The file (a number in `Ledger.locationFiles`) and line of the transaction's date: read as a
    /// place with `Ledger.location(of:)`.
    let file: Int32
    public let line: Int32

    init(date: Day, status: Status, codeText: Int32, descriptionText: Int32, postingRange: Range<Int32>, file: Int32, line: Int32) {
        self.date = date
        self.status = status
        self.codeText = codeText
        self.descriptionText = descriptionText
        self.postingRange = postingRange
        self.file = file
        self.line = line
    }

    /// The same transaction with its numbers moved on, when it joins the ledger of another reader.
    func moved(texts: Int32, file: Int32, postings: Int32) -> Transaction {
        Transaction(date: date, status: status, codeText: codeText < 0 ? codeText : codeText + texts,
                    descriptionText: descriptionText + texts,
                    postingRange: postingRange.lowerBound + postings ..< postingRange.upperBound + postings,
                    file: file, line: line)
    }
}

/// Capital or revenue spend; funders often cap each.
public enum SpendClass: UInt8, CaseIterable, Sendable {
    case capital = 1, revenue = 2
    public var name: String { self == .capital ? "capital" : "revenue" }
}

/// One leg of a transaction, with its tags resolved to indices into the ledger's declarations
/// (`-1` when absent), so reports group by integers. Fields are ordered to pack tightly: a million
/// transactions hold three million of these.
public struct Posting: Sendable {
    public var amount: Money
    /// The `supplier:` and `ref:` tags, as numbers in `Ledger.texts` (`TextStore.none` when absent):
    /// read them with `Ledger.supplier(of:)` and `Ledger.reference(of:)`.
    public internal(set) var supplierText: Int32
    public internal(set) var referenceText: Int32
    /// The indices into the ledger's tables are set only inside the core: the reader renumbers them
    /// when it joins ranges of a file read in parallel (`LedgerParser+Merge`) and resolves names, and a
    /// client that changed one would put the posting out of step with the ledger's indices.
    public internal(set) var account: Int32
    public internal(set) var grant: Int32
    public internal(set) var grantLine: Int32
    public internal(set) var area: Int32
    public internal(set) var initiative: Int32
    /// The grant this posting is match funding for (`match:` tag), or -1. Match funding is never
    /// the grant's spend: the reader refuses a posting that carries both tags.
    public internal(set) var matchGrant: Int32
    public internal(set) var transaction: Int32
    /// Line of the posting in its transaction's file.
    public let sourceLine: Int32
    public let column: Int16
    /// Column of the amount as written, 0 when it was left out to be inferred: where a finding
    /// about the amount points (`Ledger.amountPlace`). Beside `column`, and its length after
    /// the flags, so that a posting packs into 56 bytes.
    public let amountColumn: Int16
    public var spendClass: SpendClass?
    public var amountInferred: Bool
    /// Whether a balance is asserted after this posting: its amount is in `Ledger.assertions`, since
    /// few postings have one and eight bytes in each of three million would be 24 MB.
    public internal(set) var hasAssertion: Bool
    /// The amount's length as written, in bytes (at most 255; an amount is never near it).
    public let amountLength: UInt8

    init(account: Int32, amount: Money, grant: Int32, grantLine: Int32, area: Int32, initiative: Int32,
                spendClass: SpendClass?, amountInferred: Bool, hasAssertion: Bool = false, supplierText: Int32 = TextStore.none,
                referenceText: Int32 = TextStore.none,
                transaction: Int32, sourceLine: Int32, column: Int16, matchGrant: Int32 = -1,
                amountColumn: Int16 = 0, amountLength: UInt8 = 0) {
        self.amount = amount
        self.hasAssertion = hasAssertion
        self.supplierText = supplierText
        self.referenceText = referenceText
        self.account = account
        self.grant = grant
        self.grantLine = grantLine
        self.area = area
        self.initiative = initiative
        self.matchGrant = matchGrant
        self.transaction = transaction
        self.sourceLine = sourceLine
        self.column = column
        self.amountColumn = amountColumn
        self.amountLength = amountLength
        self.spendClass = spendClass
        self.amountInferred = amountInferred
    }

    public var hasGrant: Bool { grant >= 0 }
}
