import Foundation

/// An `AuditResult` as text: a readable report for people, or CSV and JSON for programs. Amounts
/// in CSV and JSON are plain decimals (JSON strings), as in every other report.
public enum AuditReport {
    public static func render(_ result: AuditResult, format: ReportFormat) -> String {
        switch format {
        case .table: return table(result)
        case .csv: return csv(result)
        case .json: return json(result)
        }
    }

    // MARK: Table

    public static func table(_ result: AuditResult) -> String {
        let files = result.books.count
        var output = "Audit of \(files) ledger file\(files == 1 ? "" : "s")"
        if let reconciliation = result.reconciliation { output += " against \(reconciliation.statementFile)" }
        if let dates = result.dates { output += " (\(dates.label))" }
        output += "\n\n"
        let internalFindings = result.findings.filter { !isReconciliation($0, result) }
        output += "Internal checks (\(result.checks.joined(separator: ", "))): "
        output += internalFindings.isEmpty ? "no findings\n" : "\(plural(internalFindings.count, "finding"))\n"
        for finding in internalFindings { output += "  " + line(finding) + "\n" }

        if let r = result.reconciliation {
            let byReference = r.matched.filter { $0.matchedBy == .reference }.count
            output += "\nReconciliation with \(r.statementFile) (rules \(r.rulesFile)), grants \(r.grants.joined(separator: ", "))\n"
            if let period = r.period { output += "Dates compared: \(period.words)\n" }
            output += "Matched by reference, then by exact amount within \(plural(r.dateTolerance, "day")):\n"
            output += "  matched                   \(r.matched.count) (\(byReference) by reference, \(r.matched.count - byReference) by date and amount)\n"
            output += "  amount differences        \(r.amountDifferences.count)\n"
            output += "  posted to another line    \(r.lineDifferences.count)\n"
            output += "  in the statement only     \(r.unmatchedStatement.count)\n"
            output += "  repeated in the statement \(r.repeatedStatement.count)\n"
            output += "  in the ledger only        \(r.unmatchedLedger.count)\n"
            let differences = result.findings.filter { isReconciliation($0, result) }
            if !differences.isEmpty {
                output += "\n" + ((try? Report(title: "Differences", columns: differenceColumns, rows: differences.map { differenceRow($0, r) }))
                    .map { TableWriter.render($0) } ?? "")
            }
            output += "\n" + ((try? lineTotalsReport(r)).map { TableWriter.render($0) } ?? "")
        }
        output += "\n" + (result.findings.isEmpty ? "Clean: nothing to look at.\n" : "\(plural(result.findings.count, "finding")) to look at.\n")
        return output
    }

    /// Whether a finding belongs to the reconciliation: one of its codes, or a near-duplicate
    /// payment found among the statement's rows (one among the ledger's is an internal check).
    static func isReconciliation(_ finding: AuditFinding, _ result: AuditResult) -> Bool {
        if reconciliationCodes.contains(finding.code) { return true }
        guard finding.code == .nearDuplicatePayment, let r = result.reconciliation else { return false }
        return finding.location?.file == r.statementFile
    }

    static let reconciliationCodes: Set<DiagnosticCode> = [
        .amountDifference, .lineDifference, .duplicateStatementRow, .unmatchedStatementRow, .unmatchedLedgerSpend, .statementOutsideDates,
    ]

    static func line(_ finding: AuditFinding) -> String {
        let place = finding.location.map { "\($0.file):\($0.line): " } ?? ""
        return "\(place)[\(finding.code.rawValue)] \(finding.message)"
    }

    static let differenceColumns: [ReportColumn] = [
        .text("difference", "Difference", label: true), .text("reference", "Reference"), .text("line", "Grant line"),
        ReportColumn(key: "statement", title: "Statement", kind: .money, total: .none),
        ReportColumn(key: "ledger", title: "Ledger", kind: .money, total: .none),
        .money("amount", "Statement - ledger"),
        .text("statement_row", "Statement row"), .text("ledger_at", "Ledger at"),
    ]

