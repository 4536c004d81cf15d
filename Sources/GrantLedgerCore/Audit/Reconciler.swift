/// Pairs the ledger's spend with the finance system's statement and explains every difference.
///
/// 1. By reference: entries with the same reference are paired, preferring equal amounts on the
///    same line, then equal amounts, then in order. A statement row left over that repeats a
///    paired row of the same reference exactly is a repeat (a duplicate payment or export).
/// 2. By date and amount: what is left is paired when the amounts are equal and the dates at most
///    the rules' `date-tolerance` days apart, nearest date first (a reference keyed differently).
/// 3. What is still left is on one side only.
///
/// Only the grants the rules map to are compared, and only entries dated within the statement's
/// period on both sides (the dates asked for, else the rules' `period`, else the statement's first
/// and last dates: `StatementPeriod`), so a statement for one grant or one quarter does not make
/// the rest of the books look missing.
public enum Reconciler {
    public static func reconcile(ledger: Ledger, rows: [ExportRow], rules: ImportRules, statementFile: String,
                                 period: Period?) -> (Reconciliation, [AuditFinding]) {
        let scope = Set(rules.grantIDs)
        let compared = StatementPeriod.choose(asked: period, rules: rules, rows: rows)
        var matching = Matching(ledgerItems: ledgerItems(ledger, scope: scope, period: compared?.period),
                                statement: statementItems(rows, period: compared?.period))
        matching.pairByReference()
        matching.pairByDateAndAmount(tolerance: rules.dateTolerance)
        let ledgerItems = matching.ledgerItems, statementItems = matching.statementItems

        // Findings, each named by its reference and grant line.
        var overflow = false
        let matched: [ReconciledPair] = matching.pairs.sorted { $0.statement < $1.statement }.map { pair in
            let l = ledgerItems[pair.ledger], s = statementItems[pair.statement]
            let difference: Money
            do throws(MoneyError) { difference = try s.amount.subtracting(l.amount) } catch {
                overflow = true
                difference = .zero
            }
            return ReconciledPair(ledger: l, statement: s, matchedBy: pair.by, amountDifference: difference)
        }
        let unmatchedStatement = statementItems.indices.filter { !matching.statementUsed[$0] }.map { statementItems[$0] }
        let unmatchedLedger = ledgerItems.indices.filter { !matching.ledgerUsed[$0] }.map { ledgerItems[$0] }
        var findings = pairFindings(matched, matching.rowsByLocation)
        findings += nearDuplicateFindings(matching)
        // A row left over that repeats an earlier payment is still a row the ledger lacks (the totals'
        // gap holds it): both are said, so the Differences table adds up to the gap.
        findings += leftoverFindings(matching, unmatchedStatement: unmatchedStatement,
                                     unmatchedLedger: unmatchedLedger, statementFile: statementFile)
        // Rows outside dates asked for were left out on purpose; outside the rules' own period, by mistake.
        if let compared, case .rules = compared.source, let outside = outsideFinding(rows, compared) { findings.append(outside) }

        let (lineTotals, total, totalsOverflow) = totals(ledger, scope: scope, ledgerItems, statementItems)
        if overflow || totalsOverflow {
            // Never a wrapped or made-up figure: the audit stops with an error (exit 2).
            findings.append(AuditFinding(Diagnostic(
                .amountOverflow, "the statement's and the ledger's amounts are too large to total exactly",
                hint: "check the statement for an amount with extra digits (a reference pasted into the amount column?)",
                at: SourceLocation(file: statementFile, line: 1, column: 1))))
        }
        let reconciliation = Reconciliation(
            statementFile: statementFile, rulesFile: rules.file, grants: ledger.grants.map(\.id).filter(scope.contains),
            period: compared, dateTolerance: rules.dateTolerance, matched: matched, unmatchedLedger: unmatchedLedger,
            unmatchedStatement: unmatchedStatement, repeatedStatement: matching.repeats.map { statementItems[$0.statement] },
            lineTotals: lineTotals, total: total)
        return (reconciliation, findings)
    }

    /// The ledger's spend on the grants in scope, dated in the period when there is one.
    static func ledgerItems(_ ledger: Ledger, scope: Set<String>, period: Period?) -> [LedgerSpendItem] {
        var ledgerItems: [LedgerSpendItem] = []
        for posting in ledger.postings where ledger.isSpend(posting) {
            let grant = ledger.grants[Int(posting.grant)]
            guard scope.contains(grant.id) else { continue }
            let date = ledger.transaction(of: posting).date
            if let period, !period.contains(date) { continue }
            let line = posting.grantLine >= 0 && Int(posting.grantLine) < grant.lines.count ? grant.lines[Int(posting.grantLine)].id : nil
            ledgerItems.append(LedgerSpendItem(
                date: date, amount: posting.amount, reference: ledger.reference(of: posting), supplier: ledger.supplier(of: posting), grant: grant.id,
                line: line, account: ledger.account(of: posting).name, location: ledger.location(of: posting)))
        }
        return ledgerItems
    }

