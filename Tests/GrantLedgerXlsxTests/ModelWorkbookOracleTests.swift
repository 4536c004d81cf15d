import Foundation
import GrantLedgerTestSupport
@testable import GrantLedgerCore
import Testing
@testable import GrantLedgerXlsx

/// Workbook models with many allocation sheets (awkward weights, floors, units, exact whole amounts,
/// ties) written by `WorkbookModelWriter` and recalculated by LibreOffice: every formula's cached
/// value, the program's exact figure, must be what the spreadsheet computes.
@Suite("Workbook model through the oracle", .enabled(if: Requirement.workbookOracle.shouldRun))
struct ModelWorkbookOracleTests {
    static let ledger = """
        funder opcc  Office of the Police and Crime Commissioner
        area ashfield  Ashfield
        grant snb  PCC grant 2019-20
          funder     opcc
          recipient  Safer Nottinghamshire Board
          period     2019-20
          award      £625,118.00
          line nwps   £270,750.00  Neighbourhood Working Problem Solving
          line other  £354,368.00  Everything else
        account assets:bank
        account income:grant
        account expenses:nwps

        2019-04-01 * OPCC | grant   ; grant:snb
            assets:bank   £625,118.00
            income:grant

        2019-09-30 * Ashfield DC | problem solving   ; grant:snb, line:nwps, area:ashfield
            expenses:nwps   £90,250.33
            assets:bank
        """

    static let areas = """
        area,population,crime,deprivation
        Ashfield,126300,11545,26.308
        Bassetlaw,117800,10760,22.588
        Broxtowe,110900,7209,14.238
        Gedling,117300,7625,14.894
        Mansfield,110500,11668,28.503
        Newark and Sherwood,122900,8165,19.227
        Rushcliffe,119000,5950,7.180
        """

