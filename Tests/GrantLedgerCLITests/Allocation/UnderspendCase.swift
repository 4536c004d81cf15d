import Foundation
import GrantLedgerCore

/// One random underspend reallocation for the oracle: a small ledger (one grant with a period, two
/// tranches, lines profiled quarterly as amounts, spend tagged grant:/line:, no commitments and no
/// forecast entries), an as-of day, the year asked for, and an area file with weights. The ledger is
/// written as text; the oracle (Tests/tools/underspend_oracle.py) reads that text itself.
struct UnderspendCase: Codable {
    let id: String
    let ledger: String
    let grant: String
    let fy: String?
    let as_of: String
    let areas: String
    let weights: [String: String]
    let round: String
    let weightArguments: [String]
    /// How the as-of day was drawn, to count that each kind is covered.
    let dayKind: String

    /// The command line that shares the case's underspend, as CSV.
    var arguments: [String] {
        var arguments = ["--underspend", grant, "--as-of", as_of, "--ledger", ledger, "--areas", areas, "--round", round, "--format", "csv"]
        if let fy { arguments += ["--fy", fy] }
        for weight in weightArguments { arguments += ["--weight", weight] }
        return arguments
    }

    static let areaNames = ["Bassetlaw", "Newark and Sherwood", "\"CCTV, Worksop\"", "Nights of action", "\"The \"\"Safe Space\"\" pledge\"",
                            "Target hardening", "Programme management"]

    /// `£1,234.56` or `1234.56`: both spellings the ledger takes.
    static func money(_ pence: Int64, _ rng: inout SeededGenerator) -> String {
        let pounds = String(pence / 100), cents = String(format: "%02lld", pence % 100)
        guard Bool.random(using: &rng) else { return "£\(pounds).\(cents)" }
        var grouped = ""
        for (index, digit) in pounds.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return "£" + String(grouped.reversed()) + "." + cents
    }

    static func day(_ start: Day, plus days: Int) -> Day { start.adding(days: Int32(days)) }

    static func random(_ low: Day, _ high: Day, _ rng: inout SeededGenerator) -> Day {
        high < low ? low : Day(daysSinceEpoch: Int32.random(in: low.daysSinceEpoch...high.daysSinceEpoch, using: &rng))
    }

    /// The financial quarters (first day, last day) the days `first`…`last` touch, worked out here
    /// by month arithmetic (the ledger must have one profile amount for each).
    static func quarters(_ first: Day, _ last: Day) -> [(start: Day, end: Day)] {
        func index(_ day: Day) -> Int {
            let (year, month, _) = day.components
            let monthOfYear = (month + 8) % 12  // April is 0
            return (month >= 4 ? year : year - 1) * 4 + monthOfYear / 3
        }
        return (index(first)...index(last)).compactMap { quarter in
            let year = quarter / 4, startMonth = 4 + (quarter % 4) * 3
            let (startYear, month) = startMonth > 12 ? (year + 1, startMonth - 12) : (year, startMonth)
            guard let start = Day(year: startYear, month: month, day: 1) else { return nil }
            let next = startMonth + 3 > 12 ? Day(year: year + 1, month: startMonth + 3 - 12, day: 1) : Day(year: year, month: startMonth + 3, day: 1)
            return next.map { (start, $0.adding(days: -1)) }
        }
    }
}

extension UnderspendCase {
    /// A grant over parts of two financial years, its lines, profiles, tranches and spend, as ledger text.
    struct Books {
        var text = ""
        var spendDays: [Day] = []
        var quarterEnds: [Day] = []
        let first: Day, last: Day, firstSpendBy: Day, year: Int
    }

