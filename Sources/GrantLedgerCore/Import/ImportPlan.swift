/// What `import` will do, decided before anything is written: the new transactions, the rows
/// already in the ledger, and every conflict (each an error, so that nothing is written).
public struct ImportPlan: Sendable {
    public var transactions: [ImportedTransaction] = []
    /// Export rows whose reference is already in the ledger with the same content.
    public var rowsAlreadyImported = 0
    /// References already in the ledger with the same content.
    public var referencesAlreadyImported = 0
    public var diagnostics: [Diagnostic] = []

    public var rowsToAdd: Int { transactions.reduce(0) { $0 + $1.rows.count } }

    /// Decides what to append. Rows are grouped into one transaction per reference and date (the
    /// lines of one invoice); a reference counts as imported when the ledger's postings carrying
    /// it to the accounts the rules map to say exactly what the rows say: same dates, accounts,
    /// amounts and coding. The paying side (whatever account the books used) and descriptions,
    /// which may have been edited since, are not compared.
    public static func make(rows: [ExportRow], rules: ImportRules, ledger: Ledger) -> ImportPlan {
        var plan = ImportPlan()
        let vatAccount = rules.vatAccount?.value
        let mapped = Set(rules.rules.compactMap { $0.fields[.account]?.value } + (vatAccount.map { [$0] } ?? []))

        // The ledger's postings by reference, to the accounts the rules map to.
        var existing: [String: [Int]] = [:]
        let wanted = Set(rows.map(\.reference))
        for (index, posting) in ledger.postings.enumerated() {
            guard let reference = ledger.reference(of: posting), wanted.contains(reference),
                  mapped.contains(ledger.account(of: posting).name) else { continue }
            existing[reference, default: []].append(index)
        }

        // Rows by reference, in export order; an identical row twice is an error, not a second line.
        var order: [String] = []
        var byReference: [String: [ExportRow]] = [:]
        var firstRow: [PostingContent: ExportRow] = [:]
        for row in rows {
            let content = PostingContent(row)
            // Two lines alike but for their VAT are two lines.
            let key = PostingContent(date: content.date, account: content.account + "\u{1}" + row.reference + "\u{1}\(row.vat.pence)",
                                     amount: content.amount,
                                     grant: content.grant, line: content.line, area: content.area,
                                     initiative: content.initiative, spendClass: content.spendClass, match: content.match)
            if let first = firstRow[key] {
                let at = row.location(of: .reference)
                plan.diagnostics.append(Diagnostic(
                    .duplicateRow, "this row repeats line \(first.line): reference \(row.reference), \(row.date), \(row.amount), \(row.grantLineText)",
                    hint: "a finance system exports each invoice line once: if it was paid twice, that is for the finance team to correct; if the invoice really has two such lines, combine them into one row",
                    at: at.location, length: at.length))
                continue
            }
            firstRow[key] = row
            if byReference[row.reference] == nil { order.append(row.reference) }
            byReference[row.reference, default: []].append(row)
        }

        var fresh: [ImportedTransaction] = []
        for reference in order {
            let group = byReference[reference] ?? []
            let incoming = transactions(reference, group).flatMap(\.content).sorted()
            let found = (existing[reference] ?? []).map { index in
                let content = PostingContent(ledger.postings[index], in: ledger)
                return content.account == vatAccount ? PostingContent(vatOf: content.date, account: content.account, amount: content.amount) : content
            }.sorted()
            if found.isEmpty {
                fresh += transactions(reference, group)
            } else if found == incoming {
                plan.rowsAlreadyImported += group.count
                plan.referencesAlreadyImported += 1
            } else {
                let first = group[0]
                let at = first.location(of: .reference)
                let where_ = (existing[reference]?.first).map { ledger.location(of: ledger.postings[$0]) }
                let place = where_.map { "\($0.file):\($0.line)" } ?? "the ledger"
                plan.diagnostics.append(Diagnostic(
                    .referenceConflict,
                    "reference \(reference) is already in the ledger (\(place)) with different content",
                    hint: "ledger: \(found.map(\.text).joined(separator: "; ")) — this export: \(incoming.map(\.text).joined(separator: "; ")). Correct whichever is wrong; import never overwrites the ledger",
                    at: at.location, length: at.length))
            }
        }
        // Date order, ties in export order, as a finance officer would write them.
        plan.transactions = fresh.enumerated().sorted { a, b in
            a.element.date != b.element.date ? a.element.date < b.element.date : a.offset < b.offset
        }.map(\.element)
        return plan
    }

    /// One transaction per date within a reference (an invoice and its credit note may share one).
    private static func transactions(_ reference: String, _ rows: [ExportRow]) -> [ImportedTransaction] {
        var dates: [Day] = []
        var byDate: [Day: [ExportRow]] = [:]
        for row in rows {
            if byDate[row.date] == nil { dates.append(row.date) }
            byDate[row.date, default: []].append(row)
        }
        return dates.map { date in
            let group = byDate[date] ?? []
            let payee = group.lazy.compactMap(\.supplier).first ?? "Unknown supplier"
            var notes: [String] = []
            for row in group { if let note = row.description, !notes.contains(note) { notes.append(note) } }
            return ImportedTransaction(date: date, reference: reference, payee: payee,
                                       note: notes.isEmpty ? nil : notes.joined(separator: " / "),
                                       postings: group.map(PostingContent.init), vat: ImportedTransaction.vatPosting(group), rows: group)
        }
    }
}
