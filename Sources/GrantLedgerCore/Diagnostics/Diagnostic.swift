/// Whether a problem stops the books being read (an input error, exit 2) or is something the books
/// say that somebody must look at (a finding: an overspend, an unallocated remainder; exit 1).
public enum Severity: String, Sendable, Comparable {
    case finding
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .finding && rhs == .error }
}

/// One located, explained problem. Every check returns these; nothing in the core prints.
public struct Diagnostic: Hashable, Sendable {
    public let code: DiagnosticCode
    public let message: String
    public let hint: String?
    public let location: SourceLocation?
    /// How many bytes the caret should underline (at least one).
    public let length: Int
    /// The source line, when the reader had it to hand; otherwise the renderer reads it from the file.
    public let excerpt: String?

    public init(
        _ code: DiagnosticCode, _ message: String, hint: String? = nil,
        at location: SourceLocation? = nil, length: Int = 1, excerpt: String? = nil
    ) {
        self.code = code
        self.message = message
        self.hint = hint
        self.location = location
        self.length = max(1, length)
        self.excerpt = excerpt
    }

    public var severity: Severity { code.severity }
}

/// What a command's outcome means to a shell script: 0 clean, 1 findings, 2 bad input.
public enum ExitStatus: Int32, Sendable {
    case clean = 0
    case findings = 1
    case badInput = 2

    public init(_ diagnostics: [Diagnostic]) {
        if diagnostics.contains(where: { $0.severity == .error }) {
            self = .badInput
        } else if diagnostics.isEmpty {
            self = .clean
        } else {
            self = .findings
        }
    }
}
