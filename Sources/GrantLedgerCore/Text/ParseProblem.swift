/// Why a strict parser refused its text, and where (a byte offset into it). One shape for every
/// parser's refusal, so that amounts and exact numbers are reported alike; each parser's own `Kind`
/// says what went wrong in words.
public struct ParseProblem<Reason: ParseProblemKind>: Error, Equatable, Sendable {
    public typealias Kind = Reason

    public let kind: Kind
    public let offset: Int

    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    public var message: String { kind.message }
}

/// The reasons one parser can give, each with its wording for the reader.
public protocol ParseProblemKind: Equatable, Sendable {
    var message: String { get }
}
