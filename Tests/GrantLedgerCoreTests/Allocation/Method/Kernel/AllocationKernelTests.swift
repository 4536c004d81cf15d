import PropertyBased
import Synchronization
import Testing
@testable import GrantLedgerCore

/// The integer kernel gives exactly the general path's amounts — on random area data, weights, pots,
/// units, top-slices, floors and caps — refuses exactly the weightings the general path refuses, and
/// hands over to the general path when a 128-bit bound would overflow.
@Suite("Allocation kernel")
struct AllocationKernelTests {
    struct Limits: Sendable, CustomStringConvertible {
        var unit: Int64
        var retainedPercent: Int64
        var slicePercent: Int64
        var floorPercent: Int64?
        var capPercent: Int64?
        var ownFloor: Bool
        var description: String {
            "unit \(unit) retained \(retainedPercent)% slice \(slicePercent)% floor \(floorPercent.map { "\($0)%" } ?? "-") cap \(capPercent.map { "\($0)%" } ?? "-") own floor \(ownFloor)"
        }
    }

    static let limits = PropertyBased.zip(
        PropertyBased.zip(Gen.int(in: 0...3), Gen.int(in: 0...30), Gen.int(in: 0...10)),
        PropertyBased.zip(Gen.int(in: 0...120), Gen.int(in: 0...300), Gen.bool)
    ).map { (first: (Int, Int, Int), second: (Int, Int, Bool)) -> Limits in
        let (unit, retained, slice) = first
        let (floor, cap, own) = second
        return Limits(unit: [1, 100, 7, 10_000][unit], retainedPercent: Int64(retained), slicePercent: Int64(slice),
                      floorPercent: floor > 100 ? nil : Int64(floor), capPercent: cap < 90 ? nil : Int64(cap), ownFloor: own)
    }

    /// Weights as whole numbers (1 to 1,000) over their sum, one per indicator; a zero now and then.
    static let weights = Gen.int(in: 0...1_000).array(of: 3)

    static func settings(_ rows: [[Int]], pot: Int64, limits: Limits) -> AllocationSettings {
        let unit = limits.unit
        let potInUnits = max(unit, pot / unit * unit)
        let retained = potInUnits * limits.retainedPercent / 100 / unit * unit
        let slice = (potInUnits - retained) * limits.slicePercent / 100 / unit * unit
        let share = (potInUnits - retained) / Int64(rows.count)
        var settings = AllocationSettings(
            pot: Located(Money(pence: potInUnits)),
            weights: ["population", "crime", "deprivation"].map { WeightSetting(indicator: $0, weight: Rational(1, 3) ?? .zero) },
            unit: Located(Money(pence: unit)))
        settings.topSlices = [TopSlice(name: "central", amount: Money(pence: retained)),
                              TopSlice(name: "first", amount: Money(pence: slice), area: "Area 0")]
        if let floor = limits.floorPercent {
            let amount = Money(pence: share * floor / 100 / unit * unit)
            if limits.ownFloor { settings.areaLimits = [AreaLimit(.floor, area: "Area 0", amount: amount)] } else { settings.floor = Located(amount) }
        }
        if let cap = limits.capPercent { settings.cap = Located(Money(pence: max(slice, share * cap / 100 / unit * unit + unit))) }
        return settings
    }