    /// One difference, with what it adds to statement minus ledger: the column's total is the
    /// difference between the two sides' grand totals, so the list explains the whole gap.
    static func differenceRow(_ finding: AuditFinding, _ r: Reconciliation) -> ReportRow {
        func at(_ location: SourceLocation?) -> SourceLocation? { location.map { SourceLocation(file: $0.file, line: $0.line, column: 1) } }
        let here = at(finding.location)
        var statement: StatementItem?, ledger: LedgerSpendItem?
        var gap = Money.zero
        let kind: String
        switch finding.code {
        case .amountDifference, .lineDifference:
            let pair = r.matched.first { $0.statement.location == here }
            statement = pair?.statement
            ledger = pair?.ledger
            kind = finding.code == .amountDifference ? "amount differs" : "another line"
            if finding.code == .amountDifference { gap = pair?.amountDifference ?? .zero }
        case .duplicateStatementRow:
            statement = r.repeatedStatement.first { $0.location == here }
            kind = "repeated in statement"
            gap = statement?.amount ?? .zero
        case .unmatchedStatementRow:
            statement = r.unmatchedStatement.first { $0.location == here }
            kind = "statement only"
            gap = statement?.amount ?? .zero
        case .nearDuplicatePayment:
            // Its row is also matched or statement-only, which carries any gap.
            statement = (r.matched.map(\.statement) + r.unmatchedStatement).first { $0.location == here }
            kind = "near duplicate"
        case .statementOutsideDates:
            kind = "outside the dates"
        default:
            ledger = r.unmatchedLedger.first { $0.location == finding.location }
            kind = "ledger only"
            gap = (try? ledger?.amount.negated()) ?? .zero
        }
        let lineText = finding.grant.map { ExportRow.grantLineText($0, finding.line) } ?? ""
        return ReportRow([
            .text(kind), .text(finding.reference ?? ""), .text(lineText),
            statement.map { .money($0.amount) } ?? .empty, ledger.map { .money($0.amount) } ?? .empty, .money(gap),
            .text(statement.map { "line \($0.location.line)" } ?? ""),
            .text(ledger.map { "\(($0.location.file as NSString).lastPathComponent):\($0.location.line)" } ?? ""),
        ])
    }

