import GrantLedgerCore
import PropertyBased
import Testing

/// Each report's typed rows and the table drawn from them say the same thing, cell by cell and in
/// the totals: a renderer that swapped, dropped or mislabelled a figure fails here. The expected
/// cells are written out per column key, independently of the reports' own `table` functions.
@Suite struct ReportFiguresTests {
    let ledger = SampleBooks.ledger()

    static let filters: [ReportFilter] = [
        ReportFilter(),
        ReportFilter(financialYear: FinancialYear(startYear: 2019)),
        ReportFilter(grantID: "ss4-bns"),
        ReportFilter(from: Day(year: 2019, month: 6, day: 1), to: Day(year: 2020, month: 3, day: 31)),
        ReportFilter(areaID: "bns-csp"),
    ]

    @Test(arguments: filters) func grantsTableIsTheGrantsFigures(_ filter: ReportFilter) throws {
        try Self.checkGrants(ledger, filter)
    }

    @Test(arguments: filters) func linesTableIsTheLineFigures(_ filter: ReportFilter) throws {
        try Self.checkLines(ledger, filter)
    }

    @Test(arguments: filters) func spendByTagTablesAreTheirFigures(_ filter: ReportFilter) throws {
        try Self.checkInitiatives(ledger, filter)
        try Self.checkAreas(ledger, filter)
    }

    @Test(arguments: filters) func bidsAndBalanceTablesAreTheirFigures(_ filter: ReportFilter) throws {
        try Self.checkBids(ledger, filter)
        try Self.checkBalances(ledger, filter)
    }

    @Test func theUntaggedBucketIsATypedCaseLabelledOnce() throws {
        let initiatives = try InitiativesReport.figures(ledger)
        let untagged = try #require(initiatives.rows.last)
        #expect(untagged.key == .untagged && untagged.key.id == nil && untagged.grantID == nil)
        #expect(untagged.spent == pounds("£72,700.00") && untagged.postings == 3)
        #expect(try InitiativesReport.table(initiatives).rows.last?.cells.first == .text(TagKey.untaggedLabel))
        #expect(TagKey.untaggedLabel == "(none)" && TagKey.id("cctv").label == "cctv")
        // A grant's award on no line and spend on no line share the one untagged line.
        let lines = try LinesReport.figures(ledger).rows.filter { $0.key == .untagged }
        #expect(lines.map(\.grantID) == ["snb-2019-20"])
    }

    @Test func spendBeforeIsOnlyThereWhenTheDatesStartAndWhenAskedFor() throws {
        let year = ReportFilter(financialYear: FinancialYear(startYear: 2020))
        #expect(try GrantsReport.figures(ledger).rows.allSatisfy { $0.spentBefore == nil })
        #expect(try GrantsReport.figures(ledger, year).rows.allSatisfy { $0.spentBefore != nil })
        #expect(try InitiativesReport.figures(ledger, year).rows.allSatisfy { $0.spentBefore == nil })
        let withBefore = try InitiativesReport.figures(ledger, year, withBefore: true)
        #expect(withBefore.rows.allSatisfy { $0.spentBefore != nil })
        // What came before the year plus what is in it is all the spend to its end.
        let toEnd = try InitiativesReport.figures(ledger, ReportFilter(to: FinancialYear(startYear: 2020).period.end))
        for row in withBefore.rows {
            let whole = toEnd.rows.first { $0.key == row.key }?.spent ?? .zero
            #expect(try (row.spentBefore ?? .zero).adding(row.spent) == whole, "\(row.key.label)")
        }
    }

    @Test func typedRowsAndTablesAgreeOnRandomBooks() async throws {
        await propertyCheck(count: 60, input: Gen.int(in: 0...1_000_000_000)) { seed in
            let (ledger, diagnostics) = LedgerLoader.load(text: RandomBooks.text(seed: seed))
            guard !diagnostics.contains(where: { $0.severity == .error }) else { return }
            for filter in ReportTotalsPropertyTests.filters(for: ledger, seed: seed) {
                try Self.checkGrants(ledger, filter)
                try Self.checkLines(ledger, filter)
                try Self.checkInitiatives(ledger, filter)
                try Self.checkAreas(ledger, filter)
                try Self.checkBids(ledger, filter)
                try Self.checkBalances(ledger, filter)
            }
        }
    }

    // MARK: - The expected cells, column by column

    static func money(_ value: Money?) -> ReportCell { value.map { .money($0) } ?? .empty }
    static func text(_ value: String?) -> ReportCell { value.map { .text($0) } ?? .empty }

    /// Every level 0 or level 1 row of `table`, in order, matches `expected` under the keys given.
    static func expect(_ table: Report, _ expected: [(level: Int, cells: [String: ReportCell])],
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(table.rows.count == expected.count, "\(table.title): rows", sourceLocation: sourceLocation)
        for (row, want) in zip(table.rows, expected) {
            #expect(row.level == want.level, sourceLocation: sourceLocation)
            for (key, cell) in want.cells {
                #expect(table.cell(row, key) == cell, "\(table.title): \(key)", sourceLocation: sourceLocation)
            }
        }
    }

