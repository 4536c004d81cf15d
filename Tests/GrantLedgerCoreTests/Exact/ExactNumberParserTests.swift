import Testing
@testable import GrantLedgerCore

@Suite("Exact number parsing")
struct ExactNumberParserTests {
    @Test(arguments: [
        ("1/3", 1, 3), ("0.25", 1, 4), ("25%", 1, 4), ("50.5%", 101, 200), ("1", 1, 1), ("0", 0, 1),
        ("2/6", 1, 3), ("0.1", 1, 10), ("100%", 1, 1), ("-1/3", -1, 3), ("12.5%", 1, 8), ("007", 7, 1),
    ] as [(String, Int128, Int128)])
    func weights(_ text: String, _ n: Int128, _ d: Int128) throws {
        #expect(try ExactNumberParser.parseWeight(text) == Rational(n, d))
    }

    @Test(arguments: [
        ("", NumberParseProblem.Kind.noDigits, 0), ("1/0", .zeroDenominator, 2), ("1/", .noDigits, 1),
        ("/3", .noDigits, 0), (".5", .noLeadingDigit, 0), ("1.", .noDecimals, 1), ("1.5/3", .notWhole, 1),
        ("1/3/4", .strayCharacter, 3), ("25 %", .strayCharacter, 2), ("1,000", .strayCharacter, 1),
        ("a", .strayCharacter, 0), ("1e3", .strayCharacter, 1), ("%", .noDigits, 0), ("1/3%", .notWhole, 3),
        // A decimal comma, as in an amount.
        ("0,5", .decimalComma, 1), ("33,3%", .decimalComma, 2), ("-0,25", .decimalComma, 2),
    ] as [(String, NumberParseProblem.Kind, Int)])
    func badWeights(_ text: String, _ kind: NumberParseProblem.Kind, _ offset: Int) {
        #expect(throws: NumberParseProblem(kind, at: offset)) { try ExactNumberParser.parseWeight(text) }
    }

    @Test(arguments: [
        ("126300", 126300, 1), ("126,300", 126300, 1), ("1,234,567.5", 2469135, 2), ("26.308", 26308, 1000),
        ("0", 0, 1), ("-3", -3, 1), ("0.000", 0, 1),
    ] as [(String, Int128, Int128)])
    func values(_ text: String, _ n: Int128, _ d: Int128) throws {
        #expect(try ExactNumberParser.parseValue(text) == Rational(n, d))
    }

    @Test(arguments: [
        ("1,5", NumberParseProblem.Kind.decimalComma, 1), ("26,30", .decimalComma, 2), ("1.234,5", .decimalComma, 5),
        ("1234,567", .badGrouping, 4), ("1,23,456", .badGrouping, 4),
        (",123", .badGrouping, 0), ("12 3", .strayCharacter, 2), ("x", .strayCharacter, 0), ("", .noDigits, 0),
        ("1.2.3", .strayCharacter, 3), ("£5", .strayCharacter, 0),
    ] as [(String, NumberParseProblem.Kind, Int)])
    func badValues(_ text: String, _ kind: NumberParseProblem.Kind, _ offset: Int) {
        #expect(throws: NumberParseProblem(kind, at: offset)) { try ExactNumberParser.parseValue(text) }
    }

    @Test func longNumbersStayExact() throws {
        let value = try ExactNumberParser.parseValue("123456789012345678901234567890123456789012345.5")
        #expect(value.decimalString(places: 1) == "123456789012345678901234567890123456789012345.5")
        #expect(!value.isCompact)
    }
}
