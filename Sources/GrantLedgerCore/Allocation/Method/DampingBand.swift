/// How far an area's amount may move from last year's: `10%` (either way), `-5%,+10%` (down at most
/// 5%, up at most 10%), `-5%` (losses held, gains free) or `+10%` (gains held, losses free). Exact
/// fractions, as weights are: `1/10` and `0.1` mean the same as `10%`.
public struct DampingBand: Sendable, Equatable {
    /// The largest fall allowed, as a fraction of last year's amount; `nil` for no limit.
    public let down: Rational?
    /// The largest rise allowed; `nil` for no limit.
    public let up: Rational?

    public init(down: Rational?, up: Rational?) {
        self.down = down
        self.up = up
    }

    static let form = "write the band as 10% (either way), -5%,+10% (down, up), -5% (losses only) or +10% (gains only)"

    public static func parse(_ text: String, origin: SettingOrigin? = nil) throws(SettingError) -> DampingBand {
        let bytes = Array(text.utf8)
        var parts: [(text: String, offset: Int)] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == ASCII.comma {
            let piece = String(decoding: bytes[start..<index], as: UTF8.self)
            let lead = piece.utf8.prefix { ASCII.isBlank($0) }.count
            parts.append((piece.trimmingBlanks, start + lead))
            start = index + 1
        }
        guard parts.count <= 2 else {
            throw SettingError(diagnostic(.badDamping, "a damping band has at most two limits, down and up", hint: form, at: origin))
        }
        var down: Rational?
        var up: Rational?
        for (position, part) in parts.enumerated() {
            let sign = part.text.utf8.first
            let signed = sign == ASCII.minus || sign == ASCII.plus
            let magnitudeText = signed ? String(part.text.dropFirst()) : part.text
            let magnitude = try WeightSetting.exact(magnitudeText, .badDamping, at: origin, offset: part.offset + (signed ? 1 : 0),
                                                    hint: form) {
                "the damping band \(quoted(text)) is not a percentage or fraction: \($0)"
            }
            if magnitude.isNegative {
                throw SettingError(diagnostic(.badDamping, "write a fall as -5%, not with two signs", hint: form,
                                              at: origin, offset: part.offset))
            }
            let percentOf = (magnitude * Rational(100)).terminatingDecimal(maxPlaces: 4).map { Thousands.grouped($0) + "%" } ?? "more than 100%"
            let noPercent = !magnitudeText.hasSuffix("%") && !magnitudeText.contains("/") && !magnitudeText.contains(".")
            let fallsTooFar = SettingError(diagnostic(
                .badDamping, "a band of \(magnitudeText) is \(percentOf): an amount cannot fall by more than 100%",
                hint: noPercent ? "write the band as a percentage, \(magnitudeText)%, or a fraction, 0.1" : "a band wider than 100% is for gains only: +150%",
                at: origin, offset: part.offset, length: part.text.utf8.count))
            if parts.count == 1 {
                switch sign {
                case ASCII.minus:
                    if magnitude > .one { throw fallsTooFar }
                    down = magnitude
                case ASCII.plus:
                    up = magnitude
                default:
                    if magnitude > .one { throw fallsTooFar }
                    down = magnitude
                    up = magnitude
                }
            } else if position == 0 {
                if sign == ASCII.plus {
                    throw SettingError(diagnostic(
                        .badDamping, "a two-sided band is written down first, then up: -5%,+10%", hint: form,
                        at: origin, offset: part.offset, length: part.text.utf8.count))
                }
                if magnitude > .one { throw fallsTooFar }
                down = magnitude
            } else {
                if sign == ASCII.minus {
                    throw SettingError(diagnostic(
                        .badDamping, "a two-sided band is written down first, then up: -5%,+10%", hint: form,
                        at: origin, offset: part.offset, length: part.text.utf8.count))
                }
                up = magnitude
            }
        }
        return DampingBand(down: down, up: up)
    }

    /// `±10%`, `−5% / +10%`, `−5% / no limit up`.
    public var description: String {
        func percent(_ value: Rational) -> String {
            let hundred = value * Rational(100)
            return (hundred.terminatingDecimal(maxPlaces: 4) ?? hundred.decimalString(places: 4)) + "%"
        }
        switch (down, up) {
        case let (d?, u?) where d == u: return "±" + percent(d)
        case let (d?, u?): return "−\(percent(d)) / +\(percent(u))"
        case let (d?, nil): return "−\(percent(d)) / no limit up"
        case let (nil, u?): return "no limit down / +\(percent(u))"
        case (nil, nil): return "no limits"
        }
    }
}
