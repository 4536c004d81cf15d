/// Strict parsing of sterling amounts from bytes: `£1,234.56`, `1234.56`, `-£20.00`, `£-20.00`, `£20`.
///
/// Anything ambiguous is an error rather than a guess: `1,5` (a decimal comma?), `£1.234` (a European
/// thousands mark?), three decimals, stray characters and amounts too large to hold.
public enum MoneyParser {
    /// Parses a whole token. `offset` in a thrown problem counts bytes from the token's start.
    ///
    /// The reader's hottest loop: each step below is inlined back into one pass over the bytes.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(MoneyParseProblem) -> Money {
        var index = 0
        let (negative, sawPound) = try signAndPound(bytes, &index)
        let digitsStart = index
        try expectDigit(bytes, at: index)
        let (pounds, sawComma) = try wholePounds(bytes, &index, digitsStart: digitsStart)
        let pence = try penceAfterPoint(bytes, &index, sawComma: sawComma, sawPound: sawPound)
        if index < bytes.count { throw MoneyParseProblem(.strayCharacter, at: index) }

        let (poundsInPence, o1) = pounds.multipliedReportingOverflow(by: 100)
        let (total, o2) = poundsInPence.addingReportingOverflow(pence)
        if o1 || o2 { throw MoneyParseProblem(.overflow, at: digitsStart) }
        return Money(pence: negative ? -total : total)
    }

    /// A sign and a pound sign, in either order (`-£20`, `£-20`), each at most once.
    @inline(__always)
    private static func signAndPound(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int)
        throws(MoneyParseProblem) -> (negative: Bool, sawPound: Bool) {
        let end = bytes.count
        var negative = false
        var sawSign = false
        var sawPound = false
        while index < end {
            let byte = bytes[index]
            if byte == ASCII.minus || byte == ASCII.plus {
                if sawSign { throw MoneyParseProblem(.strayCharacter, at: index) }
                sawSign = true
                negative = byte == ASCII.minus
                index += 1
            } else if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0xA3 {
                if sawPound { throw MoneyParseProblem(.strayCharacter, at: index) }
                sawPound = true
                index += 2
            } else {
                break
            }
        }
        return (negative, sawPound)
    }

    /// The amount proper starts with a digit: `£.50` has none, `£x` is stray.
    @inline(__always)
    private static func expectDigit(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) throws(MoneyParseProblem) {
        let end = bytes.count
        if index >= end { throw MoneyParseProblem(.noDigits, at: min(index, max(end - 1, 0))) }
        if !ASCII.isDigit(bytes[index]) {
            if bytes[index] == ASCII.period { throw MoneyParseProblem(.noDigits, at: index) }
            throw MoneyParseProblem(.strayCharacter, at: index)
        }
    }

    /// The whole pounds, with commas only where they group thousands (`1,234,567`).
    @inline(__always)
    private static func wholePounds(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, digitsStart: Int)
        throws(MoneyParseProblem) -> (pounds: Int64, sawComma: Bool) {
        let end = bytes.count
        var pounds: Int64 = 0
        var groupLength = 0
        var sawComma = false
        while index < end {
            let byte = bytes[index]
            if ASCII.isDigit(byte) {
                let (shifted, o1) = pounds.multipliedReportingOverflow(by: 10)
                let (added, o2) = shifted.addingReportingOverflow(Int64(byte &- ASCII.zero))
                if o1 || o2 { throw MoneyParseProblem(.overflow, at: digitsStart) }
                pounds = added
                groupLength += 1
                index += 1
            } else if byte == ASCII.comma {
                if sawComma ? groupLength != 3 : groupLength > 3 { throw MoneyParseProblem(.badGrouping, at: index) }
                sawComma = true
                groupLength = 0
                index += 1
            } else {
                break
            }
        }
        if sawComma && groupLength != 3 {
            throw MoneyParseProblem(.badGrouping, at: index - groupLength - 1)
        }
        return (pounds, sawComma)
    }

    /// The pence after a point, if there is one: one or two digits (`£20.5` is fifty pence), never three.
    @inline(__always)
    private static func penceAfterPoint(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, sawComma: Bool, sawPound: Bool)
        throws(MoneyParseProblem) -> Int64 {
        let end = bytes.count
        var pence: Int64 = 0
        guard index < end && bytes[index] == ASCII.period else { return pence }
        let pointAt = index
        index += 1
        var decimals = 0
        while index < end && ASCII.isDigit(bytes[index]) {
            decimals += 1
            if decimals <= 2 { pence = pence * 10 + Int64(bytes[index] &- ASCII.zero) }
            index += 1
        }
        if decimals == 0 { throw MoneyParseProblem(.noDecimals, at: pointAt) }
        if decimals == 1 { pence *= 10 }
        if decimals > 2 {
            // `£1.234` (a pound sign, no commas, exactly three digits after the point) and
            // `48.250,00` read like a European thousands mark: point at the point. A bare `12.345`
            // is a computed figure with too many decimals: point at the first digit past the pence.
            if decimals == 3 && !sawComma && (index == end ? sawPound : bytes[index] == ASCII.comma) {
                throw MoneyParseProblem(.europeanThousands, at: pointAt)
            }
            throw MoneyParseProblem(.tooManyDecimals, at: pointAt + 3)
        }
        return pence
    }

    /// Parses a whole string (convenience for options, CSV cells and tests).
    public static func parse(_ text: String) throws(MoneyParseProblem) -> Money {
        var copy = text
        let result: Result<Money, MoneyParseProblem> = copy.withUTF8 { buffer in
            do throws(MoneyParseProblem) { return .success(try parse(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}

/// Why an amount did not parse, and where (a byte offset into the token).
public typealias MoneyParseProblem = ParseProblem<MoneyParseProblemKind>

/// The reasons an amount is refused, each with its wording and a hint that shows the accepted form.
public enum MoneyParseProblemKind: String, ParseProblemKind {
    case noDigits, strayCharacter, badGrouping, noDecimals, tooManyDecimals, europeanThousands, overflow

    public var message: String {
        switch self {
        case .noDigits: return "an amount needs digits"
        case .strayCharacter: return "unexpected character in an amount"
        case .badGrouping: return "commas in an amount must group thousands"
        case .noDecimals: return "a decimal point must be followed by pence"
        case .tooManyDecimals: return "an amount has at most two decimal places"
        case .europeanThousands: return "three digits after the point: is this a thousands mark?"
        case .overflow: return "amount too large to hold"
        }
    }

    public var hint: String {
        switch self {
        case .noDigits: return "write amounts like £1,234.56, 1234.56 or -£20.00"
        case .strayCharacter: return "write amounts like £1,234.56, 1234.56 or -£20.00; only £, a sign, digits, commas and one point"
        case .badGrouping: return "write £1,234.56 or 1234.56; a decimal comma such as 1,5 is not accepted (write 1.50)"
        case .noDecimals: return "write £20 or £20.00"
        case .tooManyDecimals: return "money is exact to the penny: round it yourself and write two decimals"
        case .europeanThousands: return "write £1,234 for one thousand two hundred and thirty-four pounds, or £1.23"
        case .overflow: return "grantledger accepts amounts up to \(Money.spreadsheetLimit) either side of zero; check for extra digits"
        }
    }
}

extension ParseProblem where Reason == MoneyParseProblemKind {
    /// How to write the amount so that it parses.
    public var hint: String { kind.hint }
}
