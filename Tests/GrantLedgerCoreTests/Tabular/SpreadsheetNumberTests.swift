import BigInt
import Foundation
@testable import GrantLedgerCore
import PropertyBased
import Testing

/// Stored number text read exactly: as pence within a double's rounding, as a day from its serial,
/// and as an exact rational; each checked against an independent computation.
@Suite("Spreadsheet numbers")
struct SpreadsheetNumberTests {
    @Test(arguments: [
        ("2310", 231_000), ("2772.0000000000005", 277_200), ("1.1000000000000001", 110), ("-0.5", -50),
        ("0.30000000000000004", 30), ("126300", 12_630_000), ("1e2", 10_000), ("1.5E+3", 150_000), ("0", 0),
        ("-0", 0), ("9999999999999.99", 999_999_999_999_999), ("0.01", 1), ("1E-2", 1), ("46234.57", 4_623_457),
    ] as [(String, Int64)])
    func storedTextIsWholePence(_ text: String, _ pence: Int64) throws {
        #expect(try SpreadsheetNumber.pence(text).get() == Money(pence: pence))
        #expect(SpreadsheetNumber.isStoredNumber(text))
    }

    @Test func aFractionOfAPennyIsAProblemNamingTheNearest() {
        #expect(SpreadsheetNumber.pence("12.345") == .failure(.notWholePence(nearest: Money(pence: 1235))))
        #expect(SpreadsheetNumber.pence("1E-3") == .failure(.notWholePence(nearest: Money(pence: 0))))
        #expect(SpreadsheetNumber.pence("0.001") == .failure(.notWholePence(nearest: Money(pence: 0))))
        // 2772.000001 is not a double's rounding of 2772: 2⁻⁴⁹ of it is 5 × 10⁻¹³ pence.
        #expect(SpreadsheetNumber.pence("2772.000001") == .failure(.notWholePence(nearest: Money(pence: 277_200))))
        let problem = SpreadsheetNumber.Problem.notWholePence(nearest: Money(pence: 1235))
        #expect(problem.message("D7", holding: "12.345") == "D7 holds 12.345, which is not a whole number of pence")
        #expect(problem.hint == "round it to pence in the sheet (=ROUND(…, 2)) if £12.35 is meant")
    }

    @Test func overflowAndNonsenseAreProblemsNeverTraps() {
        #expect(SpreadsheetNumber.pence("9.2233720368547758E17") == .failure(.tooLarge))
        #expect(SpreadsheetNumber.pence("1.7976931348623157E308") == .failure(.tooLarge))
        for text in ["abc", "1,5", "", "-", ".5", "5.", "1E", "1E+", "1E999", "1e-999", "+1", "1.2.3", "£5", " 1", "0x10", "NaN", "1E400"] {
            #expect(SpreadsheetNumber.pence(text) == .failure(.notANumber), "\(text)")
            #expect(SpreadsheetNumber.value(text) == nil, "\(text)")
            #expect(!SpreadsheetNumber.isStoredNumber(text), "\(text)")
        }
        #expect(SpreadsheetNumber.value("4.9406564584124654E-324") != nil, "a double's smallest is read")
    }

    @Test func theValueIsExact() throws {
        #expect(SpreadsheetNumber.value("26.308") == Rational(26_308, 1000))
        #expect(SpreadsheetNumber.value("1.1000000000000001") == Rational(11_000_000_000_000_001, 10_000_000_000_000_000))
        #expect(SpreadsheetNumber.value("-1.5E-3") == Rational(-15, 10_000))
        #expect(SpreadsheetNumber.value("2E3") == Rational(2000))
        #expect(SpreadsheetNumber.value("126300") == Rational(126_300))
    }

