/// The return for one claim, as a funder's quarterly return sets it out: the grant's eligible spend
/// in the claim's period by line, capital and revenue, and cumulative to the period's end, against
/// each line's profile and budget; match funding in the period and to date; what is left of the
/// year's tranche; the variance notes for the period; what was claimed and received. Every figure is
/// a sum of postings listed with it (`spend`, `match`), so it can be traced to file and line.
public struct ClaimReturn: Sendable {
    public let grant: Grant
    public let figures: ClaimFigures

    /// One line of the return (the untagged key: spend on no line).
    public struct Line: Hashable, Sendable {
        public let key: TagKey
        public let name: String
        public let budget: Money
        /// Nil without a profile (the untagged row).
        public let profiled: Money?
        public let capital: Money
        public let revenue: Money
        /// Spend with no class: tag.
        public let unclassified: Money
        public let inPeriod: Money
        public let profiledToDate: Money?
        public let cumulative: Money
        public var remaining: Money { Money(pence: budget.pence - cumulative.pence) }
    }

    public let lines: [Line]
    /// Match funding (`match:GRANT`) dated in the period, and from the grant's start to the period's end.
    public let matchInPeriod: Money
    public let matchToDate: Money
    /// The match the grant needs on its spend to date (`match 50%`), rounded up to the penny; nil without one.
    public let matchRequired: Money?
    /// The tranche of the year the period falls in, with the year's spend to the period's end.
    public let tranche: TrancheUse?

    public struct TrancheUse: Hashable, Sendable {
        public let tranche: Tranche
        public let spent: Money
        public var left: Money { Money(pence: tranche.cap.pence - spent.pence) }
    }
    public let notes: [VarianceNote]
    /// The grant's spend in the period, and the match funding in it, in date order.
    public let spend: [TracedPosting]
    public let match: [TracedPosting]

}
