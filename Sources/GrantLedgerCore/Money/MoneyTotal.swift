/// A running total of pence in 128 bits: no sum of Int64 amounts that a readable file can hold
/// overflows it (2^64 amounts of 2^63 pence each), so every command that adds up the same amounts
/// gets the same exact figure, and the question "does it fit an output?" is asked once, of the result.
public struct MoneyTotal: Hashable, Sendable, CustomStringConvertible {
    public private(set) var pence: Int128 = 0

    public init() {}

    public init(_ amount: Money) { pence = Int128(amount.pence) }

    public init(pence: Int128) { self.pence = pence }

    @inline(__always)
    public mutating func add(_ amount: Money) { pence += Int128(amount.pence) }

    @inline(__always)
    public mutating func add(_ other: MoneyTotal) { pence += other.pence }

    public static func + (lhs: MoneyTotal, rhs: MoneyTotal) -> MoneyTotal {
        var sum = lhs
        sum.add(rhs)
        return sum
    }

    public static func - (lhs: MoneyTotal, rhs: MoneyTotal) -> MoneyTotal {
        var difference = lhs
        difference.pence -= rhs.pence
        return difference
    }

    /// The total as `Money`, or nil when it is past what an Int64 holds.
    public var money: Money? { Int64(exactly: pence).map(Money.init(pence:)) }

    /// Whether the total lies within ±`Money.spreadsheetLimit`, the figure every reader's gate keeps totals within.
    public var isWithinSpreadsheetLimit: Bool { pence.magnitude <= UInt128(Money.spreadsheetLimit.pence) }

    /// `£1,234.56`, however large.
    public var description: String {
        if let money { return money.description }
        let magnitude = pence.magnitude
        let pounds = Thousands.grouped(String(magnitude / 100)), remainder = magnitude % 100
        return (pence < 0 ? "-£" : "£") + pounds + (remainder < 10 ? ".0" : ".") + String(remainder)
    }
}
