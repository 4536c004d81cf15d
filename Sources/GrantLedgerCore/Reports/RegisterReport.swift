/// Every posting in scope, in date order (ties in file order, as balances are counted), with a
/// running balance of the amounts shown, as hledger's register shows it: the last row's balance is
/// what `report balance` gives for the same postings. Narrowed by the report filter (dates, grant,
/// area) and by the register's own query: a line of the grant, an initiative, an account and the
/// accounts under it, and text in the payee.
public enum RegisterReport {
    /// What else the register narrows by.
    public struct Query: Hashable, Sendable {
        /// A line id (of the grant asked for, or of any grant).
        public var lineID: String?
        public var initiativeID: String?
        /// An account, with the accounts under it (`expenses:community-safety`).
        public var account: String?
        /// Text the payee contains, ignoring case.
        public var payee: String?

        public init(lineID: String? = nil, initiativeID: String? = nil, account: String? = nil, payee: String? = nil) {
            self.lineID = lineID
            self.initiativeID = initiativeID
            self.account = account
            self.payee = payee
        }
    }

    /// One posting and the running balance after it.
    public struct Row: Hashable, Sendable {
        public let date: Day
        public let reference: String?
        public let description: String
        public let account: String
        public let grantID: String?
        public let lineID: String?
        public let areaID: String?
        public let amount: Money
        public let balance: Money
        public let location: SourceLocation
    }

    public static func build(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter(), _ query: Query = Query()) throws(ReportError) -> Report {
        try table(figures(ledger, filter, query), query)
    }

    public static func figures(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter(), _ query: Query = Query()) throws(ReportError)
        -> ReportFigures<Row> {
        let walk = try Walk(ledger, filter, query)
        var rows: [Row] = []
        var balance = Money.zero
        try walk.forEach { (transaction, posting) throws(ReportError) in
            balance = try balance.plus(posting.amount, "running balance")
            rows.append(Row(date: transaction.date, reference: ledger.reference(of: posting), description: ledger.description(of: transaction),
                            account: ledger.account(of: posting).name, grantID: walk.grantID(posting), lineID: walk.lineID(posting),
                            areaID: walk.areaID(posting), amount: posting.amount, balance: balance, location: ledger.location(of: posting)))
        }
        return ReportFigures(filter: filter, rows: rows)
    }

    /// The register's postings in its order, resolved once: what the rows above and the streamed
    /// writer (`RegisterStream`) both walk, so they list the same postings.
    struct Walk {
        let ledger: Ledger
        let filter: ReportFilter
        let query: Query
        private let scope: ReportScope
        private let accepts: Matcher
        /// The transactions in date order, sorted once however often the postings are walked.
        private let order: [Int]

        init(_ ledger: Ledger, _ filter: ReportFilter, _ query: Query) throws(ReportError) {
            self.ledger = ledger
            self.filter = filter
            self.query = query
            scope = try ReportScope(ledger, filter)
            accepts = try Matcher(ledger, query, grant: scope.grant)
            order = ledger.transactionsByDate()
        }

        /// Calls `body` with each posting in the register and its transaction, in date order (ties
        /// in file order).
        func forEach<E: Error>(_ body: (Transaction, Posting) throws(E) -> Void) throws(E) {
            // The postings read in place: a slice of them per transaction would touch their array's
            // reference count a million times a walk.
            try ledger.postings.withUnsafeBufferPointer { (postings) throws(E) in
                for index in order {
                    let transaction = ledger.transactions[index]
                    guard scope.includes(day: transaction.date), accepts.payee(ledger, transaction) else { continue }
                    for p in Int(transaction.postingRange.lowerBound)..<Int(transaction.postingRange.upperBound) {
                        let posting = postings[p]
                        if scope.includes(posting) && accepts.posting(posting) { try body(transaction, posting) }
                    }
                }
            }
        }

        func grantID(_ posting: Posting) -> String? { posting.grant >= 0 ? ledger.grants[Int(posting.grant)].id : nil }

        func lineID(_ posting: Posting) -> String? {
            guard posting.grant >= 0, posting.grantLine >= 0 else { return nil }
            let lines = ledger.grants[Int(posting.grant)].lines
            return Int(posting.grantLine) < lines.count ? lines[Int(posting.grantLine)].id : nil
        }

        func areaID(_ posting: Posting) -> String? { posting.area >= 0 ? ledger.areas[Int(posting.area)].id : nil }

        /// The title a printed register carries (see `RegisterReport.title`).
        var title: String { RegisterReport.title(ReportFigures<Row>(filter: filter, rows: []), query) }
    }

