/// A transaction `import` will append: the rows of one document (one reference, one date) from
/// the export, coded by the rules, balanced against the `paid-from` account.
public struct ImportedTransaction: Sendable {
    public let date: Day
    public let reference: String
    public let payee: String
    public let note: String?
    public let postings: [PostingContent]
    public let rows: [ExportRow]
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
