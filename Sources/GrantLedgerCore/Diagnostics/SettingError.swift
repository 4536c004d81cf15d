/// A setting that could not be read, with its located explanation: thrown (typed) by the setting
/// parsers so the loader can collect every problem of a draft in one run.
public struct SettingError: Error, Sendable {
    public let diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
