/// One bid with the spend on the grant it became and the underspend (awarded − spent). Spend is
/// nil when the bid became no grant, or when an earlier bid already shows that grant's spend.
public struct BidFigures: Hashable, Sendable {
    public let bid: Bid
    /// When it was decided: awarded, part-awarded, rejected or withdrawn.
    public let decided: Day?
    public let spent: Money?
    /// Nil unless there is both an award and a spend to take from it.
    public let underspend: Money?
}

/// The bids report's totals, in its column order.
public struct BidTotals: Hashable, Sendable {
    public let requested: Money
    public let awarded: Money
    public let spent: Money
    public let underspend: Money
}

extension ReportFigures where Row == BidFigures {
    public func totals() throws(ReportError) -> BidTotals {
        BidTotals(requested: try Money.total(rows.compactMap(\.bid.requested), "Requested"),
                  awarded: try Money.total(rows.compactMap(\.bid.awarded), "Awarded"),
                  spent: try Money.total(rows.compactMap(\.spent), "Spent"),
                  underspend: try Money.total(rows.compactMap(\.underspend), "Underspend"))
    }
}
