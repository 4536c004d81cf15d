/// Safer Streets style tranches: money for one financial year must be spent in that year, by its
/// spend-by date and within its cap, because funders do not let it move between years.
public enum TrancheChecks {
    /// A tranche whose year's spend passed its cap.
    public struct Overspend: Hashable, Sendable {
        public let grant: Int
        public let tranche: Int
        public let spent: MoneyTotal
        public let over: MoneyTotal
    }

    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        let (problems, overspends) = tally(ledger)
        return problems + overspends.map { overspend in
            let grant = ledger.grants[overspend.grant], tranche = grant.tranches[overspend.tranche]
            return Diagnostic(
                .trancheOverspent, "grant \(grant.id) spent \(overspend.spent) in \(tranche.financialYear) against a tranche of \(tranche.cap): \(overspend.over) over",
                hint: "a tranche cannot be topped up from another year: move spend to another funding source",
                at: tranche.location, length: "tranche".utf8.count)
        }
    }

    /// A grant's tranches within what it can spend: each year in its period, spent by a day it can
    /// still spend on (its deadline, or its period's end), together no more than its award. Read as a
    /// standard check: money at risk and the funders' conditions both count on it.
    @Sendable public static func declarations(_ ledger: Ledger) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for grant in ledger.grants where !grant.tranches.isEmpty {
            for tranche in grant.tranches {
                if let period = grant.period, tranche.financialYear.period.end < period.start || tranche.financialYear.period.start > period.end {
                    problems.append(Diagnostic(.badPeriod, "grant \(grant.id)'s \(tranche.financialYear) tranche falls outside its period \(period)",
                                               hint: "a tranche is money for one of the grant's own years", at: tranche.location, length: "tranche".utf8.count))
                } else if let last = grant.spendDeadline, tranche.spendBy > last {
                    problems.append(Diagnostic(.badPeriod, "grant \(grant.id)'s \(tranche.financialYear) tranche is to be spent by \(tranche.spendBy), after \(last), the last day it can spend on",
                                               hint: "spend-by no later than the grant's deadline (or its period's end)",
                                               at: tranche.spendByLocation ?? tranche.location, length: 10))
                }
            }
            if let award = grant.award, let total = try? Money.sum(grant.tranches.map(\.cap)), total > award {
                problems.append(Diagnostic(.badValue, "grant \(grant.id)'s tranches add up to \(total.formatted(.display)), more than its award of \(award.formatted(.display))",
                                           hint: "the tranches are the award split by year: correct a tranche or the award",
                                           at: grant.tranches[0].location, length: "tranche".utf8.count))
            }
        }
        return problems
    }

    /// Every tranche spent past its cap, grant by grant: what the finding and the workbook's Summary both say.
    public static func overspends(_ ledger: Ledger) -> [Overspend] { tally(ledger).overspends }

    /// Spend dated outside any tranche or after its spend-by date, as problems, and the tranches overspent.
    static func tally(_ ledger: Ledger) -> (problems: [Diagnostic], overspends: [Overspend]) {
        var problems: [Diagnostic] = []
        let tranched = ledger.grants.indices.filter { !ledger.grants[$0].tranches.isEmpty }
        guard !tranched.isEmpty else { return ([], []) }
        // Spend per grant per tranche, in flat arrays: the loop below sees every posting.
        var totals: [[MoneyTotal]] = ledger.grants.map { [MoneyTotal](repeating: MoneyTotal(), count: $0.tranches.count) }
        let isExpense = ledger.accounts.map { $0.kind == .expenses }
        let hasTranches = ledger.grants.map { !$0.tranches.isEmpty }
        for posting in ledger.postings where posting.grant >= 0 && isExpense[Int(posting.account)] && hasTranches[Int(posting.grant)] {
            let grant = ledger.grants[Int(posting.grant)]
            let date = ledger.transactions[Int(posting.transaction)].date
            // Spend outside the grant's own window is already an error (spend-outside-period).
            if let period = grant.period, let deadline = grant.spendDeadline, date < period.start || date > deadline { continue }
            let year = date.financialYear
            let account = ledger.account(of: posting).name
            guard let index = grant.tranches.firstIndex(where: { $0.financialYear == year }) else {
                let years = grant.tranches.map(\.financialYear.description).joined(separator: ", ")
                problems.append(Diagnostic(
                    .spendOutsideTranche, "spend dated \(date) falls in \(year), a year with no tranche of grant \(grant.id) (its tranches: \(years))",
                    hint: "tranches cannot move between years: check the date, or the grant tag",
                    at: ledger.location(of: posting), length: account.utf8.count))
                continue
            }
            let tranche = grant.tranches[index]
            if date > tranche.spendBy {
                problems.append(Diagnostic(
                    .spendOutsideTranche, "spend dated \(date) is after \(tranche.spendBy), the date by which grant \(grant.id)'s \(year) tranche must be spent",
                    hint: "money not spent by the date is lost: check the date, or agree a change with the funder",
                    at: ledger.location(of: posting), length: account.utf8.count))
            }
            totals[Int(posting.grant)][index].add(posting.amount)
        }
        var overspends: [Overspend] = []
        for grantIndex in tranched {
            for (index, tranche) in ledger.grants[grantIndex].tranches.enumerated() {
                let spent = totals[grantIndex][index], over = spent - MoneyTotal(tranche.cap)
                if over.pence > 0 { overspends.append(Overspend(grant: grantIndex, tranche: index, spent: spent, over: over)) }
            }
        }
        return (problems, overspends)
    }
}
