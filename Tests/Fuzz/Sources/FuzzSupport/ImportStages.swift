import GrantLedgerCore

/// The books an export is imported into, and what `import` and `audit --statement` do: read the
/// rules, read the export by them, check the rules against the books, plan the transactions, write
/// them in ledger syntax, read the books back with them appended, and reconcile the statement.
public final class ImportBooks: @unchecked Sendable {
    // @unchecked: made once, then only read, on the fuzzer's one thread.
    public let rules: String
    public let export: String
    let paths: [String]
    let into: String
    let ledger: Ledger

    /// A shipped rules file and statement, with the books they are for (the shared declarations and
    /// the grant's own file) copied into `folder/name/`.
    init(_ folder: ScratchFolder, name: String, rules: String, export: String, grantFile: String) {
        self.rules = "examples/finance/\(rules)"
        self.export = "examples/finance/\(export)"
        paths = ["accounts.ledger", "areas.ledger", grantFile].map { file in
            folder.copy("ledgers/nottinghamshire/\(file)", as: "\(name)/\(file)")
        }
        into = "\(folder.path)/\(name)/imported.ledger"
        let (ledger, diagnostics) = LedgerLoader.load(paths: paths)
        expect(!diagnostics.contains { $0.severity == .error }, "the \(name) books do not read: \(DiagnosticRenderer().render(diagnostics))")
        self.ledger = ledger
    }

    /// Two sets: the county's NWPS line (ncc-nwps.rules) and the Safer Streets round 4 bid (bassetlaw-ss4.rules).
    public static func shipped(_ folder: ScratchFolder) -> [ImportBooks] {
        [ImportBooks(folder, name: "ncc", rules: "ncc-nwps.rules", export: "ncc-nwps-2021-q2.csv", grantFile: "nwps-2021-22.ledger"),
         ImportBooks(folder, name: "bns", rules: "bassetlaw-ss4.rules", export: "bassetlaw-ss4-statement.csv", grantFile: "safer-streets.ledger")]
    }
}

public enum ImportStages {
    public static func run(rulesPath: String, exportPath: String, books: ImportBooks) {
        let sources = SourceFiles()
        let (rules, rulesProblems) = ImportRulesReader.read(path: rulesPath, sources: sources)
        Promises.reported(rulesProblems, sources: sources, located: true)
        guard !rulesProblems.contains(where: { $0.severity == .error }) else { return }
        let export = FinanceExport.read(path: exportPath, rules: rules, sources: sources)
        Promises.reported(export.diagnostics, sources: sources, located: true)
        let againstBooks = rules.problems(against: books.ledger, rows: export.rows)
        Promises.reported(againstBooks, sources: sources, located: true)
        let audit = Auditor.audit(ledger: books.ledger, checkFindings: [], statement: (export.rows, rules, exportPath), financialYear: nil)
        for format in ReportFormat.allCases { _ = AuditReport.render(audit, format: format) }
        guard !(export.diagnostics + againstBooks).contains(where: { $0.severity == .error }) else { return }

        let plan = ImportPlan.make(rows: export.rows, rules: rules, ledger: books.ledger)
        Promises.reported(plan.diagnostics, sources: sources, located: true)
        guard !plan.diagnostics.contains(where: { $0.severity == .error }), !plan.transactions.isEmpty,
              let paidFrom = rules.paidFrom?.value else { return }
        let (block, ranges) = ImportedTransactionWriter.text(plan.transactions, paidFrom: paidFrom, source: exportPath)
        expect(ranges.count == plan.transactions.count, "\(ranges.count) line ranges for \(plan.transactions.count) transactions")
        // What import writes must read back as the transactions planned: text from the export
        // (a payee, a reference) must never break the ledger's syntax or smuggle in a directive.
        let after = SourceFiles()
        after.replace(books.into, with: Array(block.utf8))
        let (ledger, problems) = LedgerLoader.load(paths: books.paths + [books.into], sources: after)
        let errors = problems.filter { $0.severity == .error && $0.code != .amountOverflow }
        expect(errors.isEmpty, "the imported block does not read back:\n\(DiagnosticRenderer(sources: after).render(errors))\n\(block)")
        expect(ledger.transactions.count == books.ledger.transactions.count + plan.transactions.count,
               "\(plan.transactions.count) transactions imported, \(ledger.transactions.count - books.ledger.transactions.count) read back")
    }
}