    static func allocation(_ csv: String, pot: Int64, weights: [(String, String)], unit: Int64 = 1, floor: Int64? = nil)
        throws -> Allocation
    {
        let (table, problems) = AreaTable.parse(Array(csv.utf8), file: "areas.csv")
        try #require(problems.isEmpty, "\(problems.map(\.message))")
        let settings = AllocationSettings(
            pot: Located(Money(pence: pot)),
            weights: try weights.map { WeightSetting(indicator: $0.0, weight: try ExactNumberParser.parseWeight($0.1)) },
            unit: Located(Money(pence: unit)), floor: floor.map { Located(Money(pence: $0)) })
        let (allocation, diagnostics) = Allocator.allocate(try #require(table), settings)
        return try #require(allocation, "\(diagnostics.map(\.message))")
    }

    /// Random whole and three-place values for `count` areas.
    static func randomAreas(_ count: Int, using generator: inout some RandomNumberGenerator) -> String {
        var csv = "area,population,crime,deprivation\n"
        for index in 0..<count {
            let population = Int.random(in: 1_000...300_000, using: &generator)
            let crime = Int.random(in: 0...20_000, using: &generator)
            let deprivation = Int.random(in: 1...60_000, using: &generator)
            csv += "Area \(index + 1),\(population),\(crime),\(deprivation / 1000).\(String(format: "%03d", deprivation % 1000))\n"
        }
        return csv
    }

    @Test func everyCachedValueIsWhatLibreOfficeComputes() throws {
        try Requirement.workbookOracle.require()
        var generator = SplitMix64(seed: 20_261_125)
        var scenarios = [
            ("Equal thirds", try Self.allocation(
                Self.areas, pot: 27_075_000, weights: [("population", "1/3"), ("crime", "1/3"), ("deprivation", "1/3")])),
            ("Sevenths, floor £35,000", try Self.allocation(
                Self.areas, pot: 27_075_000, weights: [("population", "1/7"), ("crime", "2/7"), ("deprivation", "4/7")],
                floor: 3_500_000)),
            ("Pounds, half crime", try Self.allocation(
                Self.areas, pot: 27_075_000, weights: [("crime", "50%"), ("population", "25%"), ("deprivation", "25%")], unit: 100)),
            ("Whole amounts", try Self.allocation(
                "area,population\nA,1\nB,1\nC,1\n", pot: 30_000, weights: [("population", "1")])),
            ("A tie for the last penny", try Self.allocation(
                "area,population\nA,1\nB,1\nC,2\n", pot: 2, weights: [("population", "1")])),
        ].map { $1.named($0) }
        // A step the sheet does not spell out (as damping would): its amounts come by value.
        let thirds = try Self.allocation(Self.areas, pot: 27_075_000,
                                         weights: [("population", "1/3"), ("crime", "1/3"), ("deprivation", "1/3")])
        scenarios.append(Self.movedBeforeRounding(thirds).named("Moved before rounding"))
        for index in 0..<6 {
            let floor: Int64? = index % 2 == 0 ? nil : 100_000
            let unit: Int64 = [1, 100, 1, 10_000, 1, 1][index]
            let pot = Int64.random(in: 2_000_000...900_000_000, using: &generator) / unit * unit
            let allocation = try Self.allocation(
                Self.randomAreas(Int.random(in: 2...40, using: &generator), using: &generator), pot: pot,
                weights: [("population", "5/11"), ("crime", "1/3"), ("deprivation", "7/33")], unit: unit, floor: floor)
            scenarios.append(allocation.named("Random \(index + 1)"))
        }
        let (ledger, diagnostics) = LedgerLoader.load(text: Self.ledger)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let settings = CommitteeWorkbookSettings(
            asOf: Day.parse("2019-12-31") ?? Day(daysSinceEpoch: 0), scenarios: scenarios,
            provenance: Provenance(toolVersion: "0.0.0-test", commandLine: "test", inputs: []))
        let model = try CommitteeWorkbook.build(ledger, settings)
        #expect(model.sheets.map(\.name).contains("Comparison"))
        scenarios.removeAll()

        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("scenarios.xlsx")
        try WorkbookModelWriter.write(model, to: path)
        let (summary, output) = try XlsxOracle.recalculate(path)
        #expect(summary.hasSuffix(" passed, 0 failed"), "\(output)")
        #expect((Int(summary.split(separator: " ")[0]) ?? 0) > 1000, "\(output)")
    }

    @Test func rowsAndHighlightsAndNamesReachTheFile() throws {
        try Requirement.workbookOracle.require()
        let (ledger, _) = LedgerLoader.load(text: Self.ledger)
        let model = try CommitteeWorkbook.build(ledger, CommitteeWorkbookSettings(
            asOf: Day.parse("2019-12-31") ?? Day(daysSinceEpoch: 0),
            provenance: Provenance(toolVersion: "0.0.0-test", commandLine: "test", inputs: [])))
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("book.xlsx")
        try WorkbookModelWriter.write(model, to: path)
        let package = try XlsxPackage(path: path)
        let summary = try package.text("xl/worksheets/sheet1.xml")
        #expect(summary.contains("<conditionalFormatting"))
        #expect(summary.contains("<formula>\"Red\"</formula>"))
        #expect(summary.contains("customHeight=\"1\""))
        let workbook = try package.text("xl/workbook.xml")
        for name in ["AmberGap", "RedGap", "PositionDate", "SpendAmounts"] {
            #expect(workbook.contains("<definedName name=\"\(name)\""), "\(name)")
        }
        #expect(try package.text("docProps/core.xml").contains("2019-12-31T00:00:00Z"))
        #expect(try package.text("docProps/app.xml").contains("<Company>Safer Nottinghamshire Board</Company>"))
    }

    @Test func aFailedWriteLeavesNothingBehind() throws {
        let (ledger, _) = LedgerLoader.load(text: Self.ledger)
        var model = try CommitteeWorkbook.build(ledger, CommitteeWorkbookSettings(
            asOf: Day.parse("2019-12-31") ?? Day(daysSinceEpoch: 0),
            provenance: Provenance(toolVersion: "0.0.0-test", commandLine: "test", inputs: [])))
        // A cell the writer must refuse, on the last sheet: everything before it was already written.
        model.sheets[model.sheets.count - 1].rows = SheetRows([SheetRow([.money(Money(pence: .max))])])
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("book.xlsx")
        try Data("previous".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: WorkbookError.self) { try WorkbookModelWriter.write(model, to: path) }
        #expect(try scratch.contents() == ["book.xlsx"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous")
    }
}

extension ModelWorkbookOracleTests {
    /// `allocation` with each amount before rounding moved a tenth of the way to an equal split and
    /// rounded again, as a later step (damping) would leave it.
    static func movedBeforeRounding(_ allocation: Allocation) -> Allocation {
        let pot = Rational(pence: allocation.pot)
        let share = (try? pot.divided(by: Rational(allocation.areas.count))) ?? .zero
        let tenth = Rational(1, 10) ?? .zero
        let moved = allocation.areas.map { $0.exactAmount * (Rational.one - tenth) + share * tenth }
        let unit = Rational(pence: allocation.unit)
        let rounding = LargestRemainder.round(moved.map { (try? $0.divided(by: unit)) ?? .zero },
                                              totalUnits: allocation.pot.pence / allocation.unit.pence)
        let areas = allocation.areas.enumerated().map { i, area in
            AreaAllocation(
                name: area.name, index: area.index, values: area.values, shares: area.shares,
                contributions: area.contributions, blendedShare: area.blendedShare, formulaAmount: area.formulaAmount,
                topSlice: .zero, floorAmount: nil, capAmount: nil, isFloored: false, isCapped: false,
                limitedAmount: area.limitedAmount, damping: nil, exactAmount: moved[i], wholeUnits: rounding.wholeUnits[i],
                remainder: rounding.remainders[i], remainderRank: rounding.ranks[i], receivesLeftoverUnit: rounding.extra[i],
                amount: Money(pence: (rounding.wholeUnits[i] + (rounding.extra[i] ? 1 : 0)) * allocation.unit.pence),
                previous: nil, perHeadBase: nil)
        }
        return Allocation(areaFile: allocation.areaFile, pot: allocation.pot, unit: allocation.unit, floor: nil, cap: nil,
                          indicators: allocation.indicators, sourceColumns: allocation.sourceColumns, areas: areas,
                          topSlices: [], formulaPot: allocation.formulaPot, flooring: nil, damping: nil, previousFile: nil,
                          perHeadColumn: nil, leftoverUnits: rounding.leftover)
    }
}

/// A small seeded generator, so the random scenarios are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