    static func books(_ number: Int, _ rng: inout SeededGenerator) -> Books {
        let year = Int.random(in: 2021...2024, using: &rng)
        let yearStart = Day(year: year, month: 4, day: 1) ?? Day(daysSinceEpoch: 0)
        let first = day(yearStart, plus: [0, 91, Int.random(in: 0...270, using: &rng)][Int.random(in: 0..<3, using: &rng)])
        let nextStart = Day(year: year + 1, month: 4, day: 1) ?? yearStart
        let last = day(nextStart, plus: [364, 182, Int.random(in: 40...364, using: &rng)][Int.random(in: 0..<3, using: &rng)])
        let quarters = Self.quarters(first, last)
        // The first tranche is spent by its year's end, or now and then by a day before it.
        let early = Int.random(in: 0..<3, using: &rng) == 0
        let firstSpendBy = day(nextStart, plus: early ? -Int.random(in: 2...60, using: &rng) : -1)
        var books = Books(first: first, last: last, firstSpendBy: firstSpendBy, year: year)
        books.quarterEnds = quarters.map { min($0.end, last) }
        let lineCount = Int.random(in: 1...3, using: &rng)
        var lines = "", profiles = "", spend = ""
        var budgets: Int64 = 0
        var dueIn: [Int64] = [0, 0]
        var transaction = 0
        for line in 1...lineCount {
            let amounts = quarters.map { _ in Int.random(in: 0..<5, using: &rng) == 0 ? 0 : Int64.random(in: 1...3_000_000, using: &rng) }
            let budget = amounts.reduce(0, +)
            budgets += budget
            lines += "  line l\(line)  \(money(budget, &rng))  Line \(line)\n"
            profiles += "  profile l\(line)  quarterly  " + amounts.map { money($0, &rng) }.joined(separator: " ") + "\n"
            for (quarter, amount) in zip(quarters, amounts) {
                let due = min(quarter.end, last)
                dueIn[due < nextStart ? 0 : 1] += amount
                // Spend around the profile: a few postings, together from half to one and a third of it.
                let count = Int.random(in: 0...3, using: &rng)
                guard count > 0, amount > 0 else { continue }
                for _ in 0..<count {
                    let date = random(max(quarter.start, first), min(quarter.end, last), &rng)
                    let pence = max(1, amount * Int64.random(in: 50...133, using: &rng) / 100 / Int64(count))
                    transaction += 1
                    books.spendDays.append(date)
                    let onHeader = Int.random(in: 0..<4, using: &rng) == 0
                    let headerLine = onHeader ? "line:l\(line), " : ""
                    spend += "\(date) * Supplier \(transaction % 5) | Work on line \(line)   ; grant:g\(number), \(headerLine)ref:T-\(transaction)\n"
                    spend += "    expenses:works  \(money(pence, &rng))\(onHeader ? "" : "   ; line:l\(line)")\n    assets:bank\n\n"
                }
            }
        }
        // Now and then spend on no line, which the tranche counts and no line forecasts.
        if Int.random(in: 0..<4, using: &rng) == 0 {
            let date = random(first, last, &rng)
            books.spendDays.append(date)
            let amount = money(Int64.random(in: 1...200_000, using: &rng), &rng)
            spend += "\(date) * Supplier 9 | Room hire   ; grant:g\(number), ref:U-1\n    expenses:staff  \(amount)\n    assets:bank\n\n"
        }
        // Tranches near what the profile puts in each year: some above it (an underspend), some below (none).
        let caps = dueIn.map { due in max(0, due + Int64.random(in: -(due / 8)...(due / 8 + 100_000), using: &rng)) }
        // The second is spent by the grant's last day (a tranche's spend-by is one the grant can spend
        // on), or by a day before it; the tranches are no more than the award.
        let secondSpendBy = [last, random(day(nextStart, plus: 30), last, &rng)][Int.random(in: 0..<2, using: &rng)]
        let award = max(budgets + (Bool.random(using: &rng) ? 0 : 50_000), caps[0] + caps[1])
        books.text = """
            ; Generated for the underspend oracle (case \(number))
            funder ho  Home Office

            grant g\(number)  Generated grant \(number)
              funder  ho
              period  \(first)..\(last)
              award   \(money(award, &rng))
              tranche  \(FinancialYear(startYear: year))  \(money(caps[0], &rng))  by \(books.firstSpendBy)
              tranche  \(FinancialYear(startYear: year + 1))  \(money(caps[1], &rng))  by \(secondSpendBy)

            """ + lines + profiles + "\naccount assets:bank\naccount expenses:works\naccount expenses:staff\n\n" + spend
        return books
    }

    /// The as-of day: most often mid-quarter a few days after spend in that quarter, else a quarter's
    /// last day, a day anywhere in or near the grant, or a day before it starts.
    static func asOf(_ books: Books, _ rng: inout SeededGenerator) -> (Day, String) {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0..<5 where !books.spendDays.isEmpty:
            let spent = books.spendDays[Int.random(in: 0..<books.spendDays.count, using: &rng)]
            return (day(spent, plus: Int.random(in: 0...9, using: &rng)), "after spend")
        case 5, 6: return (books.quarterEnds[Int.random(in: 0..<books.quarterEnds.count, using: &rng)], "quarter end")
        case 7: return (day(books.first, plus: -Int.random(in: 1...40, using: &rng)), "before the grant")
        default: return (random(day(books.first, plus: -10), day(books.last, plus: 5), &rng), "anywhere")
        }
    }

    static func make(_ number: Int, in directory: URL, _ rng: inout SeededGenerator) throws -> UnderspendCase {
        let books = Self.books(number, &rng)
        let ledger = directory.appendingPathComponent("case-\(number).ledger")
        try books.text.write(to: ledger, atomically: true, encoding: .utf8)
        let (asOf, kind) = Self.asOf(books, &rng)
        // Mostly a year whose window is still open; now and then one ended, none, or no year at all.
        var year: Int? = asOf <= books.firstSpendBy && Bool.random(using: &rng) ? books.year : books.year + 1
        switch Int.random(in: 0..<20, using: &rng) {
        case 0: year = books.year
        case 1: year = nil
        case 2: year = books.year + 2
        default: break
        }

        let indicatorCount = Int.random(in: 1...3, using: &rng)
        let names = Array(AllocationOracleTests.indicatorNames.prefix(indicatorCount))
        var csv = "area," + names.joined(separator: ",") + "\n"
        for (index, name) in areaNames.prefix(Int.random(in: 1...areaNames.count, using: &rng)).enumerated() {
            var cells = names.map { _ in AllocationOracleTests.value(&rng) }
            if index == 0 { cells = cells.map { $0 == "0" ? "1" : $0 } }
            csv += name + "," + cells.joined(separator: ",") + "\n"
        }
        let areas = directory.appendingPathComponent("case-\(number).csv")
        try csv.write(to: areas, atomically: true, encoding: .utf8)
        let weights = AllocationOracleTests.weights(indicatorCount, &rng)
        return UnderspendCase(
            id: "case-\(number)", ledger: ledger.path, grant: "g\(number)", fy: year.map { FinancialYear(startYear: $0).description },
            as_of: asOf.description, areas: areas.path, weights: Dictionary(uniqueKeysWithValues: zip(names, weights)),
            round: Int.random(in: 0..<6, using: &rng) == 0 ? "1.00" : "0.01", weightArguments: zip(names, weights).map { "\($0)=\($1)" },
            dayKind: kind)
    }
}
