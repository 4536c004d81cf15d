import Testing
@testable import GrantLedgerCore

@Suite("Allocation scenario sheet")
struct ScenarioSheetTests {
    func sheet(_ allocation: Allocation, name: String = "Equal thirds") -> (SheetModel, [DefinedName]) {
        var names: [DefinedName] = []
        let sheet = ScenarioSheet.build(allocation.named(name), sheetName: name, &names).sheet
        return (sheet, names)
    }

    @Test func liveFormulasCachedWithTheExactFigures() throws {
        let allocation = try WorkbookFixtures.allocation(pot: 27_075_000, weights: WorkbookFixtures.thirds)
        let (sheet, names) = sheet(allocation)
        let header = try #require(sheet.find("Area", role: .header)).row
        let first = header + 1
        for (i, area) in allocation.areas.enumerated() {
            let r = first + i
            func at(_ heading: String) throws -> SheetCell {
                let column = try #require(sheet.find(heading, role: .header)).column
                return sheet.cell(row: r, column: column)
            }
            #expect(try at("population share").value == .formula(Formula(
                "=B\(r + 1)/SUM(B$\(first + 1):B$\(first + 7))", .percent(area.shares[0]))))
            #expect(try at("Blended share").value == .formula(Formula(
                "=$E$\(header)*E\(r + 1)+$F$\(header)*F\(r + 1)+$G$\(header)*G\(r + 1)", .percent(area.blendedShare))))
            #expect(try at("Exact amount").value == .formula(Formula("=Pot*H\(r + 1)", .preciseMoney(pence: area.formulaAmount))))
            #expect(try at("Rounded down").formula?.text == "=ROUNDDOWN(I\(r + 1)/Unit,0)*Unit")
            #expect(try at("Remainder (units)").formula?.result == .number(area.remainder))
            #expect(try at("Extra unit").formula?.result == .count(area.receivesLeftoverUnit ? 1 : 0))
            #expect(try at("Amount").formula?.result == .money(area.amount))
        }
        #expect(sheet.cell("Total", under: "Amount")?.money == allocation.pot)
        #expect(sheet.cell("Total", under: "Extra unit")?.formula?.result == .count(Int(allocation.leftoverUnits)))
        let weights = try #require(sheet.find("Weight", role: .label))
        #expect(sheet.cell(row: weights.row, column: 4).value == .percent(Rational(1, 3) ?? .zero))
        #expect(sheet.cell(row: weights.row, column: 4).look.role == .input)
        let local = Set(names.filter(\.isLocal).map(\.name))
        #expect(local == ["Pot", "Unit", "Leftover", "Weights", "Amounts", "BlendedShares"])
        #expect(sheet.charts.count == 1)
    }

    @Test func aFloorAddsItsColumnsAndScaleFactor() throws {
        let allocation = try WorkbookFixtures.allocation(pot: 27_075_000, weights: WorkbookFixtures.thirds, floor: 3_500_000)
        let flooring = try #require(allocation.flooring)
        #expect(flooring.flooredCount > 0)
        let (sheet, names) = sheet(allocation)
        let label = try #require(sheet.find("Scale factor", role: .label))
        let factor = sheet.cell(row: label.row, column: 1)
        #expect(factor.formula?.result == .number(flooring.factor))
        for area in allocation.areas {
            #expect(sheet.cell(area.name, under: "Floored")?.value == .text(area.isFloored ? "Yes" : "No"))
            #expect(sheet.cell(area.name, under: "After floor")?.formula?.result == .preciseMoney(pence: area.exactAmount))
        }
        #expect(names.contains { $0.name == "FloorAmount" } && names.contains { $0.name == "Factor" })
    }

    @Test func wholeAmountsAreRoundedDownByValueNotFormula() throws {
        // £300 over three equal areas: each exact amount is exactly £100, a whole unit.
        let csv = "area,population\nA,1\nB,1\nC,1\n"
        let allocation = try WorkbookFixtures.allocation(csv, pot: 30_000, weights: [("population", "1")])
        let (sheet, _) = sheet(allocation)
        for name in ["A", "B", "C"] {
            #expect(sheet.cell(name, under: "Rounded down")?.value == .money(Money(pence: 10_000)))
        }
        #expect(sheet.find(where: { $0.contains("entered as a value") }) != nil)
    }

    @Test func aTieAtTheCutOffIsGivenByValue() throws {
        // 1p over two equal areas: half a penny each, one penny to hand out, the tie to the first.
        let csv = "area,population\nA,1\nB,1\n"
        let allocation = try WorkbookFixtures.allocation(csv, pot: 1, weights: [("population", "1")])
        let (sheet, _) = sheet(allocation)
        #expect(sheet.cell("A", under: "Extra unit")?.value == .count(1))
        #expect(sheet.cell("B", under: "Extra unit")?.value == .count(0))
        #expect(sheet.cell("A", under: "Rounded down")?.formula != nil)
    }

    @Test func everyRowHasTheSameWidth() throws {
        let allocation = try WorkbookFixtures.allocation(pot: 27_075_000, weights: WorkbookFixtures.thirds, unit: 100)
        let (sheet, _) = sheet(allocation)
        let header = try #require(sheet.find("Area", role: .header)).row
        let width = sheet.rows[header].cells.count
        for row in (header + 1)...(header + 8) { #expect(sheet.rows[row].cells.count == width) }
    }
}

