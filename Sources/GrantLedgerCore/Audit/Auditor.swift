/// Puts an audit together from what the command has read: the books with the findings of the
/// audit checks, and optionally a statement with its rules.
public enum Auditor {
    public static func audit(ledger: Ledger, checkFindings: [Diagnostic], checks: [LedgerCheck] = LedgerCheck.audit,
                             statement: (rows: [ExportRow], rules: ImportRules, file: String)?,
                             financialYear: FinancialYear?) -> AuditResult {
        var findings = checkFindings.filter { $0.severity == .finding }.map { AuditFinding($0) }
        var reconciliation: Reconciliation?
        if let statement {
            let (result, more) = Reconciler.reconcile(
                ledger: ledger, rows: statement.rows, rules: statement.rules, statementFile: statement.file,
                financialYear: financialYear)
            reconciliation = result
            findings += more
        }
        // The renderer's order, so every output lists them alike.
        let sorted = DiagnosticRenderer.ordered(findings, by: \.location)
        return AuditResult(books: ledger.files, financialYear: financialYear, checks: checks.map(\.name),
                           findings: sorted, reconciliation: reconciliation)
    }
}
