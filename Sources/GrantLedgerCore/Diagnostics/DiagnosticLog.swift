/// Problems collected up to a limit: the first `limit` are kept whole, the rest only counted by
/// code. Two million copies of one bad line then cost a counter, not two gigabytes, and the
/// summary still counts every one.
public struct DiagnosticLog: Sendable {
    public let limit: Int
    public private(set) var kept: [Diagnostic] = []
    private var omittedByCode: [DiagnosticCode: Int] = [:]

    /// How many problems were appended, kept or only counted.
    public private(set) var count = 0

    public init(limit: Int = InputPolicy.defaultMaximumProblems) {
        self.limit = max(1, limit)
    }

    public var isEmpty: Bool { count == 0 }

    /// Whether a problem kept, or a code counted, matches.
    public func contains(where predicate: (Diagnostic) -> Bool) -> Bool { all.contains(where: predicate) }

    public mutating func append(_ diagnostic: Diagnostic) {
        count += diagnostic.weight
        if diagnostic.omitted > 0 {
            omittedByCode[diagnostic.code, default: 0] += diagnostic.omitted
        } else if kept.count < limit {
            kept.append(diagnostic)
        } else {
            omittedByCode[diagnostic.code, default: 0] += 1
        }
    }

    public mutating func append<S: Sequence>(contentsOf diagnostics: S) where S.Element == Diagnostic {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    public mutating func append(contentsOf other: DiagnosticLog) {
        append(contentsOf: other.all)
    }

    /// The kept problems, then one tally per code counted past the limit (in code order).
    public var all: [Diagnostic] {
        kept + omittedByCode.sorted { $0.key.rawValue < $1.key.rawValue }.map { Diagnostic.tally($0.key, count: $0.value) }
    }

    /// `diagnostics` cut to `limit`, the rest counted. Errors are kept before findings (a read
    /// error must not hide behind six hundred overspends), each in the order the renderer shows them.
    public static func limited(_ diagnostics: [Diagnostic], to limit: Int) -> [Diagnostic] {
        guard diagnostics.count > limit else { return diagnostics }
        var log = DiagnosticLog(limit: limit)
        let whole = diagnostics.filter { $0.omitted == 0 }
        log.append(contentsOf: DiagnosticRenderer.ordered(whole.filter { $0.severity == .error }))
        log.append(contentsOf: DiagnosticRenderer.ordered(whole.filter { $0.severity == .finding }))
        log.append(contentsOf: diagnostics.filter { $0.omitted > 0 })
        return log.all
    }
}
