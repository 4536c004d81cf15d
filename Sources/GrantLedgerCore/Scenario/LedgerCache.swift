/// Ledgers read for scenarios' pots, each once however many scenarios name it: comparing five
/// scenarios on the same grant line reads the books once.
///
/// It holds the run's `SourceFiles`, so the scenarios' area data and last year's allocations come
/// in by the same door as their ledgers.
public final class LedgerCache {
    private var ledgers: [String: (Ledger, [Diagnostic])] = [:]
    public let sources: SourceFiles

    public init(sources: SourceFiles = SourceFiles()) {
        self.sources = sources
    }

    /// Every ledger file read so far, in a stable order: what a workbook's provenance must list
    /// when a scenario took its pot from a ledger.
    public var files: [String] { ledgers.keys.sorted().flatMap { ledgers[$0]?.0.files ?? [] } }

    /// The ledger at `path` (a file or a folder) with its input errors; findings (an overspent line)
    /// are left out, since they do not change a line's budget.
    func load(_ path: String) -> (Ledger, [Diagnostic]) {
        if let cached = ledgers[path] { return cached }
        let (ledger, diagnostics) = LedgerLoader.load(paths: [path], sources: sources)
        let loaded = (ledger, diagnostics.filter { $0.severity == .error })
        ledgers[path] = loaded
        return loaded
    }
}
