import BigInt

/// A workbook number's stored text read exactly, never through `Double`.
///
/// An .xlsx number cell holds `<v>2772.0000000000005</v>`: the shortest decimal that reads back as
/// the cell's double (what Excel, LibreOffice and openpyxl write). A typed amount of at most 15
/// significant digits comes back as typed (`2310`, `-0.5`, `126300`); a computed one carries the
/// double's rounding (`1.1000000000000001`, `2772.0000000000005`); very large or small ones have an
/// exponent (`1E-3`, `1.5E+20`).
///
/// - `value(_:)`: the exact rational value of the text (area data's indicators).
/// - `pence(_:)`: whole pence, allowing for a double's rounding (see `pence(_:)` for the rule).
/// - `day(_:date1904:)`: the day a date serial names (`Day(spreadsheetSerial:date1904:)`).
public enum SpreadsheetNumber {
    /// Why stored text is not the value asked for.
    public enum Problem: Error, Equatable, Sendable {
        /// Not a number's stored text at all (`12,5`, `abc`, an exponent past any double's).
        case notANumber
        /// A number, but not a whole number of pence: the nearest whole penny, when it can be held.
        case notWholePence(nearest: Money?)
        /// A whole number of pence, but more than an amount can hold.
        case tooLarge
        /// A number that is no date serial: negative, 0 in the 1900 system, past 9999-12-31.
        case notADay
        /// Serial 60 of the 1900 system: 29 February 1900, a day that never was.
        case phantomLeapDay

        /// `D7 holds 12.345, which is not a whole number of pence`: the problem with `text`, for a
        /// message about the cell called `what`.
        public func message(_ what: String, holding text: String) -> String {
            switch self {
            case .notANumber: return "\(what) holds \(text), which is not a number"
            case .notWholePence: return "\(what) holds \(text), which is not a whole number of pence"
            case .tooLarge: return "\(what) holds \(text), which is more than an amount can hold"
            case .notADay: return "\(what) holds \(text), which is not a date a spreadsheet can hold (1900-01-01 to 9999-12-31)"
            case .phantomLeapDay: return "\(what) holds 60, which is 29 February 1900 in a spreadsheet: a day that never was"
            }
        }

        /// What to do about it, for a finance officer.
        public var hint: String {
            switch self {
            case .notANumber: return "type the figure as a number in the sheet"
            case .notWholePence(let nearest?):
                return "round it to pence in the sheet (=ROUND(…, 2)) if \(nearest) is meant"
            case .notWholePence(nil): return "round it to pence in the sheet (=ROUND(…, 2))"
            case .tooLarge: return "check the cell: amounts are at most £9,999,999,999,999.99"
            case .notADay, .phantomLeapDay: return "check the date in the sheet, or type it as YYYY-MM-DD text"
            }
        }
    }

    /// The largest exponent read: a double's decimal exponent is within ±324, so anything beyond
    /// is not a double's text (and `1E999999999` must not build a billion-digit power of ten).
    static let maximumExponent = 330

    /// The exact value of stored text `-?D+(.D+)?([eE][+-]?D+)?`, or nil when it is not one. The
    /// digits are read by `ExactNumberParser`; the exponent scales them by a power of ten.
    public static func value(_ text: String) -> Rational? {
        let bytes = Array(text.utf8)
        guard let (mantissaEnd, exponent) = scan(bytes),
              let mantissa = try? ExactNumberParser.parseValue(bytes[..<mantissaEnd]) else { return nil }
        if exponent == 0 { return mantissa }
        let power = BigInt(10).power(abs(exponent))
        let scale = exponent > 0 ? Rational(power) : Rational(numerator: 1, denominator: power) ?? .one
        return mantissa * scale
    }