extension SheetModel {
    /// The first cell whose text satisfies `predicate`.
    func find(where predicate: (String) -> Bool) -> CellRef? {
        for (r, row) in allRows.enumerated() {
            for (c, cell) in row.cells.enumerated() {
                if case .text(let text) = cell.value, predicate(text) { return CellRef(row: r, column: c) }
            }
        }
        return nil
    }
}

@Suite("Allocation scenario sheet: steps it does not spell out")
struct ScenarioSheetValueTests {
    @Test func aStepTheSheetDoesNotShowComesAsValuesBeforeRounding() throws {
        let plain = try WorkbookFixtures.allocation(pot: 27_075_000, weights: WorkbookFixtures.thirds)
        let moved = WorkbookFixtures.movedBeforeRounding(plain)
        var names: [DefinedName] = []
        let sheet = ScenarioSheet.build(moved.named("Moved"), sheetName: "Moved", &names).sheet
        let column = try #require(sheet.find("Before rounding", role: .header)).column
        for area in moved.areas {
            let row = try #require(sheet.find(area.name)).row
            #expect(sheet.cell(row: row, column: column).value == .preciseMoney(pence: area.exactAmount))
            // The exact amount is still pot × blended share, live; rounding works on the value before it.
            #expect(sheet.cell(area.name, under: "Exact amount")?.formula?.text.hasPrefix("=Pot*") == true)
            let letter = CellRef.columnName(column)
            #expect(sheet.cell(area.name, under: "Rounded down")?.formula?.text.hasPrefix("=ROUNDDOWN(\(letter)") == true
                    || sheet.cell(area.name, under: "Rounded down")?.formula == nil)
            #expect(sheet.cell(area.name, under: "Amount")?.money == area.amount)
        }
        #expect(sheet.find("Floored", role: .header) == nil)
        #expect(sheet.find(where: { $0.contains("Before rounding: the amount after the scenario's further steps") }) != nil)
        let leftover = try #require(sheet.find("Units left over", role: .label))
        #expect(sheet.cell(row: leftover.row, column: 1).formula?.result == .count(Int(moved.leftoverUnits)))
    }

    @Test func aFloorThatDoesNotExplainTheAmountsIsNotShownAsOne() throws {
        // A floored allocation whose amounts were then moved: the floor formula would be wrong.
        let floored = try WorkbookFixtures.allocation(pot: 27_075_000, weights: WorkbookFixtures.thirds, floor: 3_500_000)
        let moved = WorkbookFixtures.movedBeforeRounding(floored)
        let withFlooring = Allocation(areaFile: moved.areaFile, pot: moved.pot, unit: moved.unit, floor: floored.floor,
                                      cap: nil, indicators: moved.indicators, sourceColumns: moved.sourceColumns,
                                      areas: moved.areas, topSlices: [], formulaPot: moved.formulaPot,
                                      flooring: floored.flooring, damping: nil, previousFile: nil, perHeadColumn: nil,
                                      leftoverUnits: moved.leftoverUnits)
        var names: [DefinedName] = []
        let sheet = ScenarioSheet.build(withFlooring.named("Moved"), sheetName: "Moved", &names).sheet
        #expect(sheet.find("After floor", role: .header) == nil)
        #expect(sheet.find("Before rounding", role: .header) != nil)
        #expect(!names.contains { $0.name == "Factor" })
    }
}
