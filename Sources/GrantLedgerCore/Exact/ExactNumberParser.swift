import BigInt

/// Strict, exact parsing of the numbers allocations use: weights (`1/3`, `0.25`, `25%`, `50.5%`) and
/// indicator values (`126300`, `26.308`, `126,300`). Nothing passes through floating point, so `0.1`
/// is exactly one tenth.
///
/// A leading `-` is accepted and gives a negative value, so that the caller can say "a weight cannot
/// be negative" in its own words rather than "unexpected character".
public enum ExactNumberParser {
    /// A weight: a fraction of whole numbers, a decimal, or a decimal percentage.
    public static func parseWeight(_ text: String) throws(NumberParseProblem) -> Rational {
        let bytes = Array(text.utf8)
        var cursor = 0
        let negative = bytes.first == ASCII.minus
        if negative { cursor = 1 }
        guard cursor < bytes.count else { throw NumberParseProblem(.noDigits, at: min(cursor, max(0, bytes.count - 1))) }

        if let slash = bytes.firstIndex(of: ASCII.slash) {
            let top = try wholeNumber(bytes, cursor, slash)
            let bottom = try wholeNumber(bytes, slash + 1, bytes.count)
            if bottom.isZero { throw NumberParseProblem(.zeroDenominator, at: slash + 1) }
            guard let value = Rational(numerator: top, denominator: bottom) else { throw NumberParseProblem(.zeroDenominator, at: slash + 1) }
            return negative ? -value : value
        }
        var end = bytes.count
        let percent = bytes.last == ASCII.percent
        if percent { end -= 1 }
        var value = try decimal(bytes, cursor, end, grouping: false)
        if percent { value = value * Rational(storage: .small(1, 100)) }
        return negative ? -value : value
    }

    /// An indicator value: a decimal with optional thousands commas in groups of three.
    public static func parseValue(_ bytes: ArraySlice<UInt8>) throws(NumberParseProblem) -> Rational {
        let array = Array(bytes)
        var cursor = 0
        let negative = array.first == ASCII.minus
        if negative { cursor = 1 }
        let value = try decimal(array, cursor, array.count, grouping: true)
        return negative ? -value : value
    }

    public static func parseValue(_ text: String) throws(NumberParseProblem) -> Rational {
        try parseValue(ArraySlice(text.utf8))
    }

    /// Digits only, between `start` and `end`.
    private static func wholeNumber(_ bytes: [UInt8], _ start: Int, _ end: Int) throws(NumberParseProblem) -> BigInt {
        if start >= end { throw NumberParseProblem(.noDigits, at: min(start, max(0, bytes.count - 1))) }
        var digits: [UInt8] = []
        for index in start..<end {
            guard ASCII.isDigit(bytes[index]) else {
                throw NumberParseProblem(bytes[index] == ASCII.slash ? .strayCharacter : .notWhole, at: index)
            }
            digits.append(bytes[index])
        }
        return integer(digits)
    }

    /// `123`, `0.25`, `1,234.5` (when `grouping`): the whole of `start..<end`, exactly.
    private static func decimal(_ bytes: [UInt8], _ start: Int, _ end: Int, grouping: Bool) throws(NumberParseProblem) -> Rational {
        if start >= end { throw NumberParseProblem(.noDigits, at: min(start, max(0, bytes.count - 1))) }
        if bytes[start] == ASCII.period { throw NumberParseProblem(.noLeadingDigit, at: start) }
        var digits: [UInt8] = []
        var index = start
        var groupLength = 0
        var sawComma = false
        while index < end {
            let byte = bytes[index]
            if ASCII.isDigit(byte) {
                digits.append(byte)
                groupLength += 1
            } else if byte == ASCII.comma && grouping {
                let firstGroupTooLong = !sawComma && groupLength > 3
                if groupLength == 0 || firstGroupTooLong || (sawComma && groupLength != 3) {
                    throw refusal(.badGrouping, at: index, bytes, start, end)
                }
                sawComma = true
                groupLength = 0
            } else {
                break
            }
            index += 1
        }
        if sawComma && groupLength != 3 { throw refusal(.badGrouping, at: index - groupLength - 1, bytes, start, end) }
        var places = 0
        if index < end && bytes[index] == ASCII.period {
            let point = index
            index += 1
            while index < end && ASCII.isDigit(bytes[index]) {
                digits.append(bytes[index])
                places += 1
                index += 1
            }
            if places == 0 { throw NumberParseProblem(.noDecimals, at: point) }
        }
        if index < end { throw refusal(.strayCharacter, at: index, bytes, start, end) }
        let whole = integer(digits)
        if places == 0 { return Rational(whole) }
        return Rational(numerator: whole, denominator: BigInt(10).power(places)) ?? .zero
    }

    /// `kind` at `offset`, unless `start..<end` is a number written with a decimal comma (`26,3`,
    /// `0,5`, `1.234,5`): then the money parser's `decimalComma`, worded as it is for amounts.
    private static func refusal(_ kind: NumberParseProblemKind, at offset: Int, _ bytes: [UInt8], _ start: Int, _ end: Int)
        -> NumberParseProblem {
        let comma = bytes.withUnsafeBufferPointer { all in
            MoneyParser.decimalComma(in: UnsafeBufferPointer(rebasing: all[start..<end]), from: 0)
        }
        return comma.map { NumberParseProblem(.decimalComma, at: start + $0) } ?? NumberParseProblem(kind, at: offset)
    }

    /// ASCII digits to an integer, in 128 bits when they fit.
    private static func integer(_ digits: [UInt8]) -> BigInt {
        if digits.count <= 38 {
            var value: Int128 = 0
            for digit in digits { value = value * 10 + Int128(digit &- ASCII.zero) }
            return WideConversion.big(value)
        }
        return BigInt(String(decoding: digits, as: UTF8.self)) ?? 0
    }
}

/// Why a number did not parse, and where (a byte offset into the text).
public typealias NumberParseProblem = ParseProblem<NumberParseProblemKind>

/// The reasons a weight or an indicator value is refused.
public enum NumberParseProblemKind: String, ParseProblemKind {
    case noDigits, noLeadingDigit, strayCharacter, badGrouping, noDecimals, zeroDenominator, notWhole
    /// The same mistake as in an amount, in the same words (`MoneyParseProblemKind.decimalComma`).
    case decimalComma

    public var message: String {
        switch self {
        case .decimalComma: return MoneyParseProblemKind.decimalComma.message
        case .noDigits: return "a number needs digits"
        case .noLeadingDigit: return "a number must start with a digit"
        case .strayCharacter: return "unexpected character in a number"
        case .badGrouping: return "commas in a number must group thousands"
        case .noDecimals: return "a decimal point must be followed by digits"
        case .zeroDenominator: return "a fraction cannot have zero below the line"
        case .notWhole: return "a fraction is written with whole numbers"
        }
    }

    /// The hint shared with amounts, for a mistake made alike in both; nil where the reader's own
    /// hint (which knows what the number is) says more.
    public var sharedHint: String? { self == .decimalComma ? MoneyParseProblemKind.decimalComma.hint : nil }
}
