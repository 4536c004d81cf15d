import GrantLedgerCore
import Testing

@Suite struct PercentTests {
    @Test(arguments: [
        ("£1.00", "£8.00", "12.5"),
        ("£1.00", "£3.00", "33.3"),
        ("£2.00", "£3.00", "66.7"),
        ("£1.00", "£16.00", "6.3"),       // 6.25: half away from zero
        ("-£1.00", "£16.00", "-6.3"),
        ("£0.01", "£20.00", "0.1"),       // 0.05% rounds up
        ("-£0.01", "£20.00", "-0.1"),
        ("£0.01", "£20.01", "0.0"),
        ("£72,700.00", "£625,118.00", "11.6"),
        ("£900.00", "£600.00", "150.0"),
        ("£1.00", "-£8.00", "-12.5"),
        ("£0.00", "£5.00", "0.0"),
    ])
    func roundsExactlyToOneDecimalHalfAwayFromZero(_ part: String, _ whole: String, _ expected: String) {
        #expect(Percent(part: pounds(part), whole: pounds(whole)).formatted == expected)
    }

    @Test func noPercentOfNothingOrOfAbsurdSums() {
        #expect(Percent(part: pounds("£5.00"), whole: .zero).formatted == nil)
        #expect(Percent(part: Money(pence: .max), whole: Money(pence: 7)).tenths() == nil)
        #expect(Percent(part: Money(pence: 1), whole: Money(pence: .min)).tenths() == nil)
    }

    @Test func otherRoundingModesAreNamed() {
        let sixPointTwoFive = Percent(part: pounds("£1.00"), whole: pounds("£16.00"))
        #expect(sixPointTwoFive.tenths(.halfEven) == 62)
        #expect(sixPointTwoFive.tenths(.down) == 62)
        #expect(sixPointTwoFive.tenths() == 63)
    }
}
