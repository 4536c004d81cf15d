/// Capital and revenue caps (`capital £…`, `revenue £…` on a grant): funders often limit each, so
/// spend beyond either is a finding, and spend that says neither cannot be checked, which is one too.
public enum SpendClassChecks {
    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        let capped = ledger.grants.map { $0.capitalCap != nil || $0.revenueCap != nil }
        guard capped.contains(true) else { return [] }
        var capital = [MoneyTotal](repeating: MoneyTotal(), count: ledger.grants.count)
        var revenue = capital
        var problems: [Diagnostic] = []
        let isExpense = ledger.accounts.map { $0.kind == .expenses }
        for posting in ledger.postings where posting.grant >= 0 && isExpense[Int(posting.account)] && capped[Int(posting.grant)] {
            let grant = Int(posting.grant)
            switch posting.spendClass {
            case .capital?:
                capital[grant].add(posting.amount)
            case .revenue?:
                revenue[grant].add(posting.amount)
            case nil:
                let account = ledger.account(of: posting).name
                problems.append(Diagnostic(
                    .unclassifiedSpend, "spend on grant \(ledger.grants[grant].id), which caps capital and revenue, says neither",
                    hint: "add class:capital or class:revenue to the posting", at: ledger.location(of: posting),
                    length: account.utf8.count))
            }
        }
        for (index, grant) in ledger.grants.enumerated() where capped[index] {
            for (kind, cap, spent) in [("capital", grant.capitalCap, capital[index]), ("revenue", grant.revenueCap, revenue[index])] {
                guard let cap, case let over = spent - MoneyTotal(cap), over.pence > 0 else { continue }
                problems.append(Diagnostic(
                    .classCapExceeded, "grant \(grant.id) spent \(spent) as \(kind) against a cap of \(cap): \(over) over",
                    hint: "check the class: tags, or agree a change to the split with the funder",
                    at: grant.location, length: grant.id.utf8.count))
            }
        }
        return problems
    }
}