    static func checkGrants(_ ledger: Ledger, _ filter: ReportFilter) throws {
        let figures = try GrantsReport.figures(ledger, filter)
        let table = try GrantsReport.table(figures)
        #expect(table == (try GrantsReport.build(ledger, filter)))
        #expect((table.columnIndex("spent_before") != nil) == figures.hasBefore)
        #expect((table.columnIndex("line") != nil) == figures.showsLines)
        var expected: [(level: Int, cells: [String: ReportCell])] = []
        for grant in figures.rows {
            var cells: [String: ReportCell] = [
                "grant": .text(grant.grant.id), "name": .text(grant.grant.name), "funder": text(grant.grant.funderID),
                "budget": .money(grant.award), "allocated": .money(grant.allocated), "spent": .money(grant.spent),
                "remaining": .money(grant.remaining),
            ]
            if figures.hasBefore { cells["spent_before"] = money(grant.spentBefore) }
            if figures.showsLines { cells["line"] = .empty }
            expected.append((0, cells))
            #expect(figures.showsLines || grant.lines.isEmpty)
            for line in grant.lines {
                var cells: [String: ReportCell] = [
                    "grant": .text(grant.grant.id), "line": .text(line.key.label), "name": .text(line.name),
                    "budget": .money(line.budget), "allocated": .empty, "spent": .money(line.spent),
                    "remaining": .money(line.remaining),
                ]
                if figures.hasBefore { cells["spent_before"] = money(line.spentBefore) }
                expected.append((1, cells))
            }
        }
        expect(table, expected)
        let totals = try figures.totals()
        #expect(table.money(table.totals, "budget") == totals.award)
        #expect(table.money(table.totals, "allocated") == totals.allocated)
        #expect(table.money(table.totals, "spent") == totals.spent)
        #expect(table.money(table.totals, "remaining") == totals.remaining)
        #expect((table.money(table.totals, "spent_before") ?? .zero) == totals.spentBefore)
    }

    static func checkLines(_ ledger: Ledger, _ filter: ReportFilter) throws {
        let figures = try LinesReport.figures(ledger, filter)
        let table = try LinesReport.table(figures)
        #expect(table == (try LinesReport.build(ledger, filter)))
        expect(table, figures.rows.map { line in
            var cells: [String: ReportCell] = [
                "grant": .text(line.grantID), "line": .text(line.key.label), "name": .text(line.name),
                "budget": .money(line.budget), "spent": .money(line.spent), "remaining": .money(line.remaining),
            ]
            if figures.hasBefore { cells["spent_before"] = money(line.spentBefore) }
            return (0, cells)
        })
        let totals = try figures.totals()
        #expect(table.money(table.totals, "budget") == totals.budget)
        #expect(table.money(table.totals, "spent") == totals.spent)
        #expect(table.money(table.totals, "remaining") == totals.remaining)
        #expect((table.money(table.totals, "spent_before") ?? .zero) == totals.spentBefore)
    }

    static func checkInitiatives(_ ledger: Ledger, _ filter: ReportFilter) throws {
        let figures = try InitiativesReport.figures(ledger, filter)
        let table = try InitiativesReport.table(figures)
        #expect(table == (try InitiativesReport.build(ledger, filter)))
        expect(table, figures.rows.map { row in
            (0, ["initiative": .text(row.key.label), "name": .text(row.name), "lead": text(row.lead), "area": text(row.areaID),
                 "spent": .money(row.spent), "postings": .count(row.postings)])
        })
        #expect(table.money(table.totals, "spent") == (try figures.spentTotal()))
    }

    static func checkAreas(_ ledger: Ledger, _ filter: ReportFilter) throws {
        let figures = try AreasReport.figures(ledger, filter)
        let table = try AreasReport.table(figures)
        #expect(table == (try AreasReport.build(ledger, filter)))
        expect(table, figures.rows.map { row in
            (0, ["area": .text(row.key.label), "name": .text(row.name), "type": text(row.kind), "within": text(row.within),
                 "spent": .money(row.spent), "postings": .count(row.postings)])
        })
    }

    static func checkBids(_ ledger: Ledger, _ filter: ReportFilter) throws {
        let figures = try BidsReport.figures(ledger, filter)
        let table = try BidsReport.table(figures)
        #expect(table == (try BidsReport.build(ledger, filter)))
        expect(table, figures.rows.map { row in
            (0, ["bid": .text(row.bid.id), "status": .text(row.bid.status.rawValue), "grant": text(row.bid.grantID),
                 "decided": row.decided.map { .date($0) } ?? .empty, "requested": money(row.bid.requested),
                 "awarded": money(row.bid.awarded), "spent": money(row.spent), "underspend": money(row.underspend)])
        })
        let totals = try figures.totals()
        #expect(table.money(table.totals, "requested") == totals.requested)
        #expect(table.money(table.totals, "awarded") == totals.awarded)
        #expect(table.money(table.totals, "spent") == totals.spent)
        #expect(table.money(table.totals, "underspend") == totals.underspend)
    }

    static func checkBalances(_ ledger: Ledger, _ filter: ReportFilter) throws {
        let figures = try BalanceReport.figures(ledger, filter)
        let table = try BalanceReport.table(figures)
        #expect(table == (try BalanceReport.build(ledger, filter)))
        expect(table, figures.rows.map { (0, ["account": .text($0.account), "balance": .money($0.balance)]) })
    }
}
