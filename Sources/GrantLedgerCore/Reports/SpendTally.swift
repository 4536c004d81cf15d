/// Spend in scope, added up every way the reports group it, in one pass over the postings.
/// "Spend" is `Ledger.isSpend`: a posting to an expenses account tagged with a grant.
struct SpendTally {
    var byGrant: [Money]
    /// Per grant, per line (the index into `Grant.lines`).
    var byLine: [[Money]]
    /// Per grant: spend with no `line:` tag.
    var unlined: [Money]
    var byArea: [Money]
    var areaCounts: [Int]
    var noArea = Money.zero
    var noAreaCount = 0
    var byInitiative: [Money]
    var initiativeCounts: [Int]
    var noInitiative = Money.zero
    var noInitiativeCount = 0

    init(_ scope: ReportScope) throws(ReportError) {
        let ledger = scope.ledger
        byGrant = Array(repeating: .zero, count: ledger.grants.count)
        byLine = ledger.grants.map { Array(repeating: .zero, count: $0.lines.count) }
        unlined = byGrant
        byArea = Array(repeating: .zero, count: ledger.areas.count)
        areaCounts = Array(repeating: 0, count: ledger.areas.count)
        byInitiative = Array(repeating: .zero, count: ledger.initiatives.count)
        initiativeCounts = Array(repeating: 0, count: ledger.initiatives.count)
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
                if posting.area >= 0 {
                    byArea[Int(posting.area)] = try byArea[Int(posting.area)].adding(amount)
                    areaCounts[Int(posting.area)] += 1
                } else {
                    noArea = try noArea.adding(amount)
                    noAreaCount += 1
                }
                if posting.initiative >= 0 {
                    byInitiative[Int(posting.initiative)] = try byInitiative[Int(posting.initiative)].adding(amount)
                    initiativeCounts[Int(posting.initiative)] += 1
                } else {
                    noInitiative = try noInitiative.adding(amount)
                    noInitiativeCount += 1
                }
            }
        } catch {
            throw .overflow("spend")
        }
    }
}