    /// Whether `text` is a number's stored text: the same grammar as `value(_:)`, checked byte by
    /// byte without building the value (a sheet's reader checks every number cell, and only the
    /// columns used are read as values).
    public static func isStoredNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { scan($0) != nil }
    }

    /// Where the digits end and the exponent, when `bytes` is `-?D+(.D+)?([eE][+-]?D+)?` with an
    /// exponent of at most `maximumExponent` either way.
    private static func scan<C: RandomAccessCollection>(_ bytes: C) -> (Int, Int)? where C.Element == UInt8, C.Index == Int {
        var index = bytes.startIndex
        if index < bytes.endIndex && bytes[index] == ASCII.minus { index += 1 }
        let digitsStart = index
        while index < bytes.endIndex && ASCII.isDigit(bytes[index]) { index += 1 }
        guard index > digitsStart else { return nil }
        if index < bytes.endIndex && bytes[index] == ASCII.period {
            index += 1
            let decimals = index
            while index < bytes.endIndex && ASCII.isDigit(bytes[index]) { index += 1 }
            guard index > decimals else { return nil }
        }
        let mantissaEnd = index
        var exponent = 0
        if index < bytes.endIndex && (bytes[index] == UInt8(ascii: "E") || bytes[index] == UInt8(ascii: "e")) {
            index += 1
            var negative = false
            if index < bytes.endIndex && (bytes[index] == ASCII.plus || bytes[index] == ASCII.minus) {
                negative = bytes[index] == ASCII.minus
                index += 1
            }
            let exponentStart = index
            while index < bytes.endIndex && ASCII.isDigit(bytes[index]) {
                exponent = exponent * 10 + Int(bytes[index] &- ASCII.zero)
                guard exponent <= maximumExponent else { return nil }
                index += 1
            }
            guard index > exponentStart else { return nil }
            if negative { exponent = -exponent }
        }
        guard index == bytes.endIndex else { return nil }
        return (mantissaEnd - bytes.startIndex, exponent)
    }

    /// How far a stored number may be from whole pence and still be read as them, relative to its
    /// size: 2⁻⁴⁹, which is 8 to 16 units in the last place of a double of that size.
    static let relativeTolerance = Rational(Int128(1), Int128(1) << 49)!
    /// …and never more than a tenth of a penny, whatever the size.
    static let absoluteTolerance = Rational(Int128(1), Int128(10))!

    /// Whole pence from a stored number: the nearest whole penny `p` to the exact value `v`, when
    ///
    ///     |100·v − p| ≤ 2⁻⁴⁹ · |100·v|   and   |100·v − p| ≤ 1/10
    ///
    /// Why: a spreadsheet's amount is a double, and one computed from others (`=B7*1.2`, a SUM) is
    /// off the pence it stands for by a few roundings, each at most half a unit in the last place
    /// (ulp); a double's ulp is 2⁻⁵² to 2⁻⁵³ of its size, so 2⁻⁴⁹ allows 8 to 16 ulps of such
    /// noise (`2772.0000000000005` is £2,772.00, `1.1000000000000001` is £1.10). A real fraction of
    /// a penny is far larger than that below £10 billion (£12.345 is 0.5p off, 2⁻⁴⁹ of it is
    /// 2×10⁻¹³p); the tenth of a penny keeps the rule unambiguous above it, where a double's ulp
    /// nears a penny. Anything else is a problem, never a guess; an amount past `Int64` pence is
    /// `.tooLarge`, never a trap. (The spreadsheet limit on amounts is the caller's `AmountLimit`.)
    public static func pence(_ text: String) -> Result<Money, Problem> {
        guard let value = value(text) else { return .failure(.notANumber) }
        let hundredths = value * Rational(100)
        let nearest = hundredths.rounded(.halfAwayFromZero)
        let pence = Int64(exactly: nearest)
        var off = hundredths - Rational(nearest)
        if off.isNegative { off = -off }
        var size = hundredths
        if size.isNegative { size = -size }
        guard off.isZero || (!(size * relativeTolerance < off) && !(absoluteTolerance < off)) else {
            return .failure(.notWholePence(nearest: pence.map { Money(pence: $0) }))
        }
        guard let pence else { return .failure(.tooLarge) }
        return .success(Money(pence: pence))
    }

    /// The day a date serial names, in the workbook's date system; a fraction (the time of day) is
    /// dropped: `45017.75` is 2023-04-01 at 18:00, and the day is 2023-04-01.
    public static func day(_ text: String, date1904: Bool) -> Result<Day, Problem> {
        guard let value = value(text) else { return .failure(.notANumber) }
        guard !value.isNegative, let whole = Int(exactly: value.floor()) else { return .failure(.notADay) }
        if !date1904 && whole == Day.spreadsheetPhantomLeapDay { return .failure(.phantomLeapDay) }
        guard let day = Day(spreadsheetSerial: whole, date1904: date1904) else { return .failure(.notADay) }
        return .success(day)
    }
}
