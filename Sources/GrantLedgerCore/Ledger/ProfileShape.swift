/// A named pattern of spending through the financial year, declared once and used by any number of
/// profiles: weights for each month (April to March) or each quarter (Q1, April to June, to Q4).
///
///     shape school-terms  Youth work follows the school terms
///       quarterly  3 2 4 3
///
/// A line profiled `quarterly school-terms` gets its budget in proportion to the weights of the
/// periods its grant touches, to the penny by largest remainder: a finance officer's "most of it
/// in the autumn" written once, not re-keyed as amounts under every line.
public struct ProfileShape: Hashable, Sendable {
    public let id: String
    public let name: String
    public var length: FinancialPeriod.Length?
    /// One per month (12) or quarter (4) of the financial year, first to last; exact, never negative.
    public var weights: [Rational] = []
    public let location: SourceLocation

    public init(id: String, name: String, location: SourceLocation) {
        self.id = id
        self.name = name
        self.location = location
    }

    /// The weight of `period` (a month or quarter of some financial year, of the shape's length) by its place in the year.
    func weight(of period: FinancialPeriod) -> Rational {
        weights.indices.contains(period.number - 1) ? weights[period.number - 1] : .zero
    }
}

extension ProfileShape: DeclaredEntity {}
