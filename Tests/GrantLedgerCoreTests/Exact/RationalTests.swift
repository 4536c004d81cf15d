import BigInt
import PropertyBased
import Testing
@testable import GrantLedgerCore

/// The 128-bit fast path checked against a plain arbitrary-precision fraction (cross-multiplication
/// and one gcd at the end), over small values, values near the edge of 128 bits and values past it.
@Suite("Rational arithmetic")
struct RationalTests {
    /// A fraction done the slow, obvious way.
    struct Reference: Equatable {
        let n: BigInt
        let d: BigInt

        init(_ n: BigInt, _ d: BigInt) {
            var n = n, d = d
            if d < 0 { n = -n; d = -d }
            let g = n.greatestCommonDivisor(with: d)
            self.n = g == 0 ? 0 : n / g
            self.d = g == 0 ? 1 : d / g
        }

        static func + (l: Reference, r: Reference) -> Reference { Reference(l.n * r.d + r.n * l.d, l.d * r.d) }
        static func - (l: Reference, r: Reference) -> Reference { Reference(l.n * r.d - r.n * l.d, l.d * r.d) }
        static func * (l: Reference, r: Reference) -> Reference { Reference(l.n * r.n, l.d * r.d) }
    }

    static func matches(_ value: Rational, _ reference: Reference) -> Bool {
        value.numerator == reference.n && value.denominator == reference.d
    }

    /// Numerators and denominators from tiny to 2^62, so products cross the 128-bit edge.
    static let part = Gen<Int64>.frequency(
        (weight: 3, gen: Gen.int64(in: -50...50)),
        (weight: 3, gen: Gen.int64(in: -1_000_000_000...1_000_000_000)),
        (weight: 2, gen: Gen.int64(in: (Int64.min + 1)...Int64.max))
    )

    static func make(_ n: Int64, _ d: Int64, _ scale: Int) -> (Rational, Reference)? {
        let d = d == 0 ? 1 : d
        // Raise to a power to reach past 128 bits sometimes.
        var bn = BigInt(n), bd = BigInt(d)
        for _ in 0..<scale { bn *= BigInt(n); bd *= BigInt(d) }
        guard let value = Rational(numerator: bn, denominator: bd) else { return nil }
        return (value, Reference(bn, bd))
    }

    @Test func arithmeticAgreesWithReference() async {
        await propertyCheck(count: 2000, input: Self.part, Self.part, Self.part, Self.part, Gen.int(in: 0...2)) {
            a, b, c, d, scale in
            guard let (x, rx) = Self.make(a, b, scale), let (y, ry) = Self.make(c, d, 0) else { return }
            #expect(Self.matches(x + y, rx + ry))
            #expect(Self.matches(x - y, rx - ry))
            #expect(Self.matches(x * y, rx * ry))
            #expect((x < y) == (rx.n * ry.d < ry.n * rx.d))
            #expect((x == y) == (rx == ry))
            if !y.isZero {
                let quotient = try x.divided(by: y)
                #expect(Self.matches(quotient, Reference(rx.n * ry.d, rx.d * ry.n)))
            }
        }
    }

    @Test func largeValuesDemoteWhenTheyShrink() throws {
        let huge = try #require(Rational(numerator: BigInt(1) << 200, denominator: 3))
        #expect(!huge.isCompact)
        let back = try huge.divided(by: huge)
        #expect(back == .one)
        #expect(back.isCompact)
        #expect((huge - huge) == .zero)
    }

    @Test func edgeOfInt128() throws {
        let max = Rational(Int128.max)
        let sum = max + .one
        #expect(!sum.isCompact)
        #expect(sum.numerator == BigInt(Int128.max) + 1)
        #expect((sum - .one) == max)
        #expect((sum - .one).isCompact)
        let minimum = Rational(Int128.min)
        #expect(!minimum.isCompact)
        #expect((-minimum).numerator == BigInt(Int128.max) + 1)
        #expect(max * max > max)
    }

    @Test func divisionByZeroIsAnError() {
        #expect(throws: RationalError.divisionByZero) { try Rational.one.divided(by: .zero) }
        #expect(throws: RationalError.divisionByZero) { try Rational.zero.reciprocal() }
        #expect(Rational(1, 0) == nil)
    }

    @Test(arguments: [
        (1, 3, 12, "0.333333333333"), (2, 3, 12, "0.666666666667"), (-2, 3, 2, "-0.67"),
        (1, 8, 2, "0.13"), (-1, 8, 2, "-0.13"), (5, 1, 0, "5"), (1, 1000, 2, "0.00"), (123456789, 100, 1, "1234567.9"),
    ] as [(Int128, Int128, Int, String)])
    func decimalStrings(_ n: Int128, _ d: Int128, _ places: Int, _ expected: String) throws {
        let value = try #require(Rational(n, d))
        #expect(value.decimalString(places: places) == expected)
    }

    @Test func decimalsRoundByTheNamedMode() throws {
        let half = try #require(Rational(5, 1000))
        #expect(half.decimalString(places: 2, mode: .halfAwayFromZero) == "0.01")
        #expect(half.decimalString(places: 2, mode: .halfEven) == "0.00")
        #expect(half.decimalString(places: 2, mode: .down) == "0.00")
        #expect((-half).decimalString(places: 2, mode: .floor) == "-0.01")
    }

    @Test func terminatingDecimals() throws {
        #expect(try #require(Rational(1, 4)).terminatingDecimal() == "0.25")
        #expect(try #require(Rational(13154, 1000)).terminatingDecimal() == "13.154")
        #expect(try #require(Rational(1, 3)).terminatingDecimal() == nil)
        #expect(Rational(7).terminatingDecimal() == "7")
    }

    @Test func floorAndRounding() throws {
        #expect(try #require(Rational(7, 2)).floor() == 3)
        #expect(try #require(Rational(-7, 2)).floor() == -4)
        #expect(try #require(Rational(-7, 2)).rounded(.halfAwayFromZero) == -4)
        #expect(try #require(Rational(-7, 2)).rounded(.halfEven) == -4)
        #expect(try #require(Rational(5, 2)).rounded(.halfEven) == 2)
        #expect(Rational(6).int64Value == 6)
        #expect(try #require(Rational(6, 4)).int64Value == nil)
    }

    @Test func descriptions() throws {
        #expect(try #require(Rational(2, 6)).description == "1/3")
        #expect(try #require(Rational(-4, -2)).description == "2")
        #expect(try #require(Rational(3, -9)).description == "-1/3")
    }

    @Test func sumOfThirdsIsOne() throws {
        let third = try #require(Rational(1, 3))
        #expect(Rational.sum([third, third, third]) == .one)
        let seventh = try #require(Rational(1, 7))
        #expect(Rational.sum(Array(repeating: seventh, count: 7)) == .one)
    }
}

@Suite("Int128 and BigInt conversion")
struct WideConversionTests {
    @Test(arguments: [Int128.max, Int128.min, Int128.min + 1, -1, 0, 1, Int128(Int64.min) * 3, -(Int128(1) << 64) - 7,
                      Int128(1) << 100])
    func roundTrip(_ value: Int128) {
        let big = WideConversion.big(value)
        #expect(big.description == value.description)
        #expect(WideConversion.small(big) == (value == .min ? nil : value))
    }

    @Test func tooWide() {
        #expect(WideConversion.small(BigInt(1) << 127) == nil)
        #expect(WideConversion.small(-(BigInt(1) << 127)) == nil)
        #expect(WideConversion.small(BigInt(1) << 200) == nil)
    }
}
