/// Where a setting was written — a command-line argument or a line of a scenario file — so that a
/// problem with it is shown in place, with a caret, like a problem in a ledger. A diagnostic at an
/// origin is made by `Diagnostic(_:_:hint:origin:offset:length:)`, the one place that knows how.
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
}
