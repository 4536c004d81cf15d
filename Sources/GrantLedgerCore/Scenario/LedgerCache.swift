/// Ledgers read for scenarios' pots, each once however many scenarios name it: comparing five
/// scenarios on the same grant line reads the books once.
public final class LedgerCache {
    private var ledgers: [String: (Ledger, [Diagnostic])] = [:]

    public init() {}

    /// The ledger at `path` (a file or a folder) with its input errors; findings (an overspent line)
    /// are left out, since they do not change a line's budget.
    func load(_ path: String) -> (Ledger, [Diagnostic]) {
        if let cached = ledgers[path] { return cached }
        let (ledger, diagnostics) = LedgerLoader.load(paths: [path])
        let loaded = (ledger, diagnostics.filter { $0.severity == .error })
        ledgers[path] = loaded
        return loaded
    }
}