    /// One finding for the statement's rows (for the grants compared) dated outside the rules'
    /// period, at the first: a period that misses the statement must not look clean.
    static func outsideFinding(_ rows: [ExportRow], _ compared: StatementPeriod) -> AuditFinding? {
        let outside = rows.filter { $0.grantID != nil && !compared.period.contains($0.date) }
        guard let first = outside.first else { return nil }
        let count = outside.count
        return AuditFinding(Diagnostic(
            .statementOutsideDates,
            "\(count) of the statement's rows \(count == 1 ? "is" : "are") dated outside the dates compared (\(compared.words)), from this one (\(first.date), reference \(first.reference))",
            hint: "they were not reconciled: audit with dates that cover the statement (--fy, --quarter, --from/--to), or correct the rules' period",
            at: first.location), reference: first.reference, grant: first.grantID, line: first.lineID)
    }

    /// The statement's rows that name a grant, dated in the period, with the rows by location.
    static func statementItems(_ rows: [ExportRow], period: Period?) -> (items: [StatementItem], rows: [SourceLocation: ExportRow]) {
        var statementItems: [StatementItem] = []
        var rowsByLocation: [SourceLocation: ExportRow] = [:]
        for row in rows {
            guard let grant = row.grantID else { continue }
            if let period, !period.contains(row.date) { continue }
            let item = StatementItem(
                date: row.date, amount: row.amount, reference: row.reference, supplier: row.supplier,
                description: row.description, grant: grant, line: row.lineID, costCentre: row.costCentre,
                accountCode: row.accountCode, location: row.location)
            statementItems.append(item)
            rowsByLocation[item.location] = row
        }
        return (statementItems, rowsByLocation)
    }

    /// The two sides as they are compared, and what has been paired so far.
    struct Matching {
        let ledgerItems: [LedgerSpendItem]
        let statementItems: [StatementItem]
        let rowsByLocation: [SourceLocation: ExportRow]
        var ledgerUsed: [Bool]
        var statementUsed: [Bool]
        var pairs: [(ledger: Int, statement: Int, by: ReconciledPair.MatchedBy)] = []
        var repeats: [(statement: Int, of: Int)] = []

        init(ledgerItems: [LedgerSpendItem], statement: (items: [StatementItem], rows: [SourceLocation: ExportRow])) {
            self.ledgerItems = ledgerItems
            statementItems = statement.items
            rowsByLocation = statement.rows
            ledgerUsed = [Bool](repeating: false, count: ledgerItems.count)
            statementUsed = [Bool](repeating: false, count: statement.items.count)
        }

        /// 1. By reference: equal amounts on the same line, then equal amounts, then in order; a
        /// left-over row repeating a paired one exactly is a repeat.
        mutating func pairByReference() {
            var ledgerByReference: [String: [Int]] = [:]
            for (index, item) in ledgerItems.enumerated() {
                if let reference = item.reference { ledgerByReference[reference, default: []].append(index) }
            }
            var statementByReference: [String: [Int]] = [:]
            var referenceOrder: [String] = []
            for (index, item) in statementItems.enumerated() {
                if statementByReference[item.reference] == nil { referenceOrder.append(item.reference) }
                statementByReference[item.reference, default: []].append(index)
            }
            for reference in referenceOrder {
                let statementSide = statementByReference[reference] ?? []
                let ledgerSide = ledgerByReference[reference] ?? []
                let passes: [(LedgerSpendItem, StatementItem) -> Bool] = [
                    { $0.amount == $1.amount && $0.grant == $1.grant && $0.line == $1.line },
                    { $0.amount == $1.amount },
                    { _, _ in true },
                ]
                for accepts in passes {
                    for s in statementSide where !statementUsed[s] {
                        guard let l = ledgerSide.first(where: { !ledgerUsed[$0] && accepts(ledgerItems[$0], statementItems[s]) }) else { continue }
                        ledgerUsed[l] = true
                        statementUsed[s] = true
                        pairs.append((l, s, .reference))
                    }
                }
                for s in statementSide where !statementUsed[s] {
                    let item = statementItems[s]
                    if let original = statementSide.first(where: { other in
                        other != s && statementUsed[other] && Reconciler.same(statementItems[other], item)
                    }) {
                        statementUsed[s] = true
                        repeats.append((s, original))
                    }
                }
            }
        }

