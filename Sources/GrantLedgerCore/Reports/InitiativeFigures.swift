/// One initiative's spend and postings, or the same for spend tagged with no initiative.
public struct InitiativeFigures: Hashable, Sendable, TaggedSpend {
    public let key: TagKey
    public let name: String
    public let lead: String?
    public let areaID: String?
    /// The grant the initiative is declared for (nil for the untagged row).
    public let grantID: String?
    /// Spend dated before the period asked for: only when asked for and the dates have a start.
    public let spentBefore: Money?
    public let spent: Money
    public let postings: Int

    var details: [String?] { [lead, areaID] }
}

extension ReportFigures where Row == InitiativeFigures {
    /// The initiatives report's total of spend.
    public func spentTotal() throws(ReportError) -> Money { try Money.total(rows.map(\.spent), "Spent") }
}
