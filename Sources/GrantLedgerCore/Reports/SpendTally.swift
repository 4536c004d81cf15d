/// Spend in scope, added up every way the reports group it, in one pass over the postings.
/// "Spend" is `Ledger.isSpend`: a posting to an expenses account tagged with a grant.
struct SpendTally {
    var byGrant: [Money]
    /// Per grant, per line (the index into `Grant.lines`).
    var byLine: [[Money]]
    /// Per grant: spend with no `line:` tag.
    var unlined: [Money]
    var areas: TagTally
    var initiatives: TagTally

    init(_ scope: ReportScope) throws(ReportError) {
        let ledger = scope.ledger
        byGrant = Array(repeating: .zero, count: ledger.grants.count)
        byLine = ledger.grants.map { Array(repeating: .zero, count: $0.lines.count) }
        unlined = byGrant
        areas = TagTally(count: ledger.areas.count)
        initiatives = TagTally(count: ledger.initiatives.count)
        do throws(MoneyError) {
            for posting in ledger.postings where ledger.isSpend(posting) && scope.includes(posting) {
                let amount = posting.amount
                let grant = Int(posting.grant)
                byGrant[grant] = try byGrant[grant].adding(amount)
                let line = Int(posting.grantLine)
                if line >= 0 && line < byLine[grant].count {
                    byLine[grant][line] = try byLine[grant][line].adding(amount)
                } else {
                    unlined[grant] = try unlined[grant].adding(amount)
                }
                try areas.add(amount, at: posting.area)
                try initiatives.add(amount, at: posting.initiative)
            }
        } catch {
            throw .overflow("spend")
        }
    }

    /// The scope's tally and, when its dates have a start, the tally of the spend before it.
    static func withBefore(_ scope: ReportScope) throws(ReportError) -> (SpendTally, before: SpendTally?) {
        let tally = try SpendTally(scope)
        return (tally, try scope.before.map { scope throws(ReportError) in try SpendTally(scope) })
    }
}

/// Spend grouped by one optional tag (area or initiative): a sum and a count of postings per
/// declared entity, and the same for the postings that carry none.
struct TagTally {
    var sums: [Money]
    var counts: [Int]
    var untagged = Money.zero
    var untaggedCount = 0

    init(count: Int) {
        sums = Array(repeating: .zero, count: count)
        counts = Array(repeating: 0, count: count)
    }

    /// Counts `amount` under entity `index`, or under no tag when the index is negative.
    mutating func add(_ amount: Money, at index: Int32) throws(MoneyError) {
        if index >= 0 {
            let i = Int(index)
            sums[i] = try sums[i].adding(amount)
            counts[i] += 1
        } else {
            untagged = try untagged.adding(amount)
            untaggedCount += 1
        }
    }
}
