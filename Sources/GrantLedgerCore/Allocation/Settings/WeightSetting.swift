/// One weight (`weight  population  1/3` in a scenario file, `--weight population=1/3` as an
/// option): an indicator column and its exact weight in the blend.
public struct WeightSetting: Sendable {
    public let indicator: String
    public let weight: Rational
    /// Where the whole `NAME=VALUE` was written.
    public let origin: SettingOrigin?

    public init(indicator: String, weight: Rational, origin: SettingOrigin? = nil) {
        self.indicator = indicator
        self.weight = weight
        self.origin = origin
    }

    /// Reads `population 1/3` (as a scenario file lines it up), `crime=0.25` or `deprivation=25%`;
    /// a problem with the form is told in `wording`, the writer's syntax.
    public static func parse(_ text: String, origin: SettingOrigin? = nil,
                             wording: ScenarioWording = .file) throws(SettingError) -> WeightSetting {
        let bytes = Array(text.utf8)
        var separator = bytes.firstIndex(of: ASCII.equals)
        if separator == nil {
            // `NAME VALUE`: the value is the last word.
            var end = bytes.count
            while end > 0 && ASCII.isBlank(bytes[end - 1]) { end -= 1 }
            var start = end
            while start > 0 && !ASCII.isBlank(bytes[start - 1]) { start -= 1 }
            if start > 0 { separator = start - 1 }
        }
        guard let equals = separator else {
            throw SettingError(Diagnostic(
                .badWeight, "a weight is written \(wording.weightForm.syntax), not \(quoted(text))",
                hint: wording.hint(.weight), origin: origin))
        }
        let name = String(decoding: bytes[..<equals], as: UTF8.self).trimmingBlanks
        if name.isEmpty {
            throw SettingError(Diagnostic(
                .badWeight, "a weight needs the name of an indicator column before =",
                hint: wording.weightForm.example, origin: origin, offset: 0, length: 1))
        }
        var valueStart = equals + 1
        var valueEnd = bytes.count
        while valueStart < valueEnd && ASCII.isBlank(bytes[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart && ASCII.isBlank(bytes[valueEnd - 1]) { valueEnd -= 1 }
        let valueText = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
        let valueOffset = valueStart
        let weight = try exact(valueText, .badWeight, at: origin, offset: valueOffset,
                               hint: "write weights exactly as a fraction (1/3), a decimal (0.25) or a percentage (25%, 50.5%)") {
            "the weight for \(name) is not a number: \($0)"
        }
        if weight.isNegative {
            throw SettingError(Diagnostic(
                .badWeight, "the weight for \(name) is negative",
                hint: "weights are shares of the blend: zero or more, summing to one",
                origin: origin, offset: valueOffset))
        }
        return WeightSetting(indicator: name, weight: weight, origin: origin)
    }

    /// `text` as an exact fraction, decimal or percentage (weights, severity weights, damping bands),
    /// or the problem with a caret at the bad character, `offset` being where `text` starts in the setting.
    static func exact(_ text: String, _ code: DiagnosticCode, at origin: SettingOrigin?, offset: Int, hint: String,
                      message: (String) -> String) throws(SettingError) -> Rational {
        do throws(NumberParseProblem) {
            return try ExactNumberParser.parseWeight(text)
        } catch {
            throw SettingError(Diagnostic(code, message(error.message), hint: error.kind.sharedHint ?? hint, origin: origin,
                                          offset: offset + error.offset, length: 1))
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        var utf8 = Substring(self).utf8[...]
        while let first = utf8.first, ASCII.isBlank(first) { utf8 = utf8.dropFirst() }
        while let last = utf8.last, ASCII.isBlank(last) { utf8 = utf8.dropLast() }
        return String(decoding: utf8, as: UTF8.self)
    }
}