    /// The register's columns, for the table above and the streamed writer alike.
    static let columns: [ReportColumn] = [
        .date("date", "Date"), .text("reference", "Reference", label: true), .text("description", "Description"),
        .text("account", "Account"), .text("grant", "Grant"), .text("line", "Line"), .text("area", "Area"),
        .money("amount", "Amount"),
        // A running balance is never summed: the totals row leaves it blank.
        ReportColumn(key: "balance", title: "Balance", kind: .money, total: .none),
    ]

    public static func table(_ figures: ReportFigures<Row>, _ query: Query = Query()) throws(ReportError) -> Report {
        let rows = figures.rows.map { row in
            ReportRow([.date(row.date), row.reference.map(ReportCell.text) ?? .empty, .text(row.description), .text(row.account),
                       row.grantID.map(ReportCell.text) ?? .empty, row.lineID.map(ReportCell.text) ?? .empty,
                       row.areaID.map(ReportCell.text) ?? .empty, .money(row.amount), .money(row.balance)])
        }
        return try Report(title: title(figures, query), columns: columns, rows: rows)
    }

    /// The filter's title with the query's parts after it, so a printed register says what it holds.
    static func title(_ figures: ReportFigures<Row>, _ query: Query) -> String {
        let parts = [query.lineID.map { "line \($0)" }, query.initiativeID.map { "initiative \($0)" },
                     query.account.map { "account \($0)" }, query.payee.map { "payee containing \"\($0)\"" }].compactMap { $0 }
        let base = figures.title("Register")
        guard !parts.isEmpty else { return base }
        if base.hasSuffix(")") { return base.dropLast() + "; " + parts.joined(separator: "; ") + ")" }
        return base + " (" + parts.joined(separator: "; ") + ")"
    }

    /// The query resolved against the ledger once, so each posting is tested with integers.
    struct Matcher {
        let lines: Set<Int64>?
        let initiative: Int32?
        let accounts: [Bool]?
        let payeeText: String?

        init(_ ledger: Ledger, _ query: Query, grant: Int32?) throws(ReportError) {
            if let lineID = query.lineID {
                var pairs: Set<Int64> = []
                for (index, candidate) in ledger.grants.enumerated() where grant == nil || Int32(index) == grant {
                    if let line = candidate.lineIndex(lineID) { pairs.insert(Int64(index) << 32 | Int64(line)) }
                }
                guard !pairs.isEmpty else {
                    throw .unknownLine(lineID, suggestion: SuggestedName(lineID, among: ledger.lineIDs(ofGrant: grant.map(Int.init))))
                }
                lines = pairs
            } else {
                lines = nil
            }
            if let id = query.initiativeID {
                guard let index = ledger.initiativeIndex[id] else {
                    throw .unknownInitiative(id, suggestion: SuggestedName(id, among: ledger.initiatives.map(\.id)))
                }
                initiative = Int32(index)
            } else {
                initiative = nil
            }
            if let name = query.account {
                let under = ledger.accounts.map { $0.name == name || $0.name.hasPrefix(name + ":") }
                guard under.contains(true) else {
                    var suggestion = SuggestedName(name, among: Self.accountNames(ledger))
                    // Too many to list: counted as report balance lists them, the declared accounts alone.
                    if case .many = suggestion { suggestion = .many(ledger.accounts.count) }
                    throw .unknownAccount(name, suggestion: suggestion)
                }
                accounts = under
            } else {
                accounts = nil
            }
            payeeText = query.payee?.lowercased()
        }

        /// Every name the query's account takes: each account and each account above it
        /// (`expenses:youth` for `expenses:youth:sessions`), each once, parents first, in the order declared.
        static func accountNames(_ ledger: Ledger) -> [String] {
            var seen: Set<String> = [], names: [String] = []
            for account in ledger.accounts {
                var end = account.name.startIndex
                while let colon = account.name[end...].firstIndex(of: ":") {
                    let parent = String(account.name[..<colon])
                    if seen.insert(parent).inserted { names.append(parent) }
                    end = account.name.index(after: colon)
                }
                if seen.insert(account.name).inserted { names.append(account.name) }
            }
            return names
        }

        func posting(_ posting: Posting) -> Bool {
            if let lines, !(posting.grant >= 0 && posting.grantLine >= 0 && lines.contains(Int64(posting.grant) << 32 | Int64(posting.grantLine))) {
                return false
            }
            if let initiative, posting.initiative != initiative { return false }
            if let accounts, !accounts[Int(posting.account)] { return false }
            return true
        }

        func payee(_ ledger: Ledger, _ transaction: Transaction) -> Bool {
            guard let payeeText else { return true }
            return ledger.payee(of: transaction).lowercased().contains(payeeText)
        }
    }
}
