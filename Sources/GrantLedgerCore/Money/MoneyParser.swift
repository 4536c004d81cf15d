/// Strict parsing of sterling amounts from bytes: `£1,234.56`, `1234.56`, `-£20.00`, `£-20.00`, `£20`,
/// and the accountants' `(£1,234.56)` for a negative (a credit).
///
/// Anything ambiguous is an error rather than a guess: `1,5` or `1.234,56` (a decimal comma),
/// `£1.234` or `£125.125` (three decimals: a European thousands mark, or a figure not rounded),
/// stray characters and amounts too large to hold. Every reader of money (ledgers, finance exports,
/// scenario settings, last year's allocation) reads it here, so each mistake has one wording: the
/// problem's `kind`, with its message and hint.
public enum MoneyParser {
    /// Parses a whole token. `offset` in a thrown problem counts bytes from the token's start.
    ///
    /// Brackets are read only once the plain reading has failed (an amount in brackets fails at its
    /// first byte), so an ordinary amount takes the same path as ever, and brackets are unambiguous
    /// wherever an amount is a token of its own: the ledger's amount ends at a blank, `;` or `=`.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(MoneyParseProblem) -> Money {
        do throws(MoneyParseProblem) { return try plain(bytes) } catch { return try bracketed(bytes, failing: error) }
    }

    /// `(£1,234.56)`, read after the plain reading failed with `problem`: the amount inside, negated.
    /// A bracket anywhere else, or brackets round a sign or round nothing, is `badBrackets`.
    @inline(never)
    private static func bracketed(_ bytes: UnsafeBufferPointer<UInt8>, failing problem: MoneyParseProblem)
        throws(MoneyParseProblem) -> Money {
        let count = bytes.count
        guard count > 0, bytes[0] == ASCII.openParen else {
            if problem.kind == .strayCharacter, problem.offset < count,
               bytes[problem.offset] == ASCII.openParen || bytes[problem.offset] == ASCII.closeParen {
                throw MoneyParseProblem(.badBrackets, at: problem.offset)
            }
            throw problem
        }
        guard count > 2, bytes[count - 1] == ASCII.closeParen else { throw MoneyParseProblem(.badBrackets, at: 0) }
        let inner = UnsafeBufferPointer(rebasing: bytes[1..<count - 1])
        if let bracket = inner.firstIndex(where: { $0 == ASCII.openParen || $0 == ASCII.closeParen || $0 == ASCII.minus || $0 == ASCII.plus }) {
            throw MoneyParseProblem(.badBrackets, at: bracket + 1)
        }
        do throws(MoneyParseProblem) {
            // The plain reading holds at most Int64.max pence, whose negation is held.
            return Money(pence: -(try plain(inner).pence))
        } catch {
            throw MoneyParseProblem(error.kind, at: error.offset + 1)
        }
    }

    /// The reader's hottest loop: each step below is inlined back into one pass over the bytes.
    @inline(__always)
    private static func plain(_ bytes: UnsafeBufferPointer<UInt8>) throws(MoneyParseProblem) -> Money {
        var index = 0
        let negative = try signAndPound(bytes, &index)
        let digitsStart = index
        try expectDigit(bytes, at: index)
        let pounds = try wholePounds(bytes, &index, digitsStart: digitsStart)
        let pence = try penceAfterPoint(bytes, &index, digitsStart: digitsStart)
        if index < bytes.count { throw MoneyParseProblem(.strayCharacter, at: index) }

        let (poundsInPence, o1) = pounds.multipliedReportingOverflow(by: 100)
        let (total, o2) = poundsInPence.addingReportingOverflow(pence)
        if o1 || o2 { throw MoneyParseProblem(.overflow, at: digitsStart) }
        return Money(pence: negative ? -total : total)
    }

    /// A sign and a pound sign, in either order (`-£20`, `£-20`), each at most once.
    @inline(__always)
    private static func signAndPound(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int)
        throws(MoneyParseProblem) -> Bool {
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
        return negative
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
        throws(MoneyParseProblem) -> Int64 {
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
                if sawComma ? groupLength != 3 : groupLength > 3 { throw groupingProblem(bytes, digitsStart, at: index) }
                sawComma = true
                groupLength = 0
                index += 1
            } else {
                break
            }
        }
        if sawComma && groupLength != 3 {
            throw groupingProblem(bytes, digitsStart, at: index - groupLength - 1)
        }
        return pounds
    }

    /// Commas that do not group thousands: a decimal comma (`12,40`, `1234,5`) when the number reads
    /// as one, else `badGrouping` at `offset`. Out of line: only a refused amount comes here.
    @inline(never)
    private static func groupingProblem(_ bytes: UnsafeBufferPointer<UInt8>, _ digitsStart: Int, at offset: Int) -> MoneyParseProblem {
        if let comma = decimalComma(in: bytes, from: digitsStart) { return MoneyParseProblem(.decimalComma, at: comma) }
        return MoneyParseProblem(.badGrouping, at: offset)
    }

    /// Three digits or more after the point: a decimal comma (`1.234,56`, its point grouping
    /// thousands) when the number reads as one, else `tooManyDecimals` at the first digit past the pence.
    @inline(never)
    private static func decimalsProblem(_ bytes: UnsafeBufferPointer<UInt8>, _ digitsStart: Int, pointAt: Int) -> MoneyParseProblem {
        if let comma = decimalComma(in: bytes, from: digitsStart) { return MoneyParseProblem(.decimalComma, at: comma) }
        return MoneyParseProblem(.tooManyDecimals, at: pointAt + 3)
    }

    /// The offset of the comma when `bytes[start...]` is a number written with a decimal comma,
    /// European style: digits, or digits grouped in threes by points, then a comma and one or two
    /// digits to the end (`12,40`, `1234,5`, `1.234,56`, `48.250,00`). The one test for it, shared
    /// with `ExactNumberParser` (area data, weights).
    static func decimalComma(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let end = bytes.count
        func digits(from index: Int) -> Int {
            var i = index
            while i < end && ASCII.isDigit(bytes[i]) { i += 1 }
            return i - index
        }
        let lead = digits(from: start)
        guard lead > 0 else { return nil }
        var index = start + lead
        if lead <= 3 {
            while index < end && bytes[index] == ASCII.period && digits(from: index + 1) == 3 { index += 4 }
        }
        guard index < end, bytes[index] == ASCII.comma else { return nil }
        let decimals = digits(from: index + 1)
        return (1...2).contains(decimals) && index + 1 + decimals == end ? index : nil
    }

    /// The pence after a point, if there is one: one or two digits (`£20.5` is fifty pence), never three.
    @inline(__always)
    private static func penceAfterPoint(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, digitsStart: Int)
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
        // `£125.125` and `£1.234` alike: a figure not rounded to the penny, or a point grouping
        // thousands, which the one wording names both (`1.234,56` is a decimal comma).
        if decimals > 2 { throw decimalsProblem(bytes, digitsStart, pointAt: pointAt) }
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

