/// An exact amount of sterling, held as a whole number of pence.
///
/// Arithmetic is checked: an overflow is reported as `MoneyError.overflow`, never a wrap or a trap,
/// so a malformed ledger with absurd figures gets an error instead of a crash.
public struct Money: Hashable, Comparable, Sendable {
    public let pence: Int64

    public init(pence: Int64) { self.pence = pence }

    public static let zero = Money(pence: 0)

    /// Whole pounds; fails when the amount cannot be held.
    public init(pounds: Int64) throws(MoneyError) {
        let (value, overflow) = pounds.multipliedReportingOverflow(by: 100)
        if overflow { throw .overflow }
        self.pence = value
    }

    public var isZero: Bool { pence == 0 }
    public var isNegative: Bool { pence < 0 }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.pence < rhs.pence }

    public func adding(_ other: Money) throws(MoneyError) -> Money {
        let (value, overflow) = pence.addingReportingOverflow(other.pence)
        if overflow { throw .overflow }
        return Money(pence: value)
    }

    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        let (value, overflow) = pence.subtractingReportingOverflow(other.pence)
        if overflow { throw .overflow }
        return Money(pence: value)
    }

    public func negated() throws(MoneyError) -> Money {
        if pence == .min { throw .overflow }
        return Money(pence: -pence)
    }

    public func multiplied(by factor: Int64) throws(MoneyError) -> Money {
        let (value, overflow) = pence.multipliedReportingOverflow(by: factor)
        if overflow { throw .overflow }
        return Money(pence: value)
    }

    /// The sum of `amounts`, or `.overflow`.
    public static func sum<S: Sequence>(_ amounts: S) throws(MoneyError) -> Money where S.Element == Money {
        var total = Money.zero
        for amount in amounts { total = try total.adding(amount) }
        return total
    }
}

public enum MoneyError: Error, Equatable, Sendable {
    case overflow
}

extension Money {
    /// The largest amount, either side of zero, grantledger accepts: £9,999,999,999,999.99, the
    /// largest figure in pounds and pence that has at most 15 significant digits. Excel keeps and
    /// shows 15 (a 16th is shown as 0), and below it a spreadsheet's double also tells every two
    /// pennies apart, so any amount, total or difference within it appears in a workbook exactly as
    /// the program computed it. 2^53 pence, where the double stops holding whole pence, is
    /// further out (about £90 trillion), but between the two the pennies would already be wrong.
    /// A file whose figures could reach past it is refused where it is read (`AmountLimit`).
    public static let spreadsheetLimit = Money(pence: 999_999_999_999_999)

    /// Whether this amount lies within ±`spreadsheetLimit`.
    public var isWithinSpreadsheetLimit: Bool { pence.magnitude <= Money.spreadsheetLimit.pence.magnitude }
}
