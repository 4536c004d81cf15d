import Testing
@testable import GrantLedgerCore

/// A damping band that holds no whole rounding unit is an error naming the area, its band and the
/// unit (issue 10: last year £1,042.53, ±3%, unit £100 gave £1,100.00, +5.51%, "held at the top").
@Suite("Damping bands without a whole unit")
struct DampingNarrowBandTests {
    static func settings(unit: Int64, band: String, previous: String) throws -> AllocationSettings {
        let last = PreviousAllocation.parse(Array(previous.utf8), file: "last.csv")
        #expect(last.1.isEmpty)
        let origin = SettingOrigin(location: SourceLocation(file: "plan.scenario", line: 7, column: 9), length: band.utf8.count,
                                   excerpt: "damping  \(band)")
        return try FullMethodTests.settings(pot: 300_000) {
            $0.unit = Located(Money(pence: unit))
            $0.previous = last.0
            $0.damping = Located(try DampingBand.parse(band), at: origin)
        }
    }

    static let previous = "area,amount\nA,1042.53\nB,1000.00\nC,1000.00\n"

    @Test func aBandWithNoWholeUnitIsALocatedError() throws {
        let (allocation, problems) = try FullMethodTests.run(try Self.settings(unit: 10_000, band: "3%", previous: Self.previous))
        #expect(allocation == nil)
        #expect(problems.map(\.code) == [.dampingBandTooNarrow])
        let problem = try #require(problems.first)
        #expect(problem.location == SourceLocation(file: "plan.scenario", line: 7, column: 9))
        #expect(problem.message == "A's damping band, about £1,011.25 to about £1,073.81 (last year £1,042.53, ±3%), holds no whole unit of £100.00: "
                + "rounded to the unit it could only be £1,000.00 or £1,100.00, outside the band")
        #expect(problem.hint?.contains("smaller unit") == true && problem.hint?.contains("widen the band") == true)
    }

    @Test func theHintsRemediesBothWork() throws {
        // A smaller unit: every area stays in its band.
        let smaller = try #require(try FullMethodTests.run(try Self.settings(unit: 100, band: "3%", previous: Self.previous)).0)
        for area in smaller.areas {
            let damping = try #require(area.damping)
            #expect(Rational(pence: area.amount) >= damping.low)
            #expect(Rational(pence: area.amount) <= (damping.high ?? Rational(pence: area.amount)))
        }
        // A wider band holds £1,000 or £1,100 for A.
        #expect(try FullMethodTests.run(try Self.settings(unit: 10_000, band: "10%", previous: Self.previous)).0 != nil)
    }

    @Test func aOneSidedBandAlwaysHoldsAUnit() throws {
        let problems = try FullMethodTests.run(try Self.settings(unit: 10_000, band: "-3%", previous: Self.previous)).1
        #expect(!problems.contains { $0.code == .dampingBandTooNarrow }, "\(problems)")
    }

    /// The total of last year's amounts in the infeasible message is exact at trillions of pounds.
    @Test func theInfeasibleMessageNamesLastYearsExactTotal() throws {
        let previous = "area,amount\nA,2000000000000.00\nB,2000000000000.00\nC,2000000000000.01\n"
        let (allocation, problems) = try FullMethodTests.run(try Self.settings(unit: 1, band: "10%", previous: previous))
        #expect(allocation == nil)
        #expect(problems.map(\.code) == [.dampingInfeasible])
        #expect(problems.first?.message.contains("last year's amounts add up to £6,000,000,000,000.01") == true, "\(problems)")
    }
}
