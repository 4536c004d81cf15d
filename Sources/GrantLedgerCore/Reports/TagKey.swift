/// What a row of grouped spend is about: a declared line, initiative or area by its id, or the
/// bucket for what carries no such tag (spend with no `line:`, `initiative:` or `area:`, and a
/// grant's award that no line holds). The bucket is a case, not a magic id, so nothing downstream
/// has to recognise a label; its label is written here only.
public enum TagKey: Hashable, Sendable {
    case id(String)
    case untagged

    /// What the reports show for the untagged bucket: ids cannot contain parentheses, so it cannot
    /// be mistaken for a declared one.
    public static let untaggedLabel = "(none)"

    public var label: String {
        switch self {
        case .id(let id): return id
        case .untagged: return Self.untaggedLabel
        }
    }

    /// The declared id, or nil for the untagged bucket.
    public var id: String? {
        if case .id(let id) = self { return id }
        return nil
    }
}