    @Test func theKernelEqualsTheGeneralPath() async {
        let seen = Mutex((compared: 0, limited: 0, refused: 0))
        await propertyCheck(count: 400, input: AllocationPropertyTests.rows, AllocationPropertyTests.pots, Self.weights, Self.limits) {
            rows, pot, integers, limits in
            let weights = integers.map { Int128($0) }
            let common = weights.reduce(0, +)
            guard common > 0 else { return }
            let (table, _) = AreaTable.parse(AllocationPropertyTests.csv(rows), file: "random.csv")
            let areaTable = try #require(table)
            var settings = Self.settings(rows, pot: pot, limits: limits)
            let (inputs, problems) = Allocator.prepare(areaTable, settings)
            guard let inputs, !problems.contains(where: { $0.severity == .error }), settings.problems().isEmpty else { return }
            settings.weights = zip(settings.weights, weights).map {
                WeightSetting(indicator: $0.indicator, weight: Rational($1, common) ?? .zero)
            }
            let general = Allocator.compute(areaTable, settings, inputs).0
            let kernel = try #require(AllocationKernel(inputs, settings), "these tables fit 128 bits")
            var amounts: [Int64] = []
            var scratch = AllocationKernel.Scratch()
            do throws(AllocationKernel.Miss) {
                try kernel.allocate(integerWeights: weights, over: common, unit: settings.unit.value.pence, into: &amounts, scratch: &scratch)
                #expect(general?.areas.map(\.amount.pence) == amounts)
                seen.withLock {
                    $0.compared += 1
                    if general?.flooring.map({ $0.flooredCount + $0.cappedCount > 0 }) == true { $0.limited += 1 }
                }
                // The same weights as fractions give the same amounts.
                var again: [Int64] = []
                try kernel.allocate(settings.weights.map(\.weight), unit: settings.unit.value.pence, into: &again, scratch: &scratch)
                #expect(again == amounts)
            } catch {
                switch error {
                case .infeasible:
                    #expect(general == nil, "the kernel refused what the general path allocated")
                    seen.withLock { $0.refused += 1 }
                case .tooWide: Issue.record("these bounds fit 128 bits")
                }
            }
        }
        // Not a property of nothing: most draws are compared, many with areas held at a floor or cap.
        let counts = seen.withLock { $0 }
        // Thresholds well below the usual counts (about 390 compared, 160 limited), so no seed flakes.
        #expect(counts.compared >= 200 && counts.limited >= 40, "\(counts)")
    }

    @Test func wideFiguresFallBackToTheGeneralPath() throws {
        // Totals whose common denominator passes 127 bits: coprime 20-digit column totals.
        let csv = "area,population,crime,deprivation\nA,10000000000000000001,10000000000000000003.5,7.123456789\n"
            + "B,20000000000000000011,30000000000000000013,8.000000001\nC,1,1,0.000000007\n"
        let (table, _) = AreaTable.parse(Array(csv.utf8), file: "wide.csv")
        let settings = AllocationSettings(
            pot: Located(Money(pence: 900_000_000_000_001)),
            weights: ["population", "crime", "deprivation"].map { WeightSetting(indicator: $0, weight: Rational(1, 3) ?? .zero) },
            floor: Located(Money(pence: 1_000)))
        let areaTable = try #require(table)
        let fast = try #require(AllocationSweep.run(areaTable, settings, count: 25, path: .fast).0)
        let general = try #require(AllocationSweep.run(areaTable, settings, count: 25, path: .general).0)
        #expect(fast.byGeneralPath == 25)
        #expect(fast.checksum == general.checksum)
    }

    @Test func sweepsAreDeterministicAndAgreeWithTheGeneralPath() throws {
        var csv = "area,population,crime,deprivation\n"
        var state: UInt64 = 7
        for area in 0..<60 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let population = 20_000 + Int(state >> 44) % 380_000
            csv += "Area \(area),\(population),\(population / (7 + area % 9)),\(5 + area % 40).\(area % 10)\(area % 7)\(area % 3)\n"
        }
        let (table, _) = AreaTable.parse(Array(csv.utf8), file: "sixty.csv")
        var settings = AllocationSettings(
            pot: Located(Money(pence: 27_075_001)),
            weights: ["population", "crime", "deprivation"].map { WeightSetting(indicator: $0, weight: Rational(1, 3) ?? .zero) },
            floor: Located(Money(pence: 300_000)))
        settings.cap = Located(Money(pence: 700_000))
        settings.topSlices = [TopSlice(name: "x", amount: Money(pence: 1_000_000)), TopSlice(name: "y", amount: Money(pence: 5), area: "Area 3")]
        let areaTable = try #require(table)
        let fast = try #require(AllocationSweep.run(areaTable, settings, count: 200, path: .fast).0)
        let again = try #require(AllocationSweep.run(areaTable, settings, count: 200, path: .fast).0)
        let general = try #require(AllocationSweep.run(areaTable, settings, count: 200, path: .general).0)
        #expect(fast == again)
        #expect(fast.byKernel == 200)
        #expect(fast.checksum == general.checksum)
        #expect(fast.notPossible == general.notPossible)
    }

    @Test func selectionFindsTheLargest() {
        let keys: [Int128] = [5, 9, 9, 1, 7, 9, 3]
        for k in 0...keys.count {
            var indices = Array(keys.indices)
            AllocationKernel.selectLargest(k, of: &indices, by: keys)
            let expected = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] > keys[$1] : $0 < $1 }.prefix(k)
            #expect(Set(indices.prefix(k)) == Set(expected), "k = \(k)")
        }
    }
}
