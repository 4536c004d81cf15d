/// One area's own spend and postings (no roll-up into its parents), or the same for spend with no area.
public struct AreaFigures: Hashable, Sendable, TaggedSpend {
    public let key: TagKey
    public let name: String
    /// The area's type (`csp`, `district`), when declared.
    public let kind: String?
    /// The id of the area it sits within, if any.
    public let within: String?
    public let spent: Money
    public let postings: Int

    var details: [String?] { [kind, within] }
}
