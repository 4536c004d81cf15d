/// The ledger's transactions as an hledger journal (read by hledger 1.25), so that `hledger bal`
/// can check grantledger's arithmetic independently.
///
/// Amounts are written `£1234.56` / `£-20.00` with no thousands separator under a
/// `commodity £1000.00` declaration, so hledger cannot read a comma as a decimal mark. Every
/// posting gets an explicit amount (inferred ones too), its balance assertion (`=` is
/// this-account-only in both tools), and its effective tags, by id, in a comment. Transactions go
/// in date order, ties in file order, as balances are counted. Grants, bids and areas have no
/// hledger form and are left out.
///
/// Budgets go in as hledger's periodic transactions: each line's profile, one rule per period, to
/// the virtual account `budget:GRANT:LINE`; and each spend posting on a line carries the tag
/// `budget:budget:GRANT:LINE`, so `hledger bal --budget -Q --pivot budget` sets each line's actual
/// against its profile, period by period (hledger's quarters are the calendar's, which start on the
/// same days as the financial year's: its 2019Q2 is 2019-20-Q1). Plain `hledger bal` ignores the
/// rules, so the balances are as before.
public enum HledgerWriter {
    /// Writes the journal to `out`, telling `progress` every `WorkProgress.every` transactions.
    public static func write<Out: TextOutputStream>(_ ledger: Ledger, header: [String] = [], to out: inout Out,
                                                    progress: WorkProgress? = nil) {
        for line in header { out.write("; \(line)\n") }
        out.write("\ncommodity £1000.00\n\n")
        let accounts = ledger.accounts.map(\.name).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for account in accounts { out.write("account \(account)\n") }
        writeBudgets(ledger, to: &out)
        let order = ledger.transactionsByDate()
        for (written, index) in order.enumerated() {
            if let progress, written % WorkProgress.every == 0 {
                progress.report(.writingJournal(transaction: written, of: order.count))
            }
            let transaction = ledger.transactions[index]
            out.write("\n")
            out.write(headerLine(ledger, transaction))
            for index in transaction.postingRange {
                out.write(postingLine(Int(index), ledger))
            }
        }
    }

    /// The whole journal as one string (tests and small ledgers; the CLI streams to a file).
    public static func journal(_ ledger: Ledger, header: [String] = []) -> String {
        var text = ""
        write(ledger, header: header, to: &text)
        return text
    }

    static func headerLine(_ ledger: Ledger, _ transaction: Transaction) -> String {
        var line = transaction.date.description
        switch transaction.status {
        case .cleared: line += " *"
        case .pending: line += " !"
        case .none: break
        }
        let description = Self.description(ledger.description(of: transaction))
        if let code = ledger.code(of: transaction) {
            line += " (\(Self.description(code)))"
        } else if let first = description.unicodeScalars.first, first == "*" || first == "!" || first == "(" {
            // An empty code stops hledger reading the description's first character as a status or code.
            line += " ()"
        }
        if !description.isEmpty { line += " \(description)" }
        return line + "\n"
    }

    /// Each line's profile as periodic transactions (see above), grant by grant.
    static func writeBudgets<Out: TextOutputStream>(_ ledger: Ledger, to out: inout Out) {
        var wroteHeading = false
        for grant in ledger.grants {
            for line in grant.lines {
                guard let profile = BudgetProfile.of(line: line, in: grant) else { continue }
                if !wroteHeading {
                    out.write("\n; Budgets: each line's profile (hledger bal --budget -Q --pivot budget)\n")
                    wroteHeading = true
                }
                let rule = profile.length == .month ? "monthly" : "quarterly"
                for (period, amount) in zip(profile.periods, profile.amounts) {
                    let after = period.period.end.adding(days: 1)
                    out.write("\n~ \(rule) from \(period.period.start) to \(after)  \(grant.id) \(line.id) \(period)\n")
                    out.write("    (budget:\(grant.id):\(line.id))  \(Self.amount(amount))\n")
                }
            }
        }
    }

    static func postingLine(_ index: Int, _ ledger: Ledger) -> String {
        let posting = ledger.postings[index]
        var line = "    \(ledger.account(of: posting).name)  \(amount(posting.amount))"
        if posting.hasAssertion, let assertion = ledger.assertions[Int32(index)] { line += " = \(amount(assertion))" }
        var tags: [String] = []
        if posting.grant >= 0 {
            let grant = ledger.grants[Int(posting.grant)]
            tags.append("grant:\(grant.id)")
            if posting.grantLine >= 0 && Int(posting.grantLine) < grant.lines.count {
                tags.append("line:\(grant.lines[Int(posting.grantLine)].id)")
            }
        }
        if posting.matchGrant >= 0 { tags.append("match:\(ledger.grants[Int(posting.matchGrant)].id)") }
        if posting.area >= 0 { tags.append("area:\(ledger.areas[Int(posting.area)].id)") }
        if posting.initiative >= 0 { tags.append("initiative:\(ledger.initiatives[Int(posting.initiative)].id)") }
        if let spendClass = posting.spendClass { tags.append("class:\(spendClass.name)") }
        if let supplier = ledger.supplier(of: posting) { tags.append("supplier:\(tagValue(supplier))") }
        if let reference = ledger.reference(of: posting) { tags.append("ref:\(tagValue(reference))") }
        if ledger.isSpend(posting), posting.grantLine >= 0 {
            let grant = ledger.grants[Int(posting.grant)]
            if Int(posting.grantLine) < grant.lines.count { tags.append("budget:budget:\(grant.id):\(grant.lines[Int(posting.grantLine)].id)") }
        }
        if !tags.isEmpty { line += "  ; " + tags.joined(separator: ", ") }
        return line + "\n"
    }

    static func amount(_ money: Money) -> String { "£" + money.formatted(.plain) }

    /// hledger starts a comment at any `;` in a description, so it becomes `,`.
    static func description(_ text: String) -> String {
        String(text.map { $0 == ";" || $0.isNewline ? "," : $0 })
    }

    /// A comma ends an hledger tag value, so it becomes a space (grantledger's own tag values cannot
    /// hold one either; this guards ledgers built in code).
    static func tagValue(_ text: String) -> String {
        String(text.map { $0 == "," || $0.isNewline ? " " : $0 })
    }
}
