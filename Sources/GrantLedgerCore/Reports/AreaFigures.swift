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
    /// With agreed allocations of the grants listed: the area's shares of them, and its spend on
    /// their grants' lines (in the dates asked for); nil otherwise.
    public internal(set) var allocated: Money?
    public internal(set) var spentOnAllocation: Money?
    /// Its forecast on them: its spend to the day, then its part of what the shared lines' forecasts
    /// have still to spend, in proportion to what is left of each area's share.
    public internal(set) var forecastOnAllocation: Money?

    var details: [String?] { [kind, within] }
}
