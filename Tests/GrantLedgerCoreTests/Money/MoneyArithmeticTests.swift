import PropertyBased
import Testing
@testable import GrantLedgerCore

/// Checked arithmetic: never a wrap, never a trap; overflow is reported exactly when the true
/// result (computed in 128 bits) does not fit in 64.
@Suite("Money arithmetic")
struct MoneyArithmeticTests {
    static let edgeHeavy = Gen<Int64>.frequency(
        (weight: 4, gen: Gen.int64()),
        (weight: 2, gen: Gen.int64(in: -10_000...10_000)),
        (weight: 1, gen: Gen.int64(in: (Int64.max - 1000)...Int64.max)),
        (weight: 1, gen: Gen.int64(in: Int64.min...(Int64.min + 1000))),
        (weight: 1, gen: Gen.int64(in: -4_000_000_000...4_000_000_000))
    )

    static func fits(_ value: Int128) -> Bool { value >= Int128(Int64.min) && value <= Int128(Int64.max) }
    static func wide(_ value: Int64?) -> Int128? { value.map { Int128($0) } }
    /// What a checked operation should give: the true result when it fits, otherwise nothing.
    static func expected(_ truth: Int128) -> Int128? { fits(truth) ? truth : nil }

    /// The outcome of a throwing operation as a value, for comparing with the wide computation.
    static func outcome(_ body: () throws(MoneyError) -> Money) -> Int64? {
        do throws(MoneyError) { return try body().pence } catch { return nil }
    }

    @Test func additionOverflowsExactlyWhenTheTrueSumDoesNotFit() async {
        await propertyCheck(count: 2000, input: Self.edgeHeavy, Self.edgeHeavy) { a, b in
            let truth = Int128(a) + Int128(b)
            let got = Self.outcome { () throws(MoneyError) in try Money(pence: a).adding(Money(pence: b)) }
            #expect(Self.wide(got) == Self.expected(truth))
        }
    }

    @Test func subtractionOverflowsExactlyWhenTheTrueDifferenceDoesNotFit() async {
        await propertyCheck(count: 2000, input: Self.edgeHeavy, Self.edgeHeavy) { a, b in
            let truth = Int128(a) - Int128(b)
            let got = Self.outcome { () throws(MoneyError) in try Money(pence: a).subtracting(Money(pence: b)) }
            #expect(Self.wide(got) == Self.expected(truth))
        }
    }

    @Test func multiplicationOverflowsExactlyWhenTheTrueProductDoesNotFit() async {
        await propertyCheck(count: 2000, input: Self.edgeHeavy, Self.edgeHeavy) { a, b in
            let truth = Int128(a) * Int128(b)
            let got = Self.outcome { () throws(MoneyError) in try Money(pence: a).multiplied(by: b) }
            #expect(Self.wide(got) == Self.expected(truth))
        }
    }

    @Test func negationAndWholePounds() async {
        await propertyCheck(count: 1000, input: Self.edgeHeavy) { a in
            let negated = Self.outcome { () throws(MoneyError) in try Money(pence: a).negated() }
            #expect(Self.wide(negated) == Self.expected(-Int128(a)))
            let pounds = Self.outcome { () throws(MoneyError) in try Money(pounds: a) }
            let truth = Int128(a) * 100
            #expect(Self.wide(pounds) == Self.expected(truth))
        }
    }

    @Test func edges() throws {
        #expect(throws: MoneyError.overflow) { try Money(pence: .max).adding(Money(pence: 1)) }
        #expect(throws: MoneyError.overflow) { try Money(pence: .min).subtracting(Money(pence: 1)) }
        #expect(throws: MoneyError.overflow) { try Money(pence: .min).negated() }
        #expect(throws: MoneyError.overflow) { try Money(pence: .min).multiplied(by: -1) }
        #expect(throws: MoneyError.overflow) { try Money(pounds: 92_233_720_368_547_759) }
        #expect(try Money(pounds: 92_233_720_368_547_758).pence == 9_223_372_036_854_775_800)
        #expect(try Money(pence: .max).adding(Money(pence: .min)).pence == -1)
        #expect(try Money(pence: .min + 1).negated() == Money(pence: .max))
        #expect(try Money(pence: -1).multiplied(by: 0) == .zero)
    }

    @Test func additionIsCommutativeAndAssociativeWhenNothingOverflows() async {
        await propertyCheck(count: 2000, input: Self.edgeHeavy, Self.edgeHeavy, Self.edgeHeavy) { a, b, c in
            let (x, y, z) = (Money(pence: a), Money(pence: b), Money(pence: c))
            let ab = Self.outcome { () throws(MoneyError) in try x.adding(y) }
            let ba = Self.outcome { () throws(MoneyError) in try y.adding(x) }
            #expect(ab == ba)
            let left = Self.outcome { () throws(MoneyError) in try x.adding(y).adding(z) }
            let right = Self.outcome { () throws(MoneyError) in try x.adding(y.adding(z)) }
            if let left, let right { #expect(left == right) }
            // When the true total fits and both groupings get there, they agree with it.
            let truth = Int128(a) + Int128(b) + Int128(c)
            if let left { #expect(Int128(left) == truth) }
            if let right { #expect(Int128(right) == truth) }
            if Self.fits(truth) && Self.fits(Int128(a) + Int128(b)) { #expect(left != nil) }
        }
    }

    @Test func sumOverflowsExactlyWhenAPartialSumDoesNot() async {
        await propertyCheck(count: 1000, input: Self.edgeHeavy.array(of: 0...6)) { values in
            var partial: Int128 = 0
            var fitsAll = true
            for value in values {
                partial += Int128(value)
                if !Self.fits(partial) { fitsAll = false }
            }
            let got = Self.outcome { () throws(MoneyError) in try Money.sum(values.map(Money.init(pence:))) }
            #expect(Self.wide(got) == (fitsAll ? partial : nil))
        }
    }

    @Test func comparisonFollowsPence() async {
        await propertyCheck(count: 500, input: Self.edgeHeavy, Self.edgeHeavy) { a, b in
            #expect((Money(pence: a) < Money(pence: b)) == (a < b))
            #expect((Money(pence: a) == Money(pence: b)) == (a == b))
            #expect(Money(pence: a).isNegative == (a < 0))
            #expect(Money(pence: a).isZero == (a == 0))
        }
    }
}
