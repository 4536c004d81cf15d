/// How text meant for people is marked: `plain` (the bytes every file, pipe and test sees) or
/// `ansi`, with colours as SGR escape sequences, for a terminal. The caller chooses one per stream
/// (the CLI's `Console`, from isatty and `NO_COLOR`); the core only applies it, so a renderer given
/// `.plain` writes exactly what it wrote before colour existed.
///
/// Colour is added to a piece of text after it has been measured and padded, never before, so the
/// escape codes take no room in a column.
public struct TerminalStyle: Hashable, Sendable {
    /// Whether escape sequences are written.
    public let usesColour: Bool

    public static let plain = TerminalStyle(usesColour: false)
    public static let ansi = TerminalStyle(usesColour: true)

    /// What a piece of text means, which decides its colour.
    public enum Tone: Sendable {
        /// An error's label and caret: bold red.
        case error
        /// A finding's label and caret: yellow.
        case finding
        /// `hint:`: cyan.
        case hint
        /// RAG statuses: red, amber (yellow, as terminals have no amber) and green.
        case red, amber, green

        /// The tone of a problem of `severity`.
        public init(_ severity: Severity) {
            self = severity == .error ? .error : .finding
        }

        /// The RAG tone of a status as reports write it (`Red`, `Amber`, `Green`); nil for other text.
        public init?(status: String) {
            switch SpendStatusRule.Status(rawValue: status) {
            case .red: self = .red
            case .amber: self = .amber
            case .green: self = .green
            case nil: return nil
            }
        }

        /// The SGR parameters: 1 bold, 31 red, 32 green, 33 yellow, 36 cyan.
        var parameters: String {
            switch self {
            case .error: return "1;31"
            case .finding, .amber: return "33"
            case .hint: return "36"
            case .red: return "31"
            case .green: return "32"
            }
        }
    }

    /// `text` in `tone`: unchanged when plain (or empty), else wrapped in the tone's escape and a reset.
    public func paint(_ text: String, _ tone: Tone) -> String {
        guard usesColour, !text.isEmpty else { return text }
        return "\u{1B}[\(tone.parameters)m\(text)\u{1B}[0m"
    }
}