/// The reasons an amount is refused, each with its wording and a hint that shows the accepted form:
/// the one home for them. Every reader says a problem as `message(about:)`, with a hint of `hint`,
/// putting first only what it has to say about where (`pot: …`, `last year's amount for Ashfield: …`).
public enum MoneyParseProblemKind: String, ParseProblemKind {
    case noDigits, strayCharacter, badGrouping, noDecimals, tooManyDecimals, decimalComma, badBrackets, overflow

    public var message: String {
        switch self {
        case .noDigits: return "an amount needs digits"
        case .strayCharacter: return "unexpected character in an amount"
        case .badGrouping: return "commas in an amount must group thousands"
        case .noDecimals: return "a decimal point must be followed by pence"
        case .tooManyDecimals: return "an amount has at most two decimal places"
        case .decimalComma: return "a decimal comma (European style) is not accepted"
        case .badBrackets: return "a negative amount in brackets needs both brackets and no sign inside"
        case .overflow: return "amount too large to hold"
        }
    }

    public var hint: String {
        switch self {
        case .noDigits: return "write amounts like £1,234.56, 1234.56 or -£20.00"
        case .strayCharacter:
            return "write amounts like £1,234.56, 1234.56, -£20.00 or (£20.00) for a credit; only £, a sign or brackets, digits, commas and one point"
        case .badGrouping: return "write £1,234.56 or 1234.56: commas go between groups of three digits"
        case .noDecimals: return "write £20 or £20.00"
        case .tooManyDecimals:
            return "money is exact to the penny: round it to two decimals yourself; if the point groups thousands (European style), write a comma: £1,234"
        case .decimalComma: return "write the decimals after a point, and commas only between thousands: 1.234,56 is 1,234.56 and 12,40 is 12.40"
        case .badBrackets: return "write a credit as (£1,250.00) or -£1,250.00: both brackets, and no sign inside them"
        case .overflow: return "grantledger accepts amounts up to \(Money.spreadsheetLimit) either side of zero; check for extra digits"
        }
    }
}

extension ParseProblem where Reason == MoneyParseProblemKind {
    /// How to write the amount so that it parses.
    public var hint: String { kind.hint }

    /// The problem said about the amount written `text`, as every reader says it.
    public func message(about text: String) -> String { "\(kind.message): \(text)" }

    /// How many bytes of a token `count` bytes long the caret underlines: from the problem to the
    /// token's end where that is what is wrong (the grouping, the decimals after a comma, the digits of
    /// an amount too large), else the one byte.
    public func caretLength(in count: Int) -> Int {
        let from = min(offset, max(count - 1, 0))
        switch kind {
        case .overflow, .badGrouping, .decimalComma: return max(1, count - from)
        default: return 1
        }
    }
}
