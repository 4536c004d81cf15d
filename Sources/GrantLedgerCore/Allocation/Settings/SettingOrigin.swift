/// Where a setting was written — a command-line argument or a line of a scenario file — so that a
/// problem with it is shown in place, with a caret, like a problem in a ledger.
public struct SettingOrigin: Hashable, Sendable {
    /// Where the setting's text starts.
    public let location: SourceLocation
    /// The setting's length in bytes.
    public let length: Int
    /// The line it sits on (the whole command line, for an argument).
    public let excerpt: String?

    public init(location: SourceLocation, length: Int, excerpt: String?) {
        self.location = location
        self.length = length
        self.excerpt = excerpt
    }

    /// A diagnostic pointing `offset` bytes into the setting, `length` bytes long (the whole setting
    /// when `length` is nil).
    public func diagnostic(
        _ code: DiagnosticCode, _ message: String, hint: String? = nil, offset: Int = 0, length: Int? = nil
    ) -> Diagnostic {
        let start = min(max(0, offset), max(0, self.length - 1))
        let location = SourceLocation(file: location.file, line: location.line, column: location.column + start)
        return Diagnostic(code, message, hint: hint, at: location, length: length ?? (self.length - start), excerpt: excerpt)
    }
}

/// A diagnostic at `origin` when there is one, unlocated otherwise (settings made in code).
func diagnostic(
    _ code: DiagnosticCode, _ message: String, hint: String? = nil, at origin: SettingOrigin?, offset: Int = 0,
    length: Int? = nil
) -> Diagnostic {
    Diagnostic(code, message, hint: hint, origin: origin, offset: offset, length: length)
}

/// A value with the place it was written.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let origin: SettingOrigin?

    public init(_ value: Value, at origin: SettingOrigin? = nil) {
        self.value = value
        self.origin = origin
    }
}

/// A setting that could not be read, with its located explanation.
public struct SettingError: Error, Sendable {
    public let diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
