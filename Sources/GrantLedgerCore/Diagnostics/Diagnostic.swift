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
    /// Zero for a problem shown in full. Past the limit on problems kept (`InputPolicy`), problems of
    /// one code are only counted: one diagnostic of that code stands for `omitted` of them, so exit
    /// codes and the summary line still count every one, in bounded memory.
    public let omitted: Int

    public init(
        _ code: DiagnosticCode, _ message: String, hint: String? = nil,
        at location: SourceLocation? = nil, length: Int = 1, excerpt: String? = nil
    ) {
        self.code = code
        // A line of megabytes is kept as its first few thousand characters: enough to show the
        // problem (the renderer shows less), never the whole line again per problem.
        self.message = message.utf8.count > 4096 ? String(message.prefix(1024)) + "…" : message
        self.hint = hint
        self.location = location
        self.length = max(1, length)
        self.excerpt = excerpt.map { $0.utf8.count > 8192 ? String($0.prefix(4096)) : $0 }
        self.omitted = 0
    }

    /// A problem with a setting, shown at `origin` (its place on the command line or in a file)
    /// when there is one, `offset` bytes into it and `length` long (the rest of it when nil), and
    /// unlocated otherwise (settings made in code): the one home of "a diagnostic at this origin".
    public init(
        _ code: DiagnosticCode, _ message: String, hint: String? = nil, origin: SettingOrigin?,
        offset: Int = 0, length: Int? = nil
    ) {
        guard let origin else {
            self.init(code, message, hint: hint)
            return
        }
        // The caret stays inside the setting, however far in `offset` points.
        let start = min(max(0, offset), max(0, origin.length - 1))
        let place = origin.location
        self.init(code, message, hint: hint, at: SourceLocation(file: place.file, line: place.line, column: place.column + start),
                  length: length ?? (origin.length - start), excerpt: origin.excerpt)
    }

    /// Stands for `count` problems of `code` that were counted, not kept.
    public static func tally(_ code: DiagnosticCode, count: Int) -> Diagnostic {
        Diagnostic(code: code, omitted: count)
    }

    private init(code: DiagnosticCode, omitted: Int) {
        self.code = code
        self.message = "\(omitted) more not shown"
        self.hint = nil
        self.location = nil
        self.length = 1
        self.excerpt = nil
        self.omitted = omitted
    }

    /// How many problems this stands for.
    public var weight: Int { omitted > 0 ? omitted : 1 }

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
