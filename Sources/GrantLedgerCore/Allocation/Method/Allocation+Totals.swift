/// What an allocation's areas add up to beside their amounts, and what is kept back from them: the
/// one home of these figures, so that the table, the CSV and the committee workbook's sheets show
/// the same totals (each area's own per-head figure and change are `AreaAllocation`'s).
extension Allocation {
    /// The top-slices retained centrally (paid to no area), in the order given. Every output lists
    /// them below the areas, so that its rows add up to the pot.
    public var retainedSlices: [TopSlice] { topSlices.filter { $0.area == nil } }

    /// What the top-slices retained centrally add up to. They add up to at most the pot (the
    /// settings' checks), so the sum cannot overflow.
    public var retained: Money { Money(pence: retainedSlices.reduce(0) { $0 + $1.amount.pence }) }

    /// The per-head bases added up (zero when per-head figures were not asked for).
    public var perHeadBaseTotal: Rational { Rational.sum(areas.compactMap(\.perHeadBase)) }

    /// Pence per head over all the areas, `total / Σ base`; `nil` without a base, or when the bases
    /// add up to zero.
    public var totalPerHead: Rational? {
        let base = perHeadBaseTotal
        guard perHeadColumn != nil, !base.isZero else { return nil }
        return Rational(pence: total).divided(byNonZero: base)
    }

    /// Last year's amounts added up, when a previous allocation was given. They add up within
    /// `Money.spreadsheetLimit` (the previous file's gate), so the checked sum cannot overflow.
    public var previousTotal: Money? {
        guard previousFile != nil else { return nil }
        return Money(pence: areas.reduce(0) { $0 + ($1.previous?.pence ?? 0) })
    }

    /// The areas' total less last year's. Both are within `Money.spreadsheetLimit`, so the
    /// difference cannot overflow.
    public var totalChange: Money? { previousTotal.map { Money(pence: total.pence - $0.pence) } }

    /// The total change as a fraction of last year's total; `nil` when last year's was zero.
    public var totalChangeFraction: Rational? {
        guard let previousTotal, previousTotal.pence != 0, let totalChange else { return nil }
        return Rational(Int128(totalChange.pence), Int128(previousTotal.pence))
    }
}
