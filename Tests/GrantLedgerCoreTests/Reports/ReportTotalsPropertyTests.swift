import GrantLedgerCore
import PropertyBased
import Testing

/// Every report on random books keeps its promises: totals are the sum of the rows, a grant's lines
/// add up to it, the reports agree with each other and with an independent sum of the postings.
@Suite struct ReportTotalsPropertyTests {
    @Test func totalsAreTheSumOfRowsOnRandomBooks() async throws {
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000_000)) { seed in
            let text = RandomBooks.text(seed: seed)
            let (ledger, diagnostics) = LedgerLoader.load(text: text)
            let errors = diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "seed \(seed): \(errors.map(\.message))\n\(text)")
            for filter in Self.filters(for: ledger, seed: seed) {
                try Self.check(ledger, filter, seed: seed)
            }
        }
    }

    static func filters(for ledger: Ledger, seed: Int) -> [ReportFilter] {
        var rng = RandomBooks.Rng(state: UInt64(seed) &* 31)
        var filters = [ReportFilter()]
        filters.append(ReportFilter(financialYear: FinancialYear(startYear: Int.random(in: 2019...2023, using: &rng))))
        if let grant = ledger.grants.randomElement(using: &rng) { filters.append(ReportFilter(grantID: grant.id)) }
        if let area = ledger.areas.randomElement(using: &rng) { filters.append(ReportFilter(areaID: area.id)) }
        let start = Day(year: 2019, month: 4, day: 1)!.adding(days: Int32.random(in: 0...1000, using: &rng))
        filters.append(ReportFilter(from: start, to: start.adding(days: Int32.random(in: 0...400, using: &rng))))
        return filters
    }

    static func check(_ ledger: Ledger, _ filter: ReportFilter, seed: Int) throws {
        var spentTotals: [ReportKind: Money] = [:]
        for kind in ReportKind.allCases {
            let report = try kind.build(ledger, filter)
            try ReportInvariants.totalsAreTheSumOfRows(report)
            if kind == .grants {
                let before = report.columnIndex("spent_before") != nil ? ["spent_before"] : []
                try ReportInvariants.detailRowsAddUp(report, columns: ["budget", "spent", "remaining"] + before)
            }
            if kind == .grants || kind == .lines {
                try ReportInvariants.remainingIsBudgetLessSpend(report)
                if let before = report.columnIndex("spent_before") {
                    var earlier = filter
                    earlier.financialYear = nil
                    earlier.from = nil
                    earlier.to = filter.start?.adding(days: -1)
                    // --fy lists only the grants whose period overlaps the year: spend before is theirs.
                    let listed: (Posting) -> Bool = { posting in
                        guard let year = filter.financialYear, let period = ledger.grants[Int(posting.grant)].period else { return true }
                        return period.start <= year.period.end && year.period.start <= period.end
                    }
                    #expect(report.totals.cells[before].money == (try spend(ledger, earlier, where: listed)), "seed \(seed): spend before")
                } else {
                    #expect(filter.start == nil, "seed \(seed): a start date shows spend before it")
                }
            }
            if let spent = report.columnIndex("spent"), kind != .bids {
                spentTotals[kind] = report.totals.cells[spent].money
            }
            if kind == .balance {
                try checkBalance(report, ledger, filter, seed: seed)
            }
        }
        let oracle = try spend(ledger, filter)
        for (kind, total) in spentTotals {
            #expect(total == oracle, "seed \(seed), \(filter.caption): \(kind) spend \(total) vs postings \(oracle)")
        }
    }

    /// Spend added up straight from the postings, without any report code.
    static func spend(_ ledger: Ledger, _ filter: ReportFilter, where extra: (Posting) -> Bool = { _ in true }) throws -> Money {
        var total = Money.zero
        for posting in ledger.postings where ledger.isSpend(posting) && matches(posting, ledger, filter) && extra(posting) {
            total = try total.adding(posting.amount)
        }
        return total
    }

    static func matches(_ posting: Posting, _ ledger: Ledger, _ filter: ReportFilter) -> Bool {
        let date = ledger.transaction(of: posting).date
        if let start = filter.start, date < start { return false }
        if let end = filter.end, date > end { return false }
        if let grant = filter.grantID, posting.grant < 0 || ledger.grants[Int(posting.grant)].id != grant { return false }
        if let area = filter.areaID {
            guard posting.area >= 0 else { return false }
            var current: String? = ledger.areas[Int(posting.area)].id
            var found = false
            for _ in 0...ledger.areas.count {
                guard let id = current else { break }
                if id == area { found = true; break }
                current = ledger.areas.first { $0.id == id }?.parentID
            }
            if !found { return false }
        }
        return true
    }

    static func checkBalance(_ report: Report, _ ledger: Ledger, _ filter: ReportFilter, seed: Int) throws {
        var expected: [String: Money] = [:]
        for posting in ledger.postings where matches(posting, ledger, filter) {
            let name = ledger.account(of: posting).name
            expected[name] = try (expected[name] ?? .zero).adding(posting.amount)
        }
        expected = expected.filter { !$0.value.isZero }
        var actual: [String: Money] = [:]
        for row in report.rows { actual[row.cells[0].text ?? ""] = row.cells[1].money }
        #expect(actual == expected, "seed \(seed), \(filter.caption)")
        let names = report.rows.compactMap { $0.cells[0].text }
        #expect(names == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        if filter.isEmpty { #expect(report.totals.cells[1] == .money(.zero), "seed \(seed): the books balance") }
    }
}
