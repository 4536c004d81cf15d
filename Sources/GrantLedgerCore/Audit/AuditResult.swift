/// Everything `grantledger audit` found, before any writer decides how it looks: the findings of
/// the internal checks and of the reconciliation, and the reconciliation itself. Format-neutral and
/// exact (money as `Money`), so the terminal report, CSV, JSON and the workbook's Audit sheet all
/// show the same figures.
public struct AuditResult: Sendable {
    /// The ledger files read.
    public let books: [String]
    /// The dates the audit was narrowed to, if any.
    public let dates: AuditDates?
    /// The year, when the dates are one.
    public var financialYear: FinancialYear? { dates?.financialYear }
    /// The names of the internal checks run, in order.
    public let checks: [String]
    /// Every finding, internal and reconciliation, in the renderer's order (file, line, column).
    public let findings: [AuditFinding]
    /// Present when a statement was given.
    public let reconciliation: Reconciliation?

    public init(books: [String], dates: AuditDates?, checks: [String], findings: [AuditFinding],
                reconciliation: Reconciliation?) {
        self.books = books
        self.dates = dates
        self.checks = checks
        self.findings = findings
        self.reconciliation = reconciliation
    }

    /// 0 when clean, 1 when there is anything to look at, 2 when a figure could not be held
    /// (an `amount-overflow` error among the findings).
    public var status: ExitStatus { ExitStatus(diagnostics) }

    /// The findings as diagnostics, for `DiagnosticRenderer`.
    public var diagnostics: [Diagnostic] { findings.map(\.diagnostic) }
}

/// One finding: its code, where it is, what it says, and — for reconciliation findings — the
/// reference and grant line it concerns, so a sheet can filter by them.
public struct AuditFinding: Hashable, Sendable {
    public let diagnostic: Diagnostic
    public let reference: String?
    public let grant: String?
    public let line: String?

    public init(_ diagnostic: Diagnostic, reference: String? = nil, grant: String? = nil, line: String? = nil) {
        self.diagnostic = diagnostic
        self.reference = reference
        self.grant = grant
        self.line = line
    }

    public var code: DiagnosticCode { diagnostic.code }
    public var location: SourceLocation? { diagnostic.location }
    public var message: String { diagnostic.message }
    public var hint: String? { diagnostic.hint }
}
