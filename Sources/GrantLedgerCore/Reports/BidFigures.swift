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

extension ReportFigures where Row == BidFigures {
    /// The bids report's totals, in its column order, each overflow named by the column's title.
    public func totals() throws(ReportError) -> (requested: Money, awarded: Money, spent: Money, underspend: Money) {
        (try Money.total(rows.compactMap(\.bid.requested), "Requested"), try Money.total(rows.compactMap(\.bid.awarded), "Awarded"),
         try Money.total(rows.compactMap(\.spent), "Spent"), try Money.total(rows.compactMap(\.underspend), "Underspend"))
    }
}
