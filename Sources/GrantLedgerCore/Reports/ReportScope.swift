/// A `ReportFilter` resolved against one ledger: ids turned into indices, the area tree walked once,
/// so that deciding whether a posting counts is integer work.
struct ReportScope {
    let ledger: Ledger
    let filter: ReportFilter
    let start: Day?
    let end: Day?
    let grant: Int32?
    /// Indexed by area; nil when no area was asked for.
    let areas: [Bool]?

    /// The same grant and area, dated before this scope's first day: the spend brought forward.
    var before: ReportScope? {
        guard let start else { return nil }
        return ReportScope(self, end: start.adding(days: -1))
    }

    private init(_ other: ReportScope, end: Day) {
        ledger = other.ledger
        filter = other.filter
        start = nil
        self.end = end
        grant = other.grant
        areas = other.areas
    }

    init(_ ledger: Ledger, _ filter: ReportFilter) throws(ReportError) {
        self.ledger = ledger
        self.filter = filter
        start = filter.start
        end = filter.end
        if let start, let end, end < start { throw .emptyRange(from: start, to: end) }
        if let id = filter.grantID {
            guard let index = ledger.grantIndex[id] else {
                throw .unknownGrant(id, suggestion: ledger.suggestedGrant(for: id))
            }
            grant = Int32(index)
        } else {
            grant = nil
        }
        if let id = filter.areaID {
            guard let index = ledger.areaIndex[id] else {
                throw .unknownArea(id, suggestion: SuggestedName(id, among: ledger.areas.map(\.id)))
            }
            areas = Self.subtree(of: index, in: ledger)
        } else {
            areas = nil
        }
    }

    /// Every area at or under `root` (see `Ledger.areas(under:)`: linear however deep the nesting).
    static func subtree(of root: Int, in ledger: Ledger) -> [Bool] {
        ledger.areas(under: root)
    }

    func includes(day: Day) -> Bool {
        if let start, day < start { return false }
        if let end, day > end { return false }
        return true
    }

    /// Whether a posting counts: dated in range, carrying the grant and an area asked for.
    func includes(_ posting: Posting) -> Bool {
        if let grant, posting.grant != grant { return false }
        if let areas, posting.area < 0 || !areas[Int(posting.area)] { return false }
        return includes(day: ledger.transactions[Int(posting.transaction)].date)
    }

    func includesArea(_ index: Int) -> Bool { areas?[index] ?? true }

    /// The grants a report lists, in declaration order: `--grant` picks one, `--fy` those whose
    /// period overlaps the year.
    var grants: [Int] {
        ledger.grants.indices.filter { index in
            if let grant, index != Int(grant) { return false }
            if let span = filter.span, let period = ledger.grants[index].period {
                return period.start <= span.end && span.start <= period.end
            }
            return true
        }
    }
}

extension Ledger {
    /// What a hint can offer for a grant id the books do not have: the declared one nearest it,
    /// else the grants there are.
    public func suggestedGrant(for id: String) -> SuggestedName { SuggestedName(id, among: grants.map(\.id)) }
}
