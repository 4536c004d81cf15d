import ArgumentParser
import GrantLedgerCore

/// Reading the books for a command that needs them whole (reports, exports): input errors are
/// printed as located diagnostics and end the command with exit 2; findings are only noted, since
/// an overspend should not stop anyone reading about it.
enum LedgerInput {
    static func load(_ paths: [String]) throws -> Ledger {
        try loadWithFindings(paths).ledger
    }

    /// As `load`, also returning the findings (for the workbook's Audit sheet).
    static func loadWithFindings(_ paths: [String]) throws -> (ledger: Ledger, findings: [Diagnostic]) {
        let (ledger, diagnostics) = LedgerLoader.load(paths: paths.isEmpty ? ["ledgers"] : paths, sources: Run.sources,
                                                      progress: Console.progressHook)
        switch ExitStatus(diagnostics) {
        case .badInput:
            Console.error(Run.report(diagnostics))
            throw ExitCode(ExitStatus.badInput.rawValue)
        case .findings:
            let n = diagnostics.count
            Console.error("grantledger: note: the books have \(n) finding\(n == 1 ? "" : "s"); `grantledger check` lists them")
        case .clean:
            break
        }
        return (ledger, diagnostics)
    }

    /// Prints a problem that is not in a file (a bad option value) and ends with exit 2.
    static func fail(_ diagnostic: Diagnostic) -> ExitCode {
        Console.error(Run.report([diagnostic]))
        return ExitCode(ExitStatus.badInput.rawValue)
    }
}