        /// 2. By date and exact amount, nearest date first. Ledger items are looked up by amount, so a
        /// large statement costs no more than the pairs that could match.
        mutating func pairByDateAndAmount(tolerance: Int) {
            var ledgerByAmount: [Money: [Int]] = [:]
            for l in ledgerItems.indices where !ledgerUsed[l] { ledgerByAmount[ledgerItems[l].amount, default: []].append(l) }
            var candidates: [(gap: Int32, ledger: Int, statement: Int)] = []
            for s in statementItems.indices where !statementUsed[s] {
                for l in ledgerByAmount[statementItems[s].amount] ?? [] {
                    let gap = abs(ledgerItems[l].date.daysSinceEpoch - statementItems[s].date.daysSinceEpoch)
                    if gap <= tolerance { candidates.append((gap, l, s)) }
                }
            }
            candidates.sort { ($0.gap, $0.statement, $0.ledger) < ($1.gap, $1.statement, $1.ledger) }
            for candidate in candidates where !ledgerUsed[candidate.ledger] && !statementUsed[candidate.statement] {
                ledgerUsed[candidate.ledger] = true
                statementUsed[candidate.statement] = true
                pairs.append((candidate.ledger, candidate.statement, .dateAndAmount))
            }
        }
    }

    /// A difference of amount or of line, for each pair.
    static func pairFindings(_ matched: [ReconciledPair], _ rowsByLocation: [SourceLocation: ExportRow]) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        for pair in matched {
            let s = pair.statement, l = pair.ledger
            let row = rowsByLocation[s.location]
            if !pair.amountDifference.isZero {
                let at = row?.location(of: .amount) ?? (location: s.location, length: 1)
                let nine = pair.amountDifference.pence % 9 == 0
                    ? "a difference divisible by 9, like this one, often means two digits were swapped; " : ""
                findings.append(AuditFinding(Diagnostic(
                    .amountDifference,
                    "reference \(s.reference) (\(lineText(l.grant, l.line))): the statement has \(s.amount), the ledger \(l.amount) at \(place(l.location)); difference \(pair.amountDifference)",
                    hint: nine + "check the invoice and correct the side that is wrong",
                    at: at.location, length: at.length), reference: s.reference, grant: l.grant, line: l.line))
            }
            if pair.lineDiffers {
                let at = row?.location(of: .costCentre) ?? row?.location(of: .account) ?? (location: s.location, length: 1)
                findings.append(AuditFinding(Diagnostic(
                    .lineDifference,
                    "reference \(s.reference) (\(s.amount)): the statement codes it to \(lineText(s.grant, s.line)), the ledger to \(lineText(l.grant, l.line)) at \(place(l.location))",
                    hint: "one of them is posted to the wrong line: correct the ledger's line: tag, or ask finance to journal the cost centre",
                    at: at.location, length: at.length), reference: s.reference, grant: s.grant, line: s.line))
            }
        }
        return findings
    }

    /// A finding about one statement row, pointed at its reference cell (the row's start if it has none).
    static func rowFinding(_ item: StatementItem, _ matching: Matching, _ code: DiagnosticCode, _ message: String,
                           hint: String) -> AuditFinding {
        let at = matching.rowsByLocation[item.location]?.location(of: .reference) ?? (location: item.location, length: 1)
        return AuditFinding(Diagnostic(code, message, hint: hint, at: at.location, length: at.length),
                            reference: item.reference, grant: item.grant, line: item.line)
    }

    /// Statement rows with an earlier row's supplier, reference and amount on another day at most
    /// `NearDuplicatePayment.windowDays` later (the same day is `duplicate-statement-row`'s to say):
    /// one finding at each later row, naming the first row of the nearest earlier day; with the rows found.
    static func nearDuplicateFindings(_ matching: Matching) -> [AuditFinding] {
        struct Key: Hashable { let supplier: String?, reference: String, amount: Money }
        let items = matching.statementItems
        var groups: [Key: [Int]] = [:]
        var order: [Key] = []
        for (index, item) in items.enumerated() {
            let key = Key(supplier: item.supplier, reference: item.reference, amount: item.amount)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        var findings: [AuditFinding] = []
        for key in order {
            guard let rows = groups[key], rows.count > 1 else { continue }
            let byDate = rows.sorted { (items[$0].date, $0) < (items[$1].date, $1) }
            var dayFirst = byDate[0]
            var earlier: Int?
            for row in byDate.dropFirst() {
                if items[row].date != items[dayFirst].date {
                    earlier = dayFirst
                    dayFirst = row
                }
                guard let earlier else { continue }
                let days = Int(items[row].date.daysSinceEpoch - items[earlier].date.daysSinceEpoch)
                guard days <= NearDuplicatePayment.windowDays else { continue }
                let item = items[row]
                findings.append(rowFinding(
                    item, matching, .nearDuplicatePayment,
                    NearDuplicatePayment.message(amount: item.amount, payee: item.supplier, reference: item.reference,
                                                 earlier: place(items[earlier].location), on: items[earlier].date, daysLater: days),
                    hint: NearDuplicatePayment.hint))
            }
        }
        return findings
    }

    /// Statement rows repeated, and what is on one side only.
    static func leftoverFindings(_ matching: Matching, unmatchedStatement: [StatementItem], unmatchedLedger: [LedgerSpendItem],
                                 statementFile: String) -> [AuditFinding] {
        let statementItems = matching.statementItems
        func rowFinding(_ item: StatementItem, _ code: DiagnosticCode, _ message: String, hint: String) -> AuditFinding {
            Reconciler.rowFinding(item, matching, code, message, hint: hint)
        }
        var findings: [AuditFinding] = []
        for (s, original) in matching.repeats {
            let item = statementItems[s]
            findings.append(rowFinding(
                item, .duplicateStatementRow,
                "reference \(item.reference) (\(item.amount), \(lineText(item.grant, item.line))) appears twice in the statement, here and on line \(statementItems[original].location.line); the ledger has it once",
                hint: "a duplicate payment or a doubled export line: ask finance whether it was paid twice"))
        }
        for item in unmatchedStatement {
            findings.append(rowFinding(
                item, .unmatchedStatementRow,
                "reference \(item.reference) (\(item.date), \(item.amount), \(lineText(item.grant, item.line))) is in the statement but not in the ledger",
                hint: "an invoice missing from the ledger: import it (grantledger import), or find why finance charged it to this grant"))
        }
        for item in unmatchedLedger {
            findings.append(AuditFinding(Diagnostic(
                .unmatchedLedgerSpend,
                "\(item.reference.map { "reference \($0)" } ?? "spend with no reference") (\(item.date), \(item.amount), \(lineText(item.grant, item.line))) is in the ledger but not in the statement \(statementFile)",
                hint: "finance has no such payment on this grant: check whether it was charged elsewhere, or never paid",
                at: item.location, length: item.account.utf8.count), reference: item.reference, grant: item.grant, line: item.line))
        }

        return findings
    }

    static func same(_ a: StatementItem, _ b: StatementItem) -> Bool {
        a.date == b.date && a.amount == b.amount && a.grant == b.grant && a.line == b.line && a.reference == b.reference
    }

    static func lineText(_ grant: String, _ line: String?) -> String { ExportRow.grantLineText(grant, line) }

    static func place(_ location: SourceLocation) -> String { "\(location.file):\(location.line)" }

    /// Per grant line, both sides: the books' lines in order, then any line only one side names.
    /// The flag is set when a sum could not be held.
    static func totals(_ ledger: Ledger, scope: Set<String>, _ ledgerItems: [LedgerSpendItem], _ statementItems: [StatementItem])
        -> ([LineTotal], LineTotal, Bool)
    {
        struct Key: Hashable { let grant: String; let line: String? }
        var keys: [Key] = []
        var known: Set<Key> = []
        for grant in ledger.grants where scope.contains(grant.id) {
            for line in grant.lines where known.insert(Key(grant: grant.id, line: line.id)).inserted {
                keys.append(Key(grant: grant.id, line: line.id))
            }
        }
        var overflow = false
        func add(_ sums: inout [Key: Money], _ key: Key, _ amount: Money) {
            if known.insert(key).inserted { keys.append(key) }
            do throws(MoneyError) { sums[key] = try sums[key, default: .zero].adding(amount) } catch { overflow = true }
        }
        var ledgerSums: [Key: Money] = [:], statementSums: [Key: Money] = [:]
        for item in ledgerItems { add(&ledgerSums, Key(grant: item.grant, line: item.line), item.amount) }
        for item in statementItems { add(&statementSums, Key(grant: item.grant, line: item.line), item.amount) }
        func minus(_ a: Money, _ b: Money) -> Money {
            do throws(MoneyError) { return try a.subtracting(b) } catch {
                overflow = true
                return .zero
            }
        }
        var rows: [LineTotal] = []
        var ledgerTotal = Money.zero, statementTotal = Money.zero
        for key in keys {
            let l = ledgerSums[key] ?? .zero, s = statementSums[key] ?? .zero
            rows.append(LineTotal(grant: key.grant, line: key.line, ledger: l, statement: s, difference: minus(s, l)))
            do throws(MoneyError) {
                ledgerTotal = try ledgerTotal.adding(l)
                statementTotal = try statementTotal.adding(s)
            } catch { overflow = true }
        }
        let total = LineTotal(grant: "Total", line: nil, ledger: ledgerTotal, statement: statementTotal,
                              difference: minus(statementTotal, ledgerTotal))
        return (rows, total, overflow)
    }
}
