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
        if let year = result.financialYear { output += " (\(year))" }
        output += "\n\n"
        let internalFindings = result.findings.filter { !reconciliationCodes.contains($0.code) }
        output += "Internal checks (\(result.checks.joined(separator: ", "))): "
        output += internalFindings.isEmpty ? "no findings\n" : "\(plural(internalFindings.count, "finding"))\n"
        for finding in internalFindings { output += "  " + line(finding) + "\n" }

        if let r = result.reconciliation {
            let byReference = r.matched.filter { $0.matchedBy == .reference }.count
            output += "\nReconciliation with \(r.statementFile) (rules \(r.rulesFile)), grants \(r.grants.joined(separator: ", "))\n"
            output += "Matched by reference, then by exact amount within \(plural(r.dateTolerance, "day")):\n"
            output += "  matched                   \(r.matched.count) (\(byReference) by reference, \(r.matched.count - byReference) by date and amount)\n"
            output += "  amount differences        \(r.amountDifferences.count)\n"
            output += "  posted to another line    \(r.lineDifferences.count)\n"
            output += "  in the statement only     \(r.unmatchedStatement.count)\n"
            output += "  repeated in the statement \(r.repeatedStatement.count)\n"
            output += "  in the ledger only        \(r.unmatchedLedger.count)\n"
            let differences = result.findings.filter { reconciliationCodes.contains($0.code) }
            if !differences.isEmpty {
                output += "\n" + ((try? Report(title: "Differences", columns: differenceColumns, rows: differences.map { differenceRow($0, r) }))
                    .map(TableWriter.render) ?? "")
            }
            output += "\n" + ((try? lineTotalsReport(r)).map(TableWriter.render) ?? "")
        }
        output += "\n" + (result.findings.isEmpty ? "Clean: nothing to look at.\n" : "\(plural(result.findings.count, "finding")) to look at.\n")
        return output
    }

    static let reconciliationCodes: Set<DiagnosticCode> = [
        .amountDifference, .lineDifference, .duplicateStatementRow, .unmatchedStatementRow, .unmatchedLedgerSpend,
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
        func s(_ text: String?) -> String { text.map(JSONWriter.string) ?? "null" }
        func m(_ money: Money) -> String { JSONWriter.string(money.formatted(.plain)) }
        func loc(_ location: SourceLocation?) -> String {
            guard let location else { return "null" }
            return "{\"file\": \(s(location.file)), \"line\": \(location.line), \"column\": \(location.column)}"
        }
        func ledgerItem(_ item: LedgerSpendItem) -> String {
            "{\"date\": \(s(item.date.description)), \"amount\": \(m(item.amount)), \"reference\": \(s(item.reference)), \"supplier\": \(s(item.supplier)), \"grant\": \(s(item.grant)), \"line\": \(s(item.line)), \"account\": \(s(item.account)), \"location\": \(loc(item.location))}"
        }
        func statementItem(_ item: StatementItem) -> String {
            "{\"date\": \(s(item.date.description)), \"amount\": \(m(item.amount)), \"reference\": \(s(item.reference)), \"supplier\": \(s(item.supplier)), \"grant\": \(s(item.grant)), \"line\": \(s(item.line)), \"cost_centre\": \(s(item.costCentre)), \"account_code\": \(s(item.accountCode)), \"location\": \(loc(item.location))}"
        }
        func list(_ items: [String], indent: String) -> String {
            items.isEmpty ? "[]" : "[\n" + items.map { indent + "  " + $0 }.joined(separator: ",\n") + "\n" + indent + "]"
        }
        var out = "{\n  \"books\": " + list(result.books.map(JSONWriter.string), indent: "  ") + ",\n"
        out += "  \"financial_year\": \(s(result.financialYear?.description)),\n"
        out += "  \"status\": \(result.status.rawValue),\n"
        out += "  \"checks\": " + list(result.checks.map(JSONWriter.string), indent: "  ") + ",\n"
        out += "  \"findings\": " + list(result.findings.map { f in
            "{\"code\": \(s(f.code.rawValue)), \"location\": \(loc(f.location)), \"message\": \(s(f.message)), \"hint\": \(s(f.hint)), \"reference\": \(s(f.reference)), \"grant\": \(s(f.grant)), \"line\": \(s(f.line))}"
        }, indent: "  ") + ",\n"
        if let r = result.reconciliation {
            out += "  \"reconciliation\": {\n"
            out += "    \"statement\": \(s(r.statementFile)), \"rules\": \(s(r.rulesFile)), \"date_tolerance_days\": \(r.dateTolerance),\n"
            out += "    \"grants\": " + list(r.grants.map(JSONWriter.string), indent: "    ") + ",\n"
            out += "    \"matched\": " + list(r.matched.map { p in
                "{\"matched_by\": \(s(p.matchedBy.rawValue)), \"amount_difference\": \(m(p.amountDifference)), \"line_differs\": \(p.lineDiffers), \"statement\": \(statementItem(p.statement)), \"ledger\": \(ledgerItem(p.ledger))}"
            }, indent: "    ") + ",\n"
            out += "    \"unmatched_statement\": " + list(r.unmatchedStatement.map(statementItem), indent: "    ") + ",\n"
            out += "    \"repeated_statement\": " + list(r.repeatedStatement.map(statementItem), indent: "    ") + ",\n"
            out += "    \"unmatched_ledger\": " + list(r.unmatchedLedger.map(ledgerItem), indent: "    ") + ",\n"
            out += "    \"line_totals\": " + list((r.lineTotals + [r.total]).map { t in
                "{\"grant\": \(s(t.grant)), \"line\": \(s(t.line)), \"ledger\": \(m(t.ledger)), \"statement\": \(m(t.statement)), \"difference\": \(m(t.difference))}"
            }, indent: "    ") + "\n"
            out += "  }\n"
        } else {
            out += "  \"reconciliation\": null\n"
        }
        return out + "}\n"
    }
}
