import PropertyBased
import Testing
@testable import GrantLedgerCore

/// `RoundingMode.divide` against definitions written independently: the two integers either side of
/// the exact quotient, found by search and chosen by comparing distances, in 128-bit arithmetic.
@Suite("Rounding modes")
struct RoundingModeTests {
    /// The reference: `floor` is the largest k with k·d ≤ n, found by stepping from a rough guess, so
    /// nothing here relies on how `/` and `%` round.
    static func reference(_ mode: RoundingMode, _ n: Int64, _ d: Int64) -> Int64 {
        let wideN = Int128(n), wideD = Int128(d)
        var floor = wideN / wideD
        while floor * wideD > wideN { floor -= 1 }
        while (floor + 1) * wideD <= wideN { floor += 1 }
        let ceiling = floor * wideD == wideN ? floor : floor + 1
        if floor == ceiling { return Int64(floor) }
        let below = wideN - floor * wideD        // distance to floor, in units of 1/d
        let above = ceiling * wideD - wideN      // distance to ceiling
        let towardZero = n < 0 ? ceiling : floor
        let awayFromZero = n < 0 ? floor : ceiling
        let result: Int128
        switch mode {
        case .down: result = towardZero
        case .up: result = awayFromZero
        case .floor: result = floor
        case .ceiling: result = ceiling
        case .halfAwayFromZero:
            result = below == above ? awayFromZero : (below < above ? floor : ceiling)
        case .halfEven:
            result = below == above ? (floor % 2 == 0 ? floor : ceiling) : (below < above ? floor : ceiling)
        }
        return Int64(result)
    }

    @Test(arguments: RoundingMode.allCases)
    func agreesWithTheReferenceOverSmallRangesIncludingNegatives(_ mode: RoundingMode) {
        for d in Int64(1)...12 {
            for n in Int64(-60)...60 {
                #expect(mode.divide(n, by: d) == Self.reference(mode, n, d), "\(mode) \(n)/\(d)")
            }
        }
    }

    @Test(arguments: RoundingMode.allCases)
    func agreesWithTheReferenceOverTheWholeRange(_ mode: RoundingMode) async {
        let numerator = Gen<Int64>.frequency(
            (weight: 3, gen: Gen.int64()),
            (weight: 1, gen: Gen.int64(in: Int64.min...(Int64.min + 100))),
            (weight: 1, gen: Gen.int64(in: (Int64.max - 100)...Int64.max)),
            (weight: 2, gen: Gen.int64(in: -100_000...100_000))
        )
        let denominator = Gen<Int64>.frequency(
            (weight: 2, gen: Gen.int64(in: 1...Int64.max)),
            (weight: 1, gen: Gen.int64(in: (Int64.max - 10)...Int64.max)),
            (weight: 3, gen: Gen.int64(in: 1...1000))
        )
        await propertyCheck(count: 1000, input: numerator, denominator) { n, d in
            #expect(mode.divide(n, by: d) == Self.reference(mode, n, d))
        }
    }

    @Test func examplesFromTheSpreadsheetWorld() {
        // 2.5 and -2.5, 0.5 and -0.5, 1.5: where the modes disagree.
        let cases: [(RoundingMode, [Int64])] = [
            (.halfAwayFromZero, [3, -3, 1, -1, 2]),
            (.halfEven, [2, -2, 0, 0, 2]),
            (.down, [2, -2, 0, 0, 1]),
            (.up, [3, -3, 1, -1, 2]),
            (.floor, [2, -3, 0, -1, 1]),
            (.ceiling, [3, -2, 1, 0, 2]),
        ]
        for (mode, expected) in cases {
            let got = [mode.divide(5, by: 2), mode.divide(-5, by: 2), mode.divide(1, by: 2), mode.divide(-1, by: 2),
                       mode.divide(3, by: 2)]
            #expect(got == expected, "\(mode)")
        }
        #expect(RoundingMode.standard == .halfAwayFromZero)
        #expect(RoundingMode(rawValue: "half-even") == .halfEven)
    }
}
