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
    /// The largest amount, either side of zero, grantledger accepts: 2^53 pence
    /// (£90,071,992,547,409.92), past which a spreadsheet's double no longer holds every whole number
    /// of pence. (Far below it, from about £10 trillion, Excel's 15 significant digits stop showing
    /// the pennies; the workbook writes such figures as values, never as formulas it cannot redo.)
    /// A ledger whose figures could reach past it is refused by `check`, located at the amount.
    public static let spreadsheetLimit = Money(pence: 1 << 53)

    /// Whether this amount lies within ±`spreadsheetLimit`.
    public var isWithinSpreadsheetLimit: Bool { pence.magnitude <= UInt64(1 << 53) }
}
