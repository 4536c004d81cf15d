/// A top-slice as a setting writes it: `NAME AMOUNT`, or `NAME AMOUNT to AREA`.
extension TopSlice {
    static let form = "write NAME AMOUNT, or NAME AMOUNT to AREA: project-officer £60,000.00, or oak-tree £10,000 to Mansfield"

    /// Reads `NAME AMOUNT` (retained centrally) or `NAME AMOUNT to AREA` (paid to that area).
    public static func parse(_ text: String, origin: SettingOrigin? = nil) throws(SettingError) -> TopSlice {
        let split = SettingWords(text)
        let words = split.words
        guard words.count >= 2 else {
            throw SettingError(Diagnostic(
                .badTopSlice, "a top-slice needs a name and an amount, not \(quoted(text))", hint: form, origin: origin))
        }
        let amount = try AllocationSettings.amount(words[1], what: "top-slice \(words[0].text)", origin: origin)
        var area: String?
        if words.count > 2 {
            guard words[2].text == "to", words.count > 3 else {
                throw SettingError(Diagnostic(
                    .badTopSlice, "after a top-slice's amount comes `to AREA` or nothing, not \(quoted(split.rest(from: 2)))",
                    hint: form, origin: origin, offset: words[2].offset, length: split.rest(from: 2).utf8.count))
            }
            area = split.rest(from: 3)
        }
        return TopSlice(name: words[0].text, amount: amount, area: area, origin: origin)
    }
}
