/// How the caller names the settings that lift the input door's limits, for the hints that say
/// how to lift them: the CLI hands over its options (`--max-file-size`), a library caller that
/// gives none gets plain words. The core never spells an option itself.
public struct InputWording: Sendable, Hashable {
    /// A setting a hint tells the reader to change.
    public enum Setting: Sendable, Hashable {
        /// Let includes reach outside the folder of the books named.
        case includesAnywhere
        /// Raise the largest file that is read.
        case maximumFileSize
        /// Raise how many entries a folder of books is walked through.
        case maximumFolderEntries
        /// Name the rules file an import is read with (the whole hint).
        case rulesFile
    }

    /// The phrase for each setting the caller words; the rest are said neutrally.
    public var phrases: [Setting: String]

    public init(_ phrases: [Setting: String] = [:]) {
        self.phrases = phrases
    }

    /// The caller's phrase for `setting`, or the neutral one.
    public func phrase(_ setting: Setting) -> String {
        if let phrase = phrases[setting] { return phrase }
        switch setting {
        case .includesAnywhere: return "allow includes outside the folder"
        case .maximumFileSize: return "raise the limit on a file's size"
        case .maximumFolderEntries: return "raise the limit on the entries walked"
        case .rulesFile: return "name the rules file that describes this export"
        }
    }
}
