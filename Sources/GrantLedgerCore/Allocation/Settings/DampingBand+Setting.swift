/// A damping band as a setting writes it (`10%`, `-5%,+10%`, `-5%`, `+10%`, or exact fractions),
/// with each limit's problem shown under that limit.
extension DampingBand {
    static let form = "write the band as 10% (either way), -5%,+10% (down, up), -5% (losses only) or +10% (gains only)"

    /// Reads one band, or two limits split by a comma (down first); each limit an exact fraction.
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
            throw SettingError(Diagnostic(.badDamping, "a damping band has at most two limits, down and up", hint: form, origin: origin))
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
                throw SettingError(Diagnostic(.badDamping, "write a fall as -5%, not with two signs", hint: form,
                                              origin: origin, offset: part.offset))
            }
            let percentOf = (magnitude * Rational(100)).terminatingDecimal(maxPlaces: 4).map { Thousands.grouped($0) + "%" } ?? "more than 100%"
            let noPercent = !magnitudeText.hasSuffix("%") && !magnitudeText.contains("/") && !magnitudeText.contains(".")
            let fallsTooFar = SettingError(Diagnostic(
                .badDamping, "a band of \(magnitudeText) is \(percentOf): an amount cannot fall by more than 100%",
                hint: noPercent ? "write the band as a percentage, \(magnitudeText)%, or a fraction, 0.1" : "a band wider than 100% is for gains only: +150%",
                origin: origin, offset: part.offset, length: part.text.utf8.count))
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
                    throw SettingError(Diagnostic(
                        .badDamping, "a two-sided band is written down first, then up: -5%,+10%", hint: form,
                        origin: origin, offset: part.offset, length: part.text.utf8.count))
                }
                if magnitude > .one { throw fallsTooFar }
                down = magnitude
            } else {
                if sign == ASCII.minus {
                    throw SettingError(Diagnostic(
                        .badDamping, "a two-sided band is written down first, then up: -5%,+10%", hint: form,
                        origin: origin, offset: part.offset, length: part.text.utf8.count))
                }
                up = magnitude
            }
        }
        return DampingBand(down: down, up: up)
    }
}
