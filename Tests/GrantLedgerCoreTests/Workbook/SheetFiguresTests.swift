import Testing
@testable import GrantLedgerCore

/// The ledger sheets show the reports' typed figures, row by row: the Summary each grant's, the
/// Budget sheet each line's and initiative's (with spend before the year apart), Bids each bid's;
/// and a scenario sheet hands the Comparison sheet the cells that hold its amounts.
@Suite struct SheetFiguresTests {
    let ledger = SampleBooks.ledger()
    let year = FinancialYear(startYear: 2023)

    @Test func summaryRowsAreTheGrantFigures() throws {
        let settings = WorkbookFixtures.settings(year: year)
        let figures = try GrantsReport.figures(ledger, settings.filter)
        var names: [DefinedName] = []
        let sheet = try SummarySheet.build(ledger, settings, BudgetMonitoringFigures(ledger, settings), &names)
        #expect(!figures.rows.isEmpty)
        for grant in figures.rows {
            let id = grant.grant.id
            #expect(sheet.cell(id, under: "Award")?.money == grant.award, "\(id)")
            #expect(sheet.cell(id, under: "Allocated to lines")?.money == grant.allocated, "\(id)")
            #expect(sheet.cell(id, under: "Spent before 2023-24")?.money == grant.spentBefore, "\(id)")
            #expect(sheet.cell(id, under: "Spent in 2023-24")?.money == grant.spent, "\(id)")
            #expect(sheet.cell(id, under: "Remaining")?.money == grant.remaining, "\(id)")
        }
        let totals = try figures.totals()
        #expect(sheet.cell("Total", under: "Remaining")?.money == totals.remaining)
        #expect(sheet.cell("Total", under: "Spent in 2023-24")?.money == totals.spent)
    }

    @Test func budgetRowsAreTheLineAndInitiativeFigures() throws {
        let settings = WorkbookFixtures.settings(year: year)
        let lines = try LinesReport.figures(ledger, settings.filter)
        let initiatives = try InitiativesReport.figures(ledger, settings.filter, withBefore: true)
        var names: [DefinedName] = []
        let sheet = try BudgetSheet.build(ledger, settings, &names)
        let header = try #require(sheet.find("Line or initiative", role: .header))
        let budget = try #require(sheet.find("Budget", role: .header)).column
        let before = try #require(sheet.find("Spent before 2023-24", role: .header)).column
        let variance = try #require(sheet.find("Variance", role: .header)).column
        let rows = sheet.allRows.dropFirst(header.row + 1)
        func row(_ grant: String?, _ id: String) -> SheetRow? {
            rows.first { $0.cells.count > 2 && $0.cells[1].value == .text(id) && $0.cells[0].value == (grant.map { .text($0) } ?? .empty) }
        }
        for line in lines.rows {
            let found = try #require(row(line.grantID, line.key.label), "\(line.grantID) \(line.key.label)")
            #expect(found.cells[budget].money == line.budget)
            #expect(found.cells[before].money == line.spentBefore)
            #expect(found.cells[variance].money == line.remaining)
        }
        var shown = 0
        for initiative in initiatives.rows where !(initiative.spentBefore ?? .zero).isZero || initiative.postings > 0 {
            let found = try #require(row(initiative.grantID, initiative.key.label), "\(initiative.key.label)")
            #expect(found.cells[before].money == initiative.spentBefore)
            #expect(found.cells[budget].value == .empty, "initiatives have no budget")
            shown += 1
        }
        #expect(shown > 0)
    }

    @Test func bidsRowsAreTheBidFigures() throws {
        let settings = WorkbookFixtures.settings()
        let figures = try BidsReport.figures(ledger, ReportFilter(to: WorkbookFixtures.asOf))
        var names: [DefinedName] = []
        let sheet = try BidsSheet.build(ledger, settings, &names)
        #expect(!figures.rows.isEmpty)
        for row in figures.rows {
            let id = row.bid.id
            #expect(sheet.cell(id, under: "Name")?.value == .text(row.bid.name))
            #expect(sheet.cell(id, under: "Awarded")?.money == row.bid.awarded)
            #expect(sheet.cell(id, under: "Spent")?.money == row.spent)
            #expect(sheet.cell(id, under: "Not spent")?.money == row.underspend)
        }
    }

    @Test func aScenarioSheetNamesTheCellOfEachAreasAmount() throws {
        let allocation = try WorkbookFixtures.allocation(pot: 27_075_000, weights: WorkbookFixtures.thirds)
        var names: [DefinedName] = []
        let built = ScenarioSheet.build(allocation.named("Thirds"), sheetName: "Thirds", &names)
        #expect(built.amountCells.count == allocation.areas.count)
        let amountColumn = try #require(built.sheet.find("Amount", role: .header)).column
        for area in allocation.areas {
            let ref = try #require(built.amountCells[area.name], "\(area.name)")
            #expect(ref.column == amountColumn)
            #expect(built.sheet.cell(row: ref.row, column: 0).value == .text(area.name))
            #expect(built.sheet.cell(ref).money == area.amount)
        }
    }
}

extension SheetFiguresTests {
    @Test func theYearChosenHasSpendBeforeIt() throws {
        // Without it the tests above would compare zeros with zeros.
        let figures = try GrantsReport.figures(ledger, WorkbookFixtures.settings(year: year).filter)
        #expect(figures.rows.contains { !($0.spentBefore ?? .zero).isZero })
    }
}
