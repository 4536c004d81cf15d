extension Ledger {
    /// The line ids of the grant at `grant`, or of every grant when nil, each once and sorted:
    /// what `--line` may name, for the register's "did you mean" and the shells' completion alike.
    public func lineIDs(ofGrant grant: Int? = nil) -> [String] {
        Set(grants.indices.filter { grant == nil || $0 == grant }.flatMap { grants[$0].lines.map(\.id) }).sorted()
    }
}