    /// Property: pence p written as a spreadsheet would (`Double(p) / 100`, shortest round-trip
    /// text, Swift's `description`) reads back as p; and a sum of two such amounts, computed in
    /// doubles as a SUM cell is, reads back as their exact sum.
    @Test func doublesOfWholePenceReadBackExactly() async {
        await propertyCheck(count: 2000, input: Gen.int64(in: -999_999_999_999_999...999_999_999_999_999)) { pence in
            let text = (Double(pence) / 100).description
            #expect(SpreadsheetNumber.pence(text) == .success(Money(pence: pence)), "\(text)")
        }
        await propertyCheck(count: 2000, input: Gen.int64(in: 0...99_999_999_999), Gen.int64(in: 0...99_999_999_999)) { a, b in
            let text = (Double(a) / 100 + Double(b) / 100).description
            #expect(SpreadsheetNumber.pence(text) == .success(Money(pence: a + b)), "\(text)")
        }
        await propertyCheck(count: 1000, input: Gen.int64(in: 1...99_999_999), Gen.int64(in: 1...9)) { pence, tenths in
            // A tenth of a penny more is never whole pence, at any size a grant has.
            let text = "\(pence / 100).\(String(format: "%02lld", pence % 100))\(tenths)"
            #expect(throws: SpreadsheetNumber.Problem.self) { try SpreadsheetNumber.pence(text).get() }
        }
    }

    // MARK: - Serials

    @Test func serialsAroundThePhantomLeapDay() throws {
        func day(_ text: String, _ date1904: Bool = false) -> Day? { try? SpreadsheetNumber.day(text, date1904: date1904).get() }
        #expect(day("1") == Day(year: 1900, month: 1, day: 1))
        #expect(day("59") == Day(year: 1900, month: 2, day: 28))
        #expect(SpreadsheetNumber.day("60", date1904: false) == .failure(.phantomLeapDay))
        #expect(day("61") == Day(year: 1900, month: 3, day: 1))
        #expect(SpreadsheetNumber.day("0", date1904: false) == .failure(.notADay))
        #expect(SpreadsheetNumber.day("-1", date1904: false) == .failure(.notADay))
        #expect(day("25569") == Day(year: 1970, month: 1, day: 1))
        #expect(day("45017.75") == Day(year: 2023, month: 4, day: 1), "the time of day is dropped")
        #expect(day("45017.999999999993") == Day(year: 2023, month: 4, day: 1))
        #expect(day("2958465") == Day(year: 9999, month: 12, day: 31))
        #expect(SpreadsheetNumber.day("2958466", date1904: false) == .failure(.notADay))
        #expect(SpreadsheetNumber.day("1E300", date1904: false) == .failure(.notADay))
        #expect(day("0", true) == Day(year: 1904, month: 1, day: 1))
        #expect(day("60", true) == Day(year: 1904, month: 3, day: 1))
        #expect(day("2957003", true) == Day(year: 9999, month: 12, day: 31))
        #expect(SpreadsheetNumber.day("2957004", date1904: true) == .failure(.notADay))
        #expect(SpreadsheetNumber.day("-0.5", date1904: true) == .failure(.notADay))
        #expect(SpreadsheetNumber.day("x", date1904: true) == .failure(.notANumber))
    }

    /// Property: the day a serial names agrees with Foundation's Gregorian calendar counting days
    /// from the system's day 0 (1899-12-30 for serials from 61, 1904-01-01), and the writer's
    /// serial of that day is the serial again.
    @Test func serialsAgreeWithAnIndependentCalendar() async {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let base1900 = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30))!
        let base1904 = calendar.date(from: DateComponents(year: 1904, month: 1, day: 1))!
        func civil(_ base: Date, plus days: Int) -> Day? {
            let parts = calendar.dateComponents([.year, .month, .day], from: calendar.date(byAdding: .day, value: days, to: base)!)
            return Day(year: parts.year!, month: parts.month!, day: parts.day!)
        }
        await propertyCheck(count: 1500, input: Gen.int(in: 61...2_958_465)) { serial in
            let day = try? SpreadsheetNumber.day(String(serial), date1904: false).get()
            #expect(day != nil && day == civil(base1900, plus: serial))
            #expect(day?.spreadsheetSerial == serial)
        }
        await propertyCheck(count: 1500, input: Gen.int(in: 0...2_957_003)) { serial in
            #expect(SpreadsheetNumber.day(String(serial), date1904: true) == civil(base1904, plus: serial).map { .success($0) })
        }
        for serial in 1...59 {
            // Before the phantom day, Excel's serials count from 1899-12-31.
            #expect(SpreadsheetNumber.day(String(serial), date1904: false) == civil(base1900, plus: serial + 1).map { .success($0) })
        }
    }
}
