/// Locale-independent formatting of money. Never `NumberFormatter`: a committee report must print the
/// same on every machine.
public enum MoneyStyle: Sendable {
    /// `£1,234.56`, `-£20.00`: for people.
    case display
    /// `1234.56`, `-20.00`: for machines (CSV, JSON).
    case plain
}

extension Money: CustomStringConvertible {
    public var description: String { formatted(.display) }

    public func formatted(_ style: MoneyStyle) -> String {
        String(unsafeUninitializedCapacity: Self.longestFormatted) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            return write(style, to: base)
        }
    }

    /// The most bytes `write` writes: `-£92,233,720,368,547,758.08` and room to spare.
    static let longestFormatted = 32

    /// Writes the amount as `formatted` spells it to `out` (room for `longestFormatted` bytes) and
    /// returns how many bytes it took: the one spelling of money, for a `String` and for a stream
    /// of bytes (a register's million rows) alike.
    func write(_ style: MoneyStyle, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let magnitude = pence.magnitude
        var pounds = magnitude / 100
        let remainder = Int(magnitude % 100)
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        // The pounds' digits, last first, then copied out in order with the commas.
        let count = withUnsafeMutableBytes(of: &digits) { scratch in
            var count = 0
            repeat {
                scratch[count] = UInt8(truncatingIfNeeded: pounds % 10) + ASCII.zero
                pounds /= 10
                count += 1
            } while pounds > 0
            return count
        }
        var length = 0
        if pence < 0 { out[length] = ASCII.minus; length += 1 }
        if style == .display { out[length] = 0xC2; out[length + 1] = 0xA3; length += 2 }
        withUnsafeBytes(of: &digits) { scratch in
            for index in stride(from: count - 1, through: 0, by: -1) {
                out[length] = scratch[index]
                length += 1
                if style == .display && index > 0 && index % 3 == 0 { out[length] = ASCII.comma; length += 1 }
            }
        }
        out[length] = ASCII.period
        out[length + 1] = UInt8(remainder / 10) + ASCII.zero
        out[length + 2] = UInt8(remainder % 10) + ASCII.zero
        return length + 3
    }

    /// How many characters `formatted(style)` has (the `£` is one), worked out without writing it:
    /// what a table's column needs to be wide enough for.
    func formattedWidth(_ style: MoneyStyle) -> Int {
        var pounds = pence.magnitude / 100, digits = 1
        while pounds >= 10 { pounds /= 10; digits += 1 }
        let grouping = style == .display ? 1 + (digits - 1) / 3 : 0
        return (pence < 0 ? 1 : 0) + grouping + digits + 3
    }
}
