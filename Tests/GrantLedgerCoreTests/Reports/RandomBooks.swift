@testable import GrantLedgerCore

/// Random but valid ledger text from a seed: areas in a tree, grants with lines inside their award,
/// bids, and spend dated inside each grant's period with random tags. The same seed gives the same
/// books, so a failing property names the seed that reproduces it.
struct RandomBooks {
    struct Rng: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    struct GrantShape {
        let id: String
        let period: Period
        let lines: [String]
    }

    var rng: Rng
    var text = ""
    var areas: [String] = []
    var initiatives: [String] = []
    var grants: [GrantShape] = []

    init(seed: Int) { rng = Rng(state: UInt64(truncatingIfNeeded: seed)) }

    static func text(seed: Int) -> String {
        var books = RandomBooks(seed: seed)
        books.build()
        return books.text
    }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }
    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[Int.random(in: 0..<items.count, using: &rng)] }
    mutating func pence(_ range: ClosedRange<Int64>) -> Money { Money(pence: Int64.random(in: range, using: &rng)) }
    mutating func amountText(_ money: Money) -> String { chance(50) ? money.formatted(.display) : money.formatted(.plain) }

    mutating func build() {
        text += "funder f1  Funder One\nfunder f2  Funder Two\n\n"
        text += "area county  County\n  type  county\n"
        areas.append("county")
        for c in 0..<Int.random(in: 1...2, using: &rng) {
            text += "area csp\(c)  CSP \(c)\n  type  csp\n  within  county\n"
            areas.append("csp\(c)")
            for d in 0..<Int.random(in: 1...3, using: &rng) {
                text += "area d\(c)-\(d)  District \(c)-\(d), with a comma\n  type  district\n  within  csp\(c)\n"
                areas.append("d\(c)-\(d)")
            }
        }
        text += "area city  City\n  type  city\n\n"
        areas.append("city")
        for i in 0..<Int.random(in: 0...3, using: &rng) {
            text += "initiative in\(i)  Initiative \(i)\n"
            if chance(70) { text += "  lead  Lead \(i)\n" }
            if let area = pick(areas) { text += "  area  \(area)\n" }
            initiatives.append("in\(i)")
        }
        text += "\n"
        for g in 0..<Int.random(in: 1...4, using: &rng) {
            let year = FinancialYear(startYear: Int.random(in: 2019...2022, using: &rng))
            let period = chance(70) ? year.period
                : Period(start: year.period.start.adding(days: Int32.random(in: 0...100, using: &rng)),
                         end: year.period.end.adding(days: Int32.random(in: 0...200, using: &rng)))
            let award = pence(100_000...100_000_000)
            text += "grant g\(g)  Grant \(g)\n  funder  f\(g % 2 + 1)\n  period  \(period)\n  award  \(amountText(award))\n"
            var left = award.pence
            var lines: [String] = []
            for l in 0..<Int.random(in: 0...4, using: &rng) where left > 0 {
                let budget = chance(20) ? left : Int64.random(in: 0...left, using: &rng)
                left -= budget
                text += "  line l\(l)  \(amountText(Money(pence: budget)))  Line \(l)\n"
                lines.append("l\(l)")
            }
            grants.append(GrantShape(id: "g\(g)", period: period, lines: lines))
            text += "\n"
        }
        for b in 0..<Int.random(in: 0...3, using: &rng) {
            let requested = pence(1_000...50_000_000)
            text += "bid b\(b)  Bid \(b)\n  fund  Fund\n  round  \(b)\n  requested  \(amountText(requested))\n"
            if let grant = pick(grants), chance(70) { text += "  grant  \(grant.id)\n" }
            text += "  2019-01-0\(b + 1)  draft\n  2019-02-01  submitted\n"
            text += chance(70) ? "  2019-03-01  awarded  \(amountText(requested))\n" : "  2019-03-01  rejected\n"
            text += "\n"
        }
        let expenseAccounts = ["expenses:a", "expenses:b", "expenses:b:c"]
        for account in expenseAccounts + ["assets:bank", "assets:bank:petty", "income:grants", "liabilities:owed"] {
            text += "account \(account)\n"
        }
        for _ in 0..<Int.random(in: 0...30, using: &rng) {
            guard let grant = pick(grants) else { break }
            let span = grant.period.end.daysSinceEpoch - grant.period.start.daysSinceEpoch
            let date = grant.period.start.adding(days: Int32.random(in: 0...span, using: &rng))
            let grantOnHeader = chance(60)
            text += "\n\(date) \(pick(["*", "!", ""]) ?? "") Payee | note\(grantOnHeader ? "   ; grant:\(grant.id)" : "")\n"
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let account = chance(85) ? (pick(expenseAccounts) ?? "expenses:a") : "liabilities:owed"
                let amount = chance(10) ? pence(-50_000...(-1)) : pence(0...5_000_000)
                var tags: [String] = []
                if !grantOnHeader && chance(80) { tags.append("grant:\(grant.id)") }
                if grantOnHeader || tags.count == 1, let line = pick(grant.lines), chance(70) { tags.append("line:\(line)") }
                if let area = pick(areas), chance(70) { tags.append("area:\(area)") }
                if let initiative = pick(initiatives), chance(50) { tags.append("initiative:\(initiative)") }
                if chance(30) { tags.append("class:\(chance(50) ? "capital" : "revenue")") }
                text += "    \(account)  \(amountText(amount))\(tags.isEmpty ? "" : "  ; " + tags.joined(separator: ", "))\n"
            }
            text += chance(80) ? "    assets:bank\n" : "    assets:bank:petty\n"
        }
        text += "\n"
    }
}
