import Testing
@testable import GrantLedgerCore

@Suite("Sensitivity")
struct SensitivityTests {
    static func setup(_ weights: [String]) throws -> (AreaTable, AllocationSettings, Allocation) {
        let csv = "area,population,crime,deprivation\nA,126300,11545,26.308\nB,117800,10760,22.588\nC,110900,7209,14.238\n"
        let (table, _) = AreaTable.parse(Array(csv.utf8), file: "areas.csv")
        let settings = AllocationSettings(
            pot: Located(Money(pence: 27_075_001)),
            weights: try zip(["population", "crime", "deprivation"], weights).map {
                WeightSetting(indicator: $0, weight: try ExactNumberParser.parseWeight($1))
            })
        let (allocation, problems) = Allocator.allocate(try #require(table), settings)
        #expect(problems.isEmpty)
        return (try #require(table), settings, try #require(allocation))
    }

    @Test func shiftedBlendsSumToOneAndToThePot() throws {
        let (table, settings, base) = try Self.setup(["1/3", "1/3", "1/3"])
        let result = Sensitivity.run(table, settings, base: base, step: try ExactNumberParser.parseWeight("5%"))
        #expect(result.shifts.count == 6)
        for shift in result.shifts {
            let weights = try #require(shift.weights)
            #expect(Rational.sum(weights) == .one)
            #expect(try #require(shift.allocation).total == base.pot)
        }
        let up = try #require(result.shifts.first?.weights)
        #expect(up.map(\.description) == ["23/60", "37/120", "37/120"])
    }

    @Test func impossibleShiftsAreMarked() throws {
        let (table, settings, base) = try Self.setup(["1", "0", "0"])
        let result = Sensitivity.run(table, settings, base: base, step: try ExactNumberParser.parseWeight("0.1"))
        // population cannot go above 1, nor down (nothing else to rescale); crime cannot go below 0.
        #expect(result.shifts.map { $0.weights == nil } == [true, true, false, true, false, true])
        #expect(SensitivityTable.text(result).contains("n/a"))
    }
}