    static func lineTotalsReport(_ r: Reconciliation) throws(ReportError) -> Report {
        try Report(
            title: "Totals per grant line",
            columns: [.text("grant", "Grant", label: true), .text("line", "Line"), .money("ledger", "Ledger"),
                      .money("statement", "Statement"), .money("difference", "Difference")],
            rows: r.lineTotals.map { total in
                ReportRow([.text(total.grant), .text(total.line ?? "(no line)"), .money(total.ledger), .money(total.statement),
                           .money(total.difference)])
            })
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    // MARK: CSV

    /// One table: a row per finding, per matched pair and per grant line total, told apart by
    /// `section`, so a spreadsheet can filter it.
    public static func csv(_ result: AuditResult) -> String {
        let header = ["section", "code", "reference", "grant", "line", "date", "statement_amount", "ledger_amount", "difference",
                      "statement_location", "ledger_location", "message"]
        var lines = [header.joined(separator: ",")]
        // Cells are written as they come: text through `CSVCell.text` (guarded), figures through `number`.
        func add(_ fields: [String]) { lines.append(fields.joined(separator: ",")) }
        func t(_ text: String?) -> String { CSVCell.text(text ?? "") }
        func n(_ money: Money) -> String { CSVCell.number(money.formatted(.plain)) }
        func place(_ location: SourceLocation?) -> String { t(location.map { "\($0.file):\($0.line):\($0.column)" }) }
        for finding in result.findings {
            add([t("finding"), t(finding.code.rawValue), t(finding.reference), t(finding.grant), t(finding.line), "", "", "", "",
                 "", place(finding.location), t(finding.message)])
        }
        if let r = result.reconciliation {
            for pair in r.matched {
                add([t("matched"), t(pair.matchedBy.rawValue), t(pair.statement.reference), t(pair.statement.grant), t(pair.statement.line),
                     CSVCell.number(pair.statement.date.description), n(pair.statement.amount), n(pair.ledger.amount),
                     n(pair.amountDifference), place(pair.statement.location), place(pair.ledger.location), ""])
            }
            for total in r.lineTotals + [r.total] {
                add([t("line-total"), "", "", t(total.grant), t(total.line), "", n(total.statement),
                     n(total.ledger), n(total.difference), "", "", ""])
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    public static func json(_ result: AuditResult) -> String {
        typealias J = JSONWriter
        func location(_ location: SourceLocation?) -> String {
            guard let location else { return "null" }
            return J.object([("file", J.string(location.file)), ("line", String(location.line)), ("column", String(location.column))])
        }
        /// A row of spend, from the books or the statement: the fields both have, then `own`, then where it is.
        func spend(_ date: Day, _ amount: Money, _ reference: String?, _ supplier: String?, _ grant: String, _ line: String?,
                   _ own: [(key: String, value: String)], _ at: SourceLocation) -> String {
            J.object([("date", J.string(date.description)), ("amount", J.amount(amount)), ("reference", J.nullable(reference)),
                      ("supplier", J.nullable(supplier)), ("grant", J.string(grant)), ("line", J.nullable(line))]
                     + own + [("location", location(at))])
        }
        func ledgerItem(_ item: LedgerSpendItem) -> String {
            spend(item.date, item.amount, item.reference, item.supplier, item.grant, item.line,
                  [("account", J.string(item.account))], item.location)
        }
        func statementItem(_ item: StatementItem) -> String {
            spend(item.date, item.amount, item.reference, item.supplier, item.grant, item.line,
                  [("cost_centre", J.nullable(item.costCentre)), ("account_code", J.nullable(item.accountCode))], item.location)
        }
        let findings = result.findings.map { f in
            J.object([("code", J.string(f.code.rawValue)), ("location", location(f.location)), ("message", J.string(f.message)),
                      ("hint", J.nullable(f.hint)), ("reference", J.nullable(f.reference)), ("grant", J.nullable(f.grant)),
                      ("line", J.nullable(f.line))])
        }
        var reconciliation = "null"
        if let r = result.reconciliation {
            // The files and the tolerance share the block's first line.
            let files = [J.member("statement", J.string(r.statementFile)), J.member("rules", J.string(r.rulesFile)),
                         J.member("date_tolerance_days", String(r.dateTolerance))].joined(separator: ", ")
            let period = r.period.map { p in
                J.object([("from", J.string(p.period.start.description)), ("to", J.string(p.period.end.description)),
                          ("why", J.string(p.words.components(separatedBy: ", ").dropFirst().joined(separator: ", ")))])
            } ?? "null"
            let matched = r.matched.map { p in
                J.object([("matched_by", J.string(p.matchedBy.rawValue)), ("amount_difference", J.amount(p.amountDifference)),
                          ("line_differs", String(p.lineDiffers)), ("statement", statementItem(p.statement)),
                          ("ledger", ledgerItem(p.ledger))])
            }
            let totals = (r.lineTotals + [r.total]).map { t in
                J.object([("grant", J.nullable(t.grant)), ("line", J.nullable(t.line)), ("ledger", J.amount(t.ledger)),
                          ("statement", J.amount(t.statement)), ("difference", J.amount(t.difference))])
            }
            reconciliation = J.block([
                files,
                J.member("dates_compared", period),
                J.member("grants", J.array(r.grants.map(J.string), indent: 6)),
                J.member("matched", J.array(matched, indent: 6)),
                J.member("unmatched_statement", J.array(r.unmatchedStatement.map(statementItem), indent: 6)),
                J.member("repeated_statement", J.array(r.repeatedStatement.map(statementItem), indent: 6)),
                J.member("unmatched_ledger", J.array(r.unmatchedLedger.map(ledgerItem), indent: 6)),
                J.member("line_totals", J.array(totals, indent: 6)),
            ], indent: 4)
        }
        return J.document([
            ("books", J.array(result.books.map(J.string))),
            ("financial_year", J.nullable(result.financialYear?.description)),
            ("period", result.dates.map { J.object([("from", J.string($0.period.start.description)), ("to", J.string($0.period.end.description))]) } ?? "null"),
            ("status", String(result.status.rawValue)),
            ("checks", J.array(result.checks.map(J.string))),
            ("findings", J.array(findings)),
            ("reconciliation", reconciliation),
        ])
    }
}
