import Foundation
import GrantLedgerCore

/// What every command does with books that were read: the checks (audit's, a superset of
/// check's), then, if reading found no error, every report in every format, the summary, the hledger
/// journal, the audit and the committee workbook's model. A crash in any later stage surfaces
/// under the fuzzer as a crash of the harness that read the books.
public enum LedgerStages {
    /// Runs the audit checks as `LedgerLoader` runs check's (one thread: the harness wants the
    /// crash on its own stack), returning the findings and errors they add.
    public static func checks(_ ledger: Ledger, readProblems: [Diagnostic]) -> [Diagnostic] {
        let complete = !readProblems.contains { $0.severity == .error }
        return LedgerCheck.audit.filter { complete || !$0.needsCompleteTransactions }.flatMap { $0.run(ledger) }
    }

    /// Everything after the checks, on books that read without errors. Each input is rendered in
    /// one format, `variant` (the input's size) choosing which, so a run costs a third as much and
    /// every format still meets every kind of input.
    public static func outputs(_ ledger: Ledger, diagnostics: [Diagnostic], variant: Int) {
        let format = ReportFormat.allCases[variant % ReportFormat.allCases.count]
        _ = LedgerSummary(ledger).text
        _ = HledgerWriter.journal(ledger, header: ["fuzz"])
        let years = Set(ledger.transactions.prefix(8).map(\.date.financialYear)).sorted()
        let filters = [ReportFilter()] + years.prefix(2).map { ReportFilter(financialYear: $0) }
        for filter in filters {
            for kind in ReportKind.allCases {
                // A report may refuse books it cannot total (an error of its own, located or not);
                // what it must never do is crash. Whether check let such books through is the
                // overflow work's promise (issue 10, item 1), not asserted here.
                guard let report = try? kind.build(ledger, filter) else { continue }
                _ = format.render(report)
            }
        }
        let asOf = ledger.transactions.last?.date ?? Day(year: 2020, month: 3, day: 31)!
        let audit = Auditor.audit(ledger: ledger, checkFindings: diagnostics, statement: nil, financialYear: years.first,
                                  risk: MoneyAtRisk.Threshold(asOf: asOf))
        _ = AuditReport.render(audit, format: format)
        var tranches = BudgetSettings(asOf: asOf)
        tranches.rows = .tranches
        if let report = try? BudgetReport.build(ledger, ReportFilter(), tranches) { _ = format.render(report) }
        // Every claim of every schedule: its return in each form, and the workbook of them all.
        var returns: [ClaimReturn] = []
        for figures in ClaimFigures.all(ledger) {
            guard let claim = try? ClaimReturn.build(ledger, grant: figures.grantIndex, period: figures.due.period) else { continue }
            _ = try? ClaimReturnWriter.text(claim, inputs: [])
            _ = try? ClaimReturnWriter.json(claim, inputs: [])
            returns.append(claim)
            if returns.count >= 8 { break }
        }
        if !returns.isEmpty {
            _ = try? ClaimWorkbook.build(returns, asOf: asOf, provenance: Provenance(toolVersion: "fuzz", commandLine: "claim", inputs: []))
        }
        let settings = CommitteeWorkbookSettings(
            asOf: asOf, financialYear: years.first, findings: diagnostics.filter { $0.severity == .finding },
            provenance: Provenance(toolVersion: "fuzz", commandLine: "grantledger export --xlsx fuzz.xlsx", inputs: []))
        _ = try? CommitteeWorkbook.build(ledger, settings)
    }
}
