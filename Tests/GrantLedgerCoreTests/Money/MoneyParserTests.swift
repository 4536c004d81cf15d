import Testing
@testable import GrantLedgerCore

/// The strict amount parser: every accepted spelling, and every rejection with its kind and the byte
/// offset of the problem (which becomes the caret's column).
@Suite("Money parser")
struct MoneyParserTests {
    @Test(arguments: [
        ("£1,234.56", 123_456),
        ("1234.56", 123_456),
        ("-£20.00", -2_000),
        ("£-20.00", -2_000),
        ("£20", 2_000),
        ("£0.5", 50),
        ("0.05", 5),
        ("£0", 0),
        ("-£0.00", 0),
        ("+£5", 500),
        ("£+5.10", 510),
        ("1,234", 123_400),
        ("£12,345,678.90", 1_234_567_890),
        ("999", 99_900),
        ("£92,233,720,368,547,758.07", Int64.max),
        ("-£92,233,720,368,547,758.07", -Int64.max),
        ("92233720368547758.07", Int64.max),
        // The accountants' negative.
        ("(£1,250.00)", -125_000),
        ("(1250)", -125_000),
        ("(£0.00)", 0),
        ("(£92,233,720,368,547,758.07)", -Int64.max),
    ] as [(String, Int64)])
    func accepts(_ text: String, _ pence: Int64) throws {
        #expect(try MoneyParser.parse(text) == Money(pence: pence))
    }

    @Test(arguments: [
        // A decimal comma is never guessed: pointed at the comma.
        ("1,5", MoneyParseProblem.Kind.decimalComma, 1),
        ("12,34", .decimalComma, 2),
        ("1234,5", .decimalComma, 4),
        ("£48.250,00", .decimalComma, 8),
        ("1.234,5", .decimalComma, 5),
        ("-£1.234.567,89", .decimalComma, 12),
        // Commas that group nothing.
        ("1,23,456", .badGrouping, 4),
        ("1234,567", .badGrouping, 4),
        ("1,234,", .badGrouping, 5),
        ("1,234,56", .badGrouping, 5),
        // Three decimals, with a £ or without: a figure not rounded, or a European thousands mark,
        // one mistake in one wording; pointed at the first digit past the pence.
        ("£1.234", .tooManyDecimals, 6),
        ("£125.125", .tooManyDecimals, 8),
        ("12.345", .tooManyDecimals, 5),
        ("1.2345", .tooManyDecimals, 4),
        ("£1.2345", .tooManyDecimals, 6),
        ("1,234.567", .tooManyDecimals, 8),
        ("£1.234x", .tooManyDecimals, 6),
        // Stray characters.
        ("£12x", .strayCharacter, 4),
        ("--5", .strayCharacter, 1),
        ("££5", .strayCharacter, 2),
        ("-£-5", .strayCharacter, 3),
        ("£ 5", .strayCharacter, 2),
        ("5£", .strayCharacter, 1),
        ("1.5.0", .strayCharacter, 3),
        (",123", .strayCharacter, 0),
        ("abc", .strayCharacter, 0),
        ("$5", .strayCharacter, 0),
        ("1e3", .strayCharacter, 1),
        // Brackets are a negative round the whole amount, with no sign inside.
        ("(£1,250.00", .badBrackets, 0),
        ("(-£1,250.00)", .badBrackets, 1),
        ("(£(5))", .badBrackets, 3),
        ("()", .badBrackets, 0),
        ("£1,250.00)", .badBrackets, 10),
        ("-(£5)", .badBrackets, 1),
        ("(£1.234,56)", .decimalComma, 8),
        ("(12.345)", .tooManyDecimals, 6),
        // A point needs digits on both sides.
        ("12.", .noDecimals, 2),
        ("£12.", .noDecimals, 4),
        (".50", .noDigits, 0),
        ("£.50", .noDigits, 2),
        // Nothing to parse: the offset is the last byte there is.
        ("", .noDigits, 0),
        ("£", .noDigits, 1),
        ("-", .noDigits, 0),
        ("-£", .noDigits, 2),
        // Too large for a 64-bit count of pence: pointed at the first digit.
        ("£92,233,720,368,547,758.08", .overflow, 2),
        ("92233720368547758.08", .overflow, 0),
        ("-£92,233,720,368,547,758.08", .overflow, 3),
        ("£999,999,999,999,999,999,999.99", .overflow, 2),
        ("99999999999999999999999999999999999999", .overflow, 0),
        ("£92233720368547759", .overflow, 2),
        ("(£92,233,720,368,547,758.08)", .overflow, 3),
    ] as [(String, MoneyParseProblem.Kind, Int)])
    func rejects(_ text: String, _ kind: MoneyParseProblem.Kind, _ offset: Int) {
        #expect(throws: MoneyParseProblem(kind, at: offset)) { try MoneyParser.parse(text) }
    }

    @Test func everyProblemExplainsItself() {
        for kind in [MoneyParseProblem.Kind.noDigits, .strayCharacter, .badGrouping, .noDecimals, .tooManyDecimals,
                     .decimalComma, .badBrackets, .overflow] {
            let problem = MoneyParseProblem(kind, at: 0)
            #expect(!problem.message.isEmpty)
            #expect(!problem.hint.isEmpty)
        }
    }

    @Test func theOverflowHintNamesTheLargestAmountThatIsAccepted() throws {
        let hint = MoneyParseProblem(.overflow, at: 0).hint
        let largest = Money.spreadsheetLimit.formatted(.display)
        #expect(largest == "£9,999,999,999,999.99")
        #expect(hint.contains(largest))
        #expect(!hint.contains("92,233,720,368,547,758.07"), "Int64's range is not what grantledger accepts")
    }

    @Test func parsesFromBytesWithOffsetsIntoTheToken() throws {
        let bytes = Array("£1,5".utf8)
        let problem = bytes.withUnsafeBufferPointer { buffer -> MoneyParseProblem? in
            do throws(MoneyParseProblem) {
                _ = try MoneyParser.parse(buffer)
                return nil
            } catch { return error }
        }
        #expect(problem == MoneyParseProblem(.decimalComma, at: 3))
    }
}
