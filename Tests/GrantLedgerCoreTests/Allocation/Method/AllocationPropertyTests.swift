import PropertyBased
import Testing
@testable import GrantLedgerCore

/// The properties issue 3 asks of the method, on random area data, weights, pots, units and floors.
@Suite("Allocation properties")
struct AllocationPropertyTests {
    /// Three indicator columns of whole numbers (thousandths, so decimals appear in the file), one
    /// row per area; the first area is never all zero so every column has a positive total.
    static let rows = Gen.int(in: 0...2_000_000).array(of: 3).array(of: 1...25).map { rows in
        rows.enumerated().map { index, row in index == 0 ? row.map { $0 + 1 } : row }
    }
    static let pots = Gen.int64(in: 1...50_000_000_000)
    static let weightChoices: [[String]] = [
        ["1/3", "1/3", "1/3"], ["1/7", "2/7", "4/7"], ["25%", "50.5%", "24.5%"], ["0.2", "0.3", "0.5"], ["1", "0", "0"],
        ["5/11", "1/3", "7/33"],
    ]
    static let weightIndex = Gen.int(in: 0...5)

    static func csv(_ rows: [[Int]], names: [String]? = nil) -> [UInt8] {
        var text = "area,population,crime,deprivation\n"
        for (index, row) in rows.enumerated() {
            text += (names?[index] ?? "Area \(index)") + ","
            text += row.map { "\($0 / 1000).\(String(repeating: "0", count: 3 - String($0 % 1000).count))\($0 % 1000)" }
                .joined(separator: ",") + "\n"
        }
        return Array(text.utf8)
    }

    static func allocate(_ rows: [[Int]], pot: Int64, weights: [String], unit: Int64 = 1, floor: Int64? = nil,
                         names: [String]? = nil) throws -> Allocation {
        let (table, problems) = AreaTable.parse(csv(rows, names: names), file: "random.csv")
        #expect(problems.isEmpty, "\(problems)")
        let settings = AllocationSettings(
            pot: Located(Money(pence: pot / unit * unit)),
            weights: try zip(["population", "crime", "deprivation"], weights).map {
                WeightSetting(indicator: $0, weight: try ExactNumberParser.parseWeight($1))
            },
            unit: Located(Money(pence: unit)), floor: floor.map { Located(Money(pence: $0)) })
        let (allocation, diagnostics) = Allocator.allocate(try #require(table), settings)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(allocation)
    }

    @Test func roundedPartsSumToThePot() async {
        await propertyCheck(count: 300, input: Self.rows, Self.pots, Self.weightIndex, Gen.int(in: 0...3)) {
            rows, pot, w, unitChoice in
            let unit: Int64 = [1, 100, 10_000, 7][unitChoice]
            let allocation = try Self.allocate(rows, pot: pot, weights: Self.weightChoices[w], unit: unit)
            #expect(allocation.total == allocation.pot)
            #expect(Rational.sum(allocation.areas.map(\.blendedShare)) == .one)
            for area in allocation.areas {
                #expect(area.amount.pence % unit == 0)
                // Largest remainder never moves an amount more than one unit from its exact value.
                let difference = Rational(pence: area.amount) - area.exactAmount
                #expect(difference > Rational(-unit) && difference < Rational(unit))
            }
        }
    }

    @Test func permutingAreasPermutesTheResult() async {
        await propertyCheck(count: 200, input: Self.rows, Self.pots, Self.weightIndex, Gen.int(in: 0...1_000)) {
            rows, pot, w, seed in
            var rng = SplitMix(seed: UInt64(seed))
            let order = Array(rows.indices).shuffled(using: &rng)
            let names = rows.indices.map { "Area \($0)" }
            let original = try Self.allocate(rows, pot: pot, weights: Self.weightChoices[w], names: names)
            let permuted = try Self.allocate(order.map { rows[$0] }, pot: pot, weights: Self.weightChoices[w],
                                             names: order.map { names[$0] })
            for (position, index) in order.enumerated() {
                let before = original.areas[index]
                let after = permuted.areas[position]
                #expect(before.name == after.name)
                #expect(before.exactAmount == after.exactAmount)
                // Ties aside: an area whose remainder equals another's may swap a unit with it.
                let tied = original.areas.contains { $0.index != index && $0.remainder == before.remainder && !$0.remainder.isZero }
                if !tied { #expect(before.amount == after.amount) }
            }
        }
    }

    @Test func scalingAnIndicatorChangesNothing() async {
        await propertyCheck(count: 200, input: Self.rows, Self.pots, Self.weightIndex, Gen.int(in: 2...1_000), Gen.int(in: 0...2)) {
            rows, pot, w, factor, column in
            let scaled = rows.map { row in row.enumerated().map { $0 == column ? $1 * factor : $1 } }
            let original = try Self.allocate(rows, pot: pot, weights: Self.weightChoices[w])
            let after = try Self.allocate(scaled, pot: pot, weights: Self.weightChoices[w])
            #expect(original.areas.map(\.blendedShare) == after.areas.map(\.blendedShare))
            #expect(original.areas.map(\.amount) == after.areas.map(\.amount))
        }
    }

    @Test func floorsAreMet() async {
        await propertyCheck(count: 300, input: Self.rows, Self.pots, Self.weightIndex, Gen.int(in: 0...100), Gen.int(in: 0...1)) {
            rows, pot, w, percent, unitChoice in
            let unit: Int64 = [1, 100][unitChoice]
            let potInUnits = pot / unit * unit
            let floor = potInUnits / Int64(rows.count) * Int64(percent) / 100 / unit * unit
            let allocation = try Self.allocate(rows, pot: pot, weights: Self.weightChoices[w], unit: unit, floor: floor)
            #expect(allocation.total == allocation.pot)
            for area in allocation.areas {
                #expect(area.amount.pence >= floor)
                #expect(area.exactAmount >= Rational(floor))
            }
            // Areas above the floor keep their formula proportions.
            let free = allocation.areas.filter { !$0.isFloored }
            if let flooring = allocation.flooring, let first = free.first, !first.formulaAmount.isZero {
                for area in free {
                    #expect(area.exactAmount == area.formulaAmount * flooring.factor)
                }
            }
        }
    }

    @Test func raisingAnIndicatorNeverLowersTheShare() async {
        await propertyCheck(count: 300, input: Self.rows, Self.pots, Self.weightIndex, Gen.int(in: 0...24), Gen.int(in: 0...2),
                            Gen.int(in: 1...5_000_000)) { rows, pot, w, pick, column, raise in
            let area = pick % rows.count
            var raised = rows
            raised[area][column] += raise
            let before = try Self.allocate(rows, pot: pot, weights: Self.weightChoices[w])
            let after = try Self.allocate(raised, pot: pot, weights: Self.weightChoices[w])
            #expect(after.areas[area].blendedShare >= before.areas[area].blendedShare)
            #expect(after.areas[area].formulaAmount >= before.areas[area].formulaAmount)
        }
    }
}

/// A tiny seeded generator for shuffles inside a property.
struct SplitMix: RandomNumberGenerator {
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
