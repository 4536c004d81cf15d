import Dispatch

/// Reading and checking together: what `grantledger check` and every report start from.
public enum LedgerLoader {
    /// Reads the books at `paths` through `sources` (the run's one door for files) and checks them,
    /// telling `progress` how the reading goes and when the checks start.
    public static func load(paths: [String], sources: SourceFiles = SourceFiles(), checks: [LedgerCheck] = LedgerCheck.standard,
                            progress: WorkProgress? = nil) -> (ledger: Ledger, diagnostics: [Diagnostic]) {
        let (ledger, readProblems) = LedgerReader.read(paths: paths, sources: sources, progress: progress)
        progress?.report(.checking(transactions: ledger.transactions.count))
        return (ledger, readProblems + run(checks, on: ledger, readProblems: readProblems))
    }

    public static func load(text: String, name: String = "<text>", sources: SourceFiles = SourceFiles(),
                            checks: [LedgerCheck] = LedgerCheck.standard) -> (ledger: Ledger, diagnostics: [Diagnostic]) {
        let (ledger, readProblems) = LedgerReader.read(text: text, name: name, sources: sources)
        return (ledger, readProblems + run(checks, on: ledger, readProblems: readProblems))
    }

    /// Runs the checks side by side (each is a pure function of the ledger), reporting in their order.
    static func run(_ checks: [LedgerCheck], on ledger: Ledger, readProblems: [Diagnostic]) -> [Diagnostic] {
        let complete = !readProblems.contains { $0.severity == .error }
        let chosen = checks.filter { complete || !$0.needsCompleteTransactions }
        let results = ParallelResults<[Diagnostic]>(count: chosen.count, initialValue: [])
        DispatchQueue.concurrentPerform(iterations: chosen.count) { index in
            results[index] = chosen[index].run(ledger)
        }
        return chosen.indices.flatMap { results[$0] }
    }
}
