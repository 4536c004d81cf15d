/// A transaction `import` will append: the rows of one document (one reference, one date) from
/// the export, coded by the rules, balanced against the `paid-from` account.
public struct ImportedTransaction: Sendable {
    public let date: Day
    public let reference: String
    public let payee: String
    public let note: String?
    /// The spend postings, one per row.
    public let postings: [PostingContent]
    /// The rows' recoverable VAT, summed, to the rules' VAT account; nil when there is none.
    public let vat: PostingContent?
    public let rows: [ExportRow]

    /// What the ledger must say for these rows to count as imported: the spend postings and the VAT.
    var content: [PostingContent] { (postings + (vat.map { [$0] } ?? [])).sorted() }

    /// The VAT posting for `rows` (one date's rows of one reference): their recoverable VAT summed,
    /// compared by account and amount alone; nil when it comes to nothing. The ledger gives it the
    /// transaction's `grant:` tag, as it gives the bank posting: harmless, since spend is only ever
    /// postings to expenses accounts (`Ledger.isSpend`).
    static func vatPosting(_ rows: [ExportRow]) -> PostingContent? {
        guard let first = rows.first(where: { $0.vatAccount != nil }), let account = first.vatAccount else { return nil }
        // Each amount is within the spreadsheet limit and so is their sum (`AmountLimit`).
        let total = (try? Money.sum(rows.filter { $0.vatAccount == account }.map(\.vat))) ?? Money(pence: 0)
        guard total != Money(pence: 0) else { return nil }
        return PostingContent(vatOf: first.date, account: account, amount: total)
    }
}

/// What a posting says, by name: the unit `import` compares to decide whether a row is already in
/// the ledger, and the audit to decide whether two sides agree.
public struct PostingContent: Hashable, Sendable, Comparable {
    public let date: Day
    public let account: String
    public let amount: Money
    public let grant: String?
    public let line: String?
    public let area: String?
    public let initiative: String?
    public let spendClass: String?
    public let match: String?

    public init(date: Day, account: String, amount: Money, grant: String?, line: String?, area: String?,
                initiative: String?, spendClass: String?, match: String?) {
        self.date = date
        self.account = account
        self.amount = amount
        self.grant = grant
        self.line = line
        self.area = area
        self.initiative = initiative
        self.spendClass = spendClass
        self.match = match
    }

    /// A VAT posting: the account and amount alone, whatever tags the ledger's transaction gives it.
    init(vatOf date: Day, account: String, amount: Money) {
        self.init(date: date, account: account, amount: amount, grant: nil, line: nil, area: nil, initiative: nil,
                  spendClass: nil, match: nil)
    }

    init(_ row: ExportRow) {
        self.init(date: row.date, account: row.account ?? "", amount: row.amount, grant: row.grantID, line: row.lineID,
                  area: row.value(.area), initiative: row.value(.initiative), spendClass: row.value(.spendClass),
                  match: row.value(.match))
    }

    init(_ posting: Posting, in ledger: Ledger) {
        let grant = posting.grant >= 0 ? ledger.grants[Int(posting.grant)] : nil
        self.init(
            date: ledger.transaction(of: posting).date, account: ledger.account(of: posting).name, amount: posting.amount,
            grant: grant?.id,
            line: grant.flatMap { grant in posting.grantLine >= 0 && Int(posting.grantLine) < grant.lines.count ? grant.lines[Int(posting.grantLine)].id : nil },
            area: posting.area >= 0 ? ledger.areas[Int(posting.area)].id : nil,
            initiative: posting.initiative >= 0 ? ledger.initiatives[Int(posting.initiative)].id : nil,
            spendClass: posting.spendClass?.name,
            match: posting.matchGrant >= 0 ? ledger.grants[Int(posting.matchGrant)].id : nil)
    }

    public static func < (a: PostingContent, b: PostingContent) -> Bool { a.text < b.text }

    /// `2023-01-09 £33,424.76 expenses:safer-streets:cctv grant:ss4-bns line:cctv area:bassetlaw …`
    public var text: String {
        var parts = ["\(date)", amount.description, account]
        for (name, value) in [("grant", grant), ("line", line), ("area", area), ("initiative", initiative),
                              ("class", spendClass), ("match", match)] {
            if let value { parts.append("\(name):\(value)") }
        }
        return parts.joined(separator: " ")
    }
}
