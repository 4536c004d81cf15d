import Testing
@testable import GrantLedgerCore

@Suite("Comparison sheet")
struct ComparisonSheetTests {
    /// `allocation` with every area's amount set to `pence`: figures no allocator makes, to reach the
    /// checked sums' failure path.
    static func withAmounts(_ allocation: Allocation, pence: Int64) -> Allocation {
        let areas = allocation.areas.map { area in
            AreaAllocation(
                name: area.name, index: area.index, values: area.values, shares: area.shares,
                contributions: area.contributions, blendedShare: area.blendedShare, formulaAmount: area.formulaAmount,
                topSlice: area.topSlice, floorAmount: nil, capAmount: nil, isFloored: false, isCapped: false,
                limitedAmount: area.limitedAmount, damping: nil, exactAmount: area.exactAmount, wholeUnits: area.wholeUnits,
                remainder: area.remainder, remainderRank: area.remainderRank, receivesLeftoverUnit: area.receivesLeftoverUnit,
                amount: Money(pence: pence), previous: nil, perHeadBase: nil)
        }
        return Allocation(areaFile: allocation.areaFile, pot: allocation.pot, unit: allocation.unit, floor: nil, cap: nil,
                          indicators: allocation.indicators, sourceColumns: allocation.sourceColumns, areas: areas,
                          topSlices: [], formulaPot: allocation.formulaPot, flooring: nil, damping: nil, previousFile: nil,
                          perHeadColumn: nil, leftoverUnits: allocation.leftoverUnits)
    }

    static func build(_ scenarios: [Allocation]) throws(ReportError) -> SheetModel {
        var names: [DefinedName] = []
        // Each area's Amount cell as its scenario sheet would place it.
        let cells = scenarios.map { scenario in
            Dictionary(scenario.areas.enumerated().map { ($1.name, CellRef(row: 10 + $0, column: 9)) }) { $1 }
        }
        return try ComparisonSheet.build(scenarios, sheets: scenarios.map(\.sheetTitle), amountCells: cells, &names)
    }

    @Test func totalsAndChangesAddUpTheAreas() throws {
        let thirds = try WorkbookFixtures.allocation(pot: 27_075_000, weights: WorkbookFixtures.thirds)
        let crime = try WorkbookFixtures.allocation(pot: 27_075_000, weights: [("crime", "1")])
        let sheet = try Self.build([thirds.named("Thirds"), crime.named("Crime")])
        #expect(sheet.cell("Total", under: "Thirds")?.money == thirds.pot)
        #expect(sheet.cell("Total", under: "Change: Crime")?.money == .zero)
        let area = try #require(thirds.areas.first)
        let change = try #require(crime.area(named: area.name)).amount.pence - area.amount.pence
        #expect(sheet.cell(area.name, under: "Change: Crime")?.money == Money(pence: change))
    }

    @Test func aTotalPastWhatMoneyHoldsIsAnOverflowNotAClampedFigure() throws {
        let thirds = try WorkbookFixtures.allocation(pot: 27_075_000, weights: WorkbookFixtures.thirds)
        let huge = Self.withAmounts(thirds, pence: Int64.max / 2)
        #expect(throws: ReportError.overflow("compared allocation")) {
            try Self.build([huge.named("Huge"), thirds.named("Thirds")])
        }
    }

    /// A scenario with a top-slice retained centrally: a row for it below the total, each scenario's
    /// amount pointing at its own sheet's retained row (£0.00 where it has none), then the pot as the
    /// SUM of the total and that row, so every column visibly adds up to its pot.
    @Test func theRetainedRowAndThePotAddUpToEachScenariosPot() throws {
        let thirds = try WorkbookFixtures.allocation(pot: 27_075_000, weights: WorkbookFixtures.thirds).named("Thirds")
        let sliced = try ScenarioSheetCommitteeTests.allocation {
            $0.topSlices = [TopSlice(name: "evaluation", amount: Money(pence: 500_000))]
        }.named("Sliced")
        var names: [DefinedName] = []
        var sheets: [ScenarioSheet.Built] = []
        for scenario in [thirds, sliced] {
            sheets.append(ScenarioSheet.build(scenario, sheetName: scenario.sheetTitle, &names))
        }
        let sheet = try ComparisonSheet.build([thirds, sliced], sheets: ["Thirds", "Sliced"], amountCells: sheets.map(\.amountCells),
                                              retainedCells: sheets.map(\.retainedCells), &names)
        let total = try #require(sheet.find("Total to areas", role: .total)).row
        #expect(sheet.cell("Total to areas", under: "Sliced")?.money == Money(pence: 26_575_000))
        #expect(sheet.cell(row: total + 1, column: 0).value == .text("Retained centrally: evaluation"))
        let retained = try #require(sheets[1].retainedCells["evaluation"]?.first)
        #expect(sheet.cell("Retained centrally: evaluation", under: "Sliced")?.value
                == .formula(Formula("=" + retained.on(sheet: "Sliced"), .money(Money(pence: 500_000)))))
        #expect(sheet.cell("Retained centrally: evaluation", under: "Thirds")?.value == .money(.zero))
        #expect(sheet.cell("Retained centrally: evaluation", under: "Change: Sliced")?.formula?.result == .money(Money(pence: 500_000)))
        #expect(sheet.cell(row: total + 2, column: 0).value == .text("Pot"))
        #expect(sheet.cell(row: total + 2, column: 1).value == .formula(Formula("=SUM(B\(total + 1):B\(total + 2))", .money(thirds.pot))))
        #expect(sheet.cell(row: total + 2, column: 2).value == .formula(Formula("=SUM(C\(total + 1):C\(total + 2))", .money(sliced.pot))))
        #expect(sheet.cell(row: total + 2, column: 3).formula?.result == .money(.zero), "the same pot")
    }
}
