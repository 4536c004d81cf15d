import Foundation
import PropertyBased
import Testing
@testable import GrantLedgerCore

/// Round trips between the parser and the formatter, over the whole range of pence.
@Suite("Money round trips")
struct MoneyRoundTripTests {
    /// Any pence, with the edges (and their neighbours) drawn often.
    static let anyPence = Gen<Int64>.frequency(
        (weight: 6, gen: Gen.int64(in: (Int64.min + 1)...Int64.max)),
        (weight: 2, gen: Gen.int64(in: -1_000_000...1_000_000)),
        (weight: 1, gen: Gen<Int64?>.element(of: [Int64.min + 1, Int64.min + 2, -1, 0, 1, 99, 100, 101, 999_999,
                                                    Int64.max - 1, Int64.max]).map { $0 ?? 0 })
    )

    @Test(arguments: [Int64.min + 1, Int64.min + 2, -100_000, -1, 0, 1, 9, 10, 99, 100, 100_000, 123_456_789,
                      Int64.max - 1, Int64.max])
    func edgesRoundTrip(_ pence: Int64) throws {
        let money = Money(pence: pence)
        #expect(try MoneyParser.parse(money.formatted(.display)) == money)
        #expect(try MoneyParser.parse(money.formatted(.plain)) == money)
    }

    @Test func parseAfterFormatIsIdentity() async {
        await propertyCheck(count: 1000, input: Self.anyPence) { pence throws in
            let money = Money(pence: pence)
            #expect(try MoneyParser.parse(money.formatted(.display)) == money)
            #expect(try MoneyParser.parse(money.formatted(.plain)) == money)
            #expect(money.description == money.formatted(.display))
        }
    }

    /// The formatter writes bytes itself; Swift's own integer printing and the one grouping are the oracle.
    @Test func formattingAgreesWithSwiftsIntegerPrinting() async {
        await propertyCheck(count: 1000, input: Self.anyPence) { pence throws in
            let money = Money(pence: pence)
            let magnitude = pence.magnitude, cents = magnitude % 100
            let plain = (pence < 0 ? "-" : "") + String(magnitude / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
            #expect(money.formatted(.plain) == plain)
            let grouped = Thousands.grouped(String(magnitude / 100))
            #expect(money.formatted(.display) == (pence < 0 ? "-" : "") + "£" + grouped + "." + plain.suffix(2))
            #expect(money.formattedWidth(.plain) == plain.count)
            #expect(money.formattedWidth(.display) == money.formatted(.display).count)
        }
        #expect(Money(pence: .min).formatted(.display) == "-£92,233,720,368,547,758.08")
        #expect(Money(pence: .min).formattedWidth(.display) == 27)
    }

    @Test func displayAndPlainDifferOnlyInThePoundSignAndCommas() async {
        await propertyCheck(count: 500, input: Self.anyPence) { pence throws in
            let money = Money(pence: pence)
            let display = money.formatted(.display)
            let plain = money.formatted(.plain)
            #expect(display.replacingOccurrences(of: "£", with: "").replacingOccurrences(of: ",", with: "") == plain)
            #expect(plain.hasPrefix("-") == (pence < 0))
            #expect(plain.split(separator: ".").last?.count == 2)
        }
    }

    @Test func int64MinFormatsButIsNotAcceptedBack() {
        let money = Money(pence: .min)
        #expect(money.formatted(.display) == "-£92,233,720,368,547,758.08")
        #expect(money.formatted(.plain) == "-92233720368547758.08")
        #expect(throws: MoneyParseProblem.self) { try MoneyParser.parse(money.formatted(.display)) }
    }

    @Test(arguments: [
        (0, "£0.00", "0.00"), (5, "£0.05", "0.05"), (50, "£0.50", "0.50"), (-1, "-£0.01", "-0.01"),
        (100_000, "£1,000.00", "1000.00"), (99_999, "£999.99", "999.99"), (-2_000, "-£20.00", "-20.00"),
        (62_511_800, "£625,118.00", "625118.00"), (100_000_000_000, "£1,000,000,000.00", "1000000000.00"),
    ] as [(Int64, String, String)])
    func formats(_ pence: Int64, _ display: String, _ plain: String) {
        #expect(Money(pence: pence).formatted(.display) == display)
        #expect(Money(pence: pence).formatted(.plain) == plain)
    }

    /// Valid spellings built from parts: optional sign and £ in either order, grouped or not, no,
    /// one or two decimals. Formatting what they parse to and parsing again gives the same money.
    static let spelling = zip(
        Gen.int64(in: 0...92_233_720_368_547),
        Gen.int(in: 0...2),
        Gen.int(in: 0...99),
        Gen.int(in: 0...5),
        Gen.bool
    ).map { parts -> (text: String, pence: Int64) in
        let (pounds, decimals, fraction, signStyle, grouped) = parts
        var digits = String(pounds)
        if grouped && digits.count > 3 {
            var out = ""
            for (i, c) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
                out.append(c)
            }
            digits = out
        }
        var pence = pounds * 100
        switch decimals {
        case 1:
            digits += "." + String(fraction % 10)
            pence += Int64(fraction % 10) * 10
        case 2:
            digits += "." + (fraction < 10 ? "0" : "") + String(fraction)
            pence += Int64(fraction)
        default: break
        }
        let prefix = ["", "£", "-£", "£-", "-", "+£"][signStyle]
        return (prefix + digits, prefix.contains("-") ? -pence : pence)
    }

    @Test func formatAfterParseIsCanonical() async {
        await propertyCheck(count: 1000, input: Self.spelling) { spelling throws in
            let money = try MoneyParser.parse(spelling.text)
            #expect(money.pence == spelling.pence, "\(spelling.text)")
            let display = money.formatted(.display)
            #expect(try MoneyParser.parse(display) == money)
            // Formatting is canonical: once formatted, parse-then-format changes nothing.
            #expect(try MoneyParser.parse(display).formatted(.display) == display)
            #expect(try MoneyParser.parse(money.formatted(.plain)).formatted(.plain) == money.formatted(.plain))
        }
    }

    /// Random short strings over the amount alphabet never trap, and whatever parses formats back to
    /// something that parses to the same money.
    @Test func arbitraryTokensNeverTrap() async {
        let alphabet: [String] = ["0", "1", "5", "9", ",", ".", "-", "+", "£", "x", " ", "\u{A3}", "\u{C2}"]
        let token = Gen<String?>.element(of: alphabet).map { $0 ?? "" }.array(of: 0...14).map { $0.joined() }
        await propertyCheck(count: 2000, input: token) { text in
            do throws(MoneyParseProblem) {
                let money = try MoneyParser.parse(text)
                #expect(try MoneyParser.parse(money.formatted(.display)) == money)
            } catch {
                #expect(error.offset >= 0 && error.offset <= max(text.utf8.count - 1, 0), "\(text) → \(error)")
            }
        }
    }
}
