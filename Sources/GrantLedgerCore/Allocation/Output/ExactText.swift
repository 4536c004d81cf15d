import BigInt

/// How exact figures are written for people: fractions kept whole, decimals grouped, approximations
/// marked with ≈ so nobody mistakes a rounded figure for the exact one.
enum ExactText {
    /// `126,300` or `26.308` when the value ends within `maxPlaces`, otherwise `421/2749`.
    static func value(_ value: Rational, maxPlaces: Int = 12) -> String {
        if let exact = value.terminatingDecimal(maxPlaces: maxPlaces) { return Thousands.grouped(exact) }
        return value.description
    }

    /// `421/2749 ≈ 0.153146598763`, or just `0.25` when the decimal is exact.
    static func fraction(_ value: Rational, places: Int = 12) -> String {
        if let exact = value.terminatingDecimal(maxPlaces: places) { return exact }
        return "\(value) ≈ \(value.decimalString(places: places))"
    }

    /// An exact amount of pence: `£46,234.56` when whole pence, otherwise
    /// `1248333333/27 pence ≈ £46,234.567890`.
    static func pounds(pence: Rational) -> String {
        if pence.isInteger, let whole = pence.int64Value { return Money(pence: whole).formatted(.display) }
        let pounds = pence * Rational(storage: .small(1, 100))
        return "\(pence) pence ≈ £\(Thousands.grouped(pounds.decimalString(places: 6)))"
    }

    /// An exact amount of pence shown to the penny (half away from zero), for reading only: `£46,234.57`.
    /// Never clamped: a total of last year's amounts past what Int64 holds is still shown as it is.
    static func money(_ pence: Rational) -> String {
        let whole = pence.rounded(.standard)
        if let small = WideConversion.small(whole) { return MoneyTotal(pence: small).description }
        let magnitude = whole.magnitude
        let (pounds, rest) = magnitude.quotientAndRemainder(dividingBy: 100)
        return (whole.sign == .minus ? "-£" : "£") + Thousands.grouped(String(pounds)) + (rest < 10 ? ".0" : ".") + String(rest)
    }

    /// An exact amount of pence for a message: `£245,000.00`, or `about £227,142.19` when it is not a
    /// whole number of pence.
    static func roughly(_ pence: Rational) -> String {
        pence.isInteger ? money(pence) : "about " + money(pence)
    }

    /// Pence per head shown as pounds to four places: `£0.3820`.
    static func perHead(_ pence: Rational) -> String {
        "£" + Thousands.grouped((pence * Rational(storage: .small(1, 100))).decimalString(places: 4))
    }

    /// A change as a signed percentage to two places: `+3.45%`, `−2.10%`, `0.00%`.
    static func signedPercent(_ fraction: Rational) -> String {
        let text = (fraction * Rational(100)).decimalString(places: 2)
        if text.hasPrefix("-") { return "−" + text.dropFirst() + "%" }
        return (fraction.isZero || text == "0.00" ? "" : "+") + text + "%"
    }

    /// A percentage to `places` decimals (rounded half away from zero): `15.3147%`.
    static func percent(_ share: Rational, places: Int = 4) -> String {
        (share * Rational(100)).decimalString(places: places) + "%"
    }

    /// `population 1/3, crime 1/3, deprivation 1/3`.
    static func weights(_ indicators: [WeightedIndicator]) -> String {
        indicators.map { "\($0.name) \(value($0.weight, maxPlaces: 6))" }.joined(separator: ", ")
    }
}
