import Testing
@testable import GrantLedgerCore

/// The factor that floors, caps and damping share: the sum of clamped, scaled amounts hits the target
/// exactly, and the areas inside their limits are all scaled alike.
@Suite("Bounded scaling")
struct BoundedScalingTests {
    static func item(_ base: Int, _ slope: Int, _ low: Int, _ high: Int?) -> BoundedScaling.Item {
        BoundedScaling.Item(base: Rational(base), slope: Rational(slope), low: Rational(low), high: high.map { Rational($0) })
    }

    @Test func floorsScaleTheOthersDown() throws {
        // 10, 30, 60 with a floor of 20: the first is lifted, the others share 80 in proportion 30 : 60.
        let outcome = try #require(BoundedScaling.solve([Self.item(0, 10, 20, nil), Self.item(0, 30, 20, nil), Self.item(0, 60, 20, nil)],
                                                        target: Rational(100)))
        #expect(outcome.values.map(\.description) == ["20", "80/3", "160/3"])
        #expect(outcome.positions == [.low, .free, .free])
        #expect(outcome.factor.description == "8/9")
    }

    @Test func capsScaleTheOthersUp() throws {
        let outcome = try #require(BoundedScaling.solve([Self.item(0, 10, 0, nil), Self.item(0, 30, 0, nil), Self.item(0, 60, 0, 40)],
                                                        target: Rational(100)))
        #expect(outcome.values.map(\.description) == ["15", "45", "40"])
        #expect(outcome.positions == [.free, .free, .high])
        #expect(outcome.factor.description == "3/2")
    }

    @Test func bothAtOnceAndOutOfReach() throws {
        // A cap binds only once the floor has lowered the factor, and vice versa: one sweep finds both.
        let items = [Self.item(0, 1, 30, nil), Self.item(0, 49, 0, 45), Self.item(0, 50, 0, nil)]
        let outcome = try #require(BoundedScaling.solve(items, target: Rational(100)))
        #expect(Rational.sum(outcome.values) == Rational(100))
        #expect(outcome.positions == [.low, .free, .free])
        #expect(outcome.values[0] == Rational(30))
        #expect(BoundedScaling.solve(items, target: Rational(20)) == nil, "the floor alone costs 30")
        #expect(BoundedScaling.solve([Self.item(0, 1, 0, 10), Self.item(0, 1, 0, 10)], target: Rational(21)) == nil)
        // An item with no slope stays where its limits put it.
        let fixed = try #require(BoundedScaling.solve([Self.item(5, 0, 10, nil), Self.item(0, 1, 0, nil)], target: Rational(12)))
        #expect(fixed.values == [Rational(10), Rational(2)])
    }
}
