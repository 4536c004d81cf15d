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
        let magnitude = pence.magnitude
        let pounds = magnitude / 100
        let remainder = magnitude % 100
        var digits = String(pounds)
        if style == .display && digits.utf8.count > 3 { digits = Thousands.grouped(digits) }
        let pence = remainder < 10 ? "0\(remainder)" : "\(remainder)"
        let sign = self.pence < 0 ? "-" : ""
        switch style {
        case .display: return "\(sign)£\(digits).\(pence)"
        case .plain: return "\(sign)\(digits).\(pence)"
        }
    }
}
