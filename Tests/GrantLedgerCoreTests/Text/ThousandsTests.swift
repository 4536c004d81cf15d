@testable import GrantLedgerCore
import Testing

/// The one thousands grouping: a comma every three digits of the whole part, counted from the
/// decimal point, never inside the fraction, the sign kept in front.
@Suite("Thousands grouping")
struct ThousandsTests {
    @Test(arguments: [
        ("0", "0"), ("999", "999"), ("1000", "1,000"), ("12345", "12,345"), ("123456", "123,456"),
        ("1234567.5", "1,234,567.5"), ("-1234.0625", "-1,234.0625"), ("-999", "-999"),
        ("1000.123456", "1,000.123456"), ("100000000000000000", "100,000,000,000,000,000"),
    ])
    func groupsTheWholePartOnly(decimal: String, grouped: String) {
        #expect(Thousands.grouped(decimal) == grouped)
    }

    @Test func countsAreGroupedAlike() {
        #expect(Thousands.grouped(1_999_800) == "1,999,800")
        #expect(Thousands.grouped(-1_000) == "-1,000")
        #expect(Thousands.grouped(Int.min) == "-9,223,372,036,854,775,808")
    }

    @Test func removingTheCommasGivesTheDigitsBack() {
        for digits in 1...25 {
            let number = String(repeating: "7", count: digits)
            let grouped = Thousands.grouped(number)
            #expect(grouped.filter { $0 != "," } == number)
            let groups = grouped.split(separator: "," as Character)
            #expect(groups.dropFirst().allSatisfy { $0.count == 3 })
            #expect((1...3).contains(groups[0].count))
        }
    }
}
