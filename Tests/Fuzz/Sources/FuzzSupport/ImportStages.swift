import Foundation
import GrantLedgerCore

/// The books an export is imported into, and what `import` and `audit --statement` do: read the
/// rules, read the export by them, check the rules against the books, plan the transactions, write
/// them in ledger syntax, read the books back with them appended, and reconcile the statement.
public final class ImportBooks: @unchecked Sendable {
    // @unchecked: made once, then only read, on the fuzzer's one thread.
    public let rules: String
    public let export: String
    /// The shipped books, read once: what the rules are checked against and the plan is made from.
    let ledger: Ledger
    /// Every declaration of the shipped books and no transaction, in one file of the scratch folder:
    /// the imported block is read back after it, so the check costs the block, not the books.
    let prelude: String
    let into: String

    init(_ folder: ScratchFolder, rules: String, export: String, books: (ledger: Ledger, prelude: String)) {
        self.rules = "examples/finance/\(rules)"
        self.export = "examples/finance/\(export)"
        (ledger, prelude) = books
        into = "\(folder.path)/imported.ledger"
    }

    /// The sets on the shipped books: the county's NWPS line (ncc-nwps.rules), the Safer Streets
    /// round 4 bid (bassetlaw-ss4.rules), and the NWPS exports of other shapes: Windows-1252
    /// (ncc-nwps-ansi.rules), net/VAT/gross (ncc-nwps-vat.rules) and debit/credit (ncc-nwps-gl.rules).
    public static func shipped(_ folder: ScratchFolder) -> [ImportBooks] {
        let books = "\(Fixtures.repositoryRoot)/ledgers/nottinghamshire"
        let (ledger, problems) = LedgerLoader.load(paths: [books])
        expect(!problems.contains { $0.severity == .error }, "the shipped books do not read: \(DiagnosticRenderer().render(problems))")
        let files = ["accounts", "areas", "pcc-grant-2019-20", "nwps-2021-22", "safer-streets", "vru-eiyf"]
        let declarations = files.map { Fixtures.declarationsOnly(Fixtures.bytes("ledgers/nottinghamshire/\($0).ledger")) }.joined(separator: "\n")
        let prelude = folder.write("prelude.ledger", Array(declarations.utf8))
        let (_, preludeProblems) = LedgerLoader.load(paths: [prelude])
        expect(!preludeProblems.contains { $0.severity == .error },
               "the books' declarations do not read alone: \(DiagnosticRenderer().render(preludeProblems))")
        return [ImportBooks(folder, rules: "ncc-nwps.rules", export: "ncc-nwps-2021-q2.csv", books: (ledger, prelude)),
                ImportBooks(folder, rules: "bassetlaw-ss4.rules", export: "bassetlaw-ss4-statement.csv", books: (ledger, prelude)),
                ImportBooks(folder, rules: "ncc-nwps-ansi.rules", export: "ncc-nwps-2022-01.csv", books: (ledger, prelude)),
                ImportBooks(folder, rules: "ncc-nwps-vat.rules", export: "ncc-nwps-2022-02-vat.csv", books: (ledger, prelude)),
                ImportBooks(folder, rules: "ncc-nwps-gl.rules", export: "ncc-nwps-2022-03-ledger.csv", books: (ledger, prelude))]
    }


}

/// The fixed half of the two import harnesses: a scratch folder holding the shipped rules files and
/// exports, and the books they are for. The fuzzed half is written beside them.
public final class ImportHarness: @unchecked Sendable {
    // @unchecked: made once, then used on the fuzzer's one thread.
    let folder: ScratchFolder
    let books: [ImportBooks]
    let rules: [String]
    let exports: [String]

    public init(_ label: String) {
        let folder = ScratchFolder(label)
        let books = ImportBooks.shipped(folder)
        rules = books.map { folder.copy($0.rules, as: $0.rules) }
        exports = books.map { folder.copy($0.export, as: $0.export) }
        self.folder = folder
        self.books = books
    }

    /// Fuzzed rules, against Bassetlaw's statement when they name its Safer Streets grant (`ss4`),
    /// the export of the shape they name (an encoding, VAT columns, a debit column), else the
    /// county's NWPS export.
    public func fuzzRules(_ bytes: UnsafeBufferPointer<UInt8>) {
        let pick = Self.pick(bytes, [("ss4", 1), ("encoding", 2), ("column net", 3), ("column gross", 3), ("column debit", 4)])
        ImportStages.run(rulesPath: folder.write("input.rules", bytes), exportPath: exports[pick], books: books[pick], variant: bytes.count / 2)
    }

    /// A fuzzed export, read by Bassetlaw's rules when it names the district council's company
    /// code (`BDC`), else by the county's NWPS rules.
    public func fuzzExport(_ bytes: UnsafeBufferPointer<UInt8>) {
        var pick = Self.pick(bytes, [("BDC,", 1), (",Net,", 3), ("Gross", 3), ("Debit", 4)])
        // Not UTF-8: read as Windows-1252, as its rules say.
        if pick == 0 && TextEncoding.guess(ArraySlice(bytes)) != nil { pick = 2 }
        ImportStages.run(rulesPath: rules[pick], exportPath: folder.write("input.csv", bytes), books: books[pick], variant: bytes.count / 2)
    }
}

extension ImportHarness {
    /// The set of the first marker `bytes` hold (0 when none).
    static func pick(_ bytes: UnsafeBufferPointer<UInt8>, _ markers: [(String, Int)]) -> Int {
        markers.first { bytes.firstRange(of: Array($0.0.utf8)) != nil }?.1 ?? 0
    }
}

public enum ImportStages {
    /// `variant` (the input's size) picks the audit's output format, as in `LedgerStages.outputs`.
    public static func run(rulesPath: String, exportPath: String, books: ImportBooks, variant: Int) {
        let sources = SourceFiles()
        let (rules, rulesProblems) = ImportRulesReader.read(path: rulesPath, sources: sources)
        Promises.reported(rulesProblems, sources: sources, located: true)
        guard !rulesProblems.contains(where: { $0.severity == .error }) else { return }
        let export = FinanceExport.read(path: exportPath, rules: rules, sources: sources)
        Promises.reported(export.diagnostics, sources: sources, located: true)
        let againstBooks = rules.problems(against: books.ledger, rows: export.rows)
        Promises.reported(againstBooks, sources: sources, located: true)
        let audit = Auditor.audit(ledger: books.ledger, checkFindings: [], statement: (export.rows, rules, exportPath), financialYear: nil)
        _ = AuditReport.render(audit, format: ReportFormat.allCases[variant % ReportFormat.allCases.count])
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
        let (ledger, problems) = LedgerReader.read(paths: [books.prelude, books.into], sources: after)
        let errors = problems.filter { $0.severity == .error }
        expect(errors.isEmpty, "the imported block does not read back:\n\(DiagnosticRenderer(sources: after).render(errors))\n\(block)")
        if Promises.verbose { FileHandle.standardError.write(Data("fuzz: \(plan.transactions.count) transactions planned, written and read back\n".utf8)) }
        expect(ledger.transactions.count == plan.transactions.count,
               "\(plan.transactions.count) transactions imported, \(ledger.transactions.count) read back")
    }
}
