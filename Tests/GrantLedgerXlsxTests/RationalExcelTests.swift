import BigInt
import GrantLedgerCore
import PropertyBased
import Testing
@testable import GrantLedgerXlsx

/// Exact fractions become the nearest double at the cell; IEEE division of two exactly held
/// integers is correctly rounded, so it is the reference.
@Suite("Fractions to doubles")
struct RationalExcelTests {
    func r(_ n: Int128, _ d: Int128) -> Rational { Rational(n, d) ?? .zero }

    @Test func familiarValues() {
        #expect(r(1, 3).excelValue() == 1.0 / 3.0)
        #expect(r(1, 10).excelValue() == 0.1)
        #expect(r(-2, 3).excelValue() == -2.0 / 3.0)
        #expect(Rational.zero.excelValue() == 0)
        #expect(r(4_824_083, 1).excelPounds() == 48_240.83)
        #expect(r(1, 3).excelPounds() == 1.0 / 300.0)
    }

    @Test func tiesGoToEven() {
        // 2^53 + 1 lies halfway between two doubles: to the even one, 2^53.
        #expect(r((1 << 53) + 1, 1).excelValue() == 9_007_199_254_740_992)
        #expect(r((1 << 53) + 3, 1).excelValue() == 9_007_199_254_740_996)
        // Just above the halfway point rounds up.
        #expect(r((1 << 54) + 2 + 1, 2).excelValue() == 9_007_199_254_740_994)
    }

    @Test func agreesWithIEEEDivisionOfExactIntegers() async {
        let limit: Int64 = 1 << 53
        await propertyCheck(count: 2000, input: Gen.int64(in: -limit...limit), Gen.int64(in: 1...limit)) { n, d in
            #expect(r(Int128(n), Int128(d)).excelValue() == Double(n) / Double(d))
        }
    }

    /// Reference values from Python's `float(Fraction(n, d))`, which rounds correctly (dividing the
    /// doubles 1e40 / 3 would round twice).
    @Test func hugeAndTinyFractions() {
        let big = Rational(numerator: BigInt(10).power(40) + 1, denominator: BigInt(3)) ?? .zero
        #expect(big.excelValue() == 3.333333333333333e+39)
        let tiny = Rational(numerator: 1, denominator: BigInt(10).power(30)) ?? .zero
        #expect(tiny.excelValue() == 1e-30)
    }
}
