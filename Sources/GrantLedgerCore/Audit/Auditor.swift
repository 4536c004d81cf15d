/// Puts an audit together from what the command has read: the books with the findings of the
/// audit checks, and optionally a statement with its rules.
public enum Auditor {
    public static func audit(ledger: Ledger, checkFindings: [Diagnostic], checks: [LedgerCheck] = LedgerCheck.audit,
                             statement: (rows: [ExportRow], rules: ImportRules, file: String)?,
                             financialYear: FinancialYear?, risk: MoneyAtRisk.Threshold? = nil) -> AuditResult {
        audit(ledger: ledger, checkFindings: checkFindings, checks: checks, statement: statement, dates: financialYear.map(AuditDates.init),
              risk: risk)
    }

    /// The audit narrowed to `dates` (both sides of the reconciliation, and the money-at-risk days), or all of it.
    public static func audit(ledger: Ledger, checkFindings: [Diagnostic], checks: [LedgerCheck] = LedgerCheck.audit,
                             statement: (rows: [ExportRow], rules: ImportRules, file: String)?,
                             dates: AuditDates?, risk: MoneyAtRisk.Threshold? = nil) -> AuditResult {
        var findings = checkFindings.filter { $0.severity == .finding }.map { AuditFinding($0) }
        if let risk { findings += MoneyAtRisk.findings(ledger, risk, within: dates?.period) }
        var reconciliation: Reconciliation?
        if let statement {
            let (result, more) = Reconciler.reconcile(
                ledger: ledger, rows: statement.rows, rules: statement.rules, statementFile: statement.file,
                period: dates?.period)
            reconciliation = result
            findings += more
        }
        // The renderer's order, so every output lists them alike.
        let sorted = DiagnosticRenderer.ordered(findings, by: \.location)
        return AuditResult(books: ledger.files, dates: dates, checks: checks.map(\.name),
                           findings: sorted, reconciliation: reconciliation)
    }
}

extension Auditor {
    /// A finance-system statement to reconcile with, the rules that describe its columns, and
    /// where each was named (so problems with them are shown in place).
    public struct Statement: Sendable {
        public var path: String
        public var rules: String
        public var origin: SettingOrigin?
        public var rulesOrigin: SettingOrigin?

        public init(path: String, rules: String, origin: SettingOrigin? = nil, rulesOrigin: SettingOrigin? = nil) {
            self.path = path
            self.rules = rules
            self.origin = origin
            self.rulesOrigin = rulesOrigin
        }
    }

    /// Either the errors that stop the audit or the books as read with the audit of them.
    public enum Outcome: Sendable {
        /// Bad input anywhere: the errors alone, since findings of half-read books would mislead.
        case stopped(errors: [Diagnostic])
        case audited(Ledger, AuditResult)
    }

    /// The whole audit: reads the books (with the audit's checks) and the statement with its rules
    /// through `sources`, then reconciles.
    public static func run(books: [String], statement: Statement?, dates: AuditDates?,
                           risk: MoneyAtRisk.Threshold? = nil, sources: SourceFiles) -> Outcome {
        let (ledger, bookProblems) = LedgerLoader.load(paths: books, sources: sources, checks: LedgerCheck.audit)
        var problems = bookProblems
        var reading: (rows: [ExportRow], rules: ImportRules, file: String)?
        if let statement {
            let (rules, rulesProblems) = ImportRulesReader.read(path: statement.rules, sources: sources, origin: statement.rulesOrigin)
            problems += rulesProblems
            if ExitStatus(rulesProblems) != .badInput {
                let export = FinanceExport.read(path: statement.path, rules: rules, sources: sources, role: "finance-system statement",
                                                origin: statement.origin)
                problems += export.diagnostics
                if ExitStatus(bookProblems) != .badInput { problems += rules.problems(against: ledger, rows: export.rows) }
                reading = (export.rows, rules, statement.path)
            }
        }
        let errors = problems.filter { $0.severity == .error }
        guard errors.isEmpty else { return .stopped(errors: errors) }
        return .audited(ledger, audit(ledger: ledger, checkFindings: bookProblems, statement: reading, dates: dates,
                                           risk: risk))
    }
}
