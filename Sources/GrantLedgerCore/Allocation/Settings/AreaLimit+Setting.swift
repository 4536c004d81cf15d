/// A floor or cap as a setting writes it, read where it was written (a scenario's floor or cap line,
/// or the command line's option), so a problem with it is shown under it.
extension AreaLimit {
    /// Reads `AMOUNT`, `AREA AMOUNT` or `AREA=AMOUNT` (an area's name may have blanks in it: the
    /// amount is the last word, or what follows the last `=`). `label` is how messages name the
    /// setting (`floor`; the command line passes its option's name).
    public static func parse(_ text: String, kind: Kind, label: String? = nil, origin: SettingOrigin? = nil) throws(SettingError) -> AreaLimit {
        let option = label ?? kind.rawValue
        if let whole = try? MoneyParser.parse(text.trimmingBlanks) {
            return AreaLimit(kind, area: nil, amount: whole, origin: origin, areaOffset: 0)
        }
        let bytes = Array(text.utf8)
        let words = SettingWords(text)
        var areaText: String
        var amountWord: SettingWords.Word
        if let equals = bytes.lastIndex(of: ASCII.equals) {
            areaText = String(decoding: bytes[..<equals], as: UTF8.self).trimmingBlanks
            let after = String(decoding: bytes[(equals + 1)...], as: UTF8.self)
            let lead = after.utf8.prefix { ASCII.isBlank($0) }.count
            amountWord = SettingWords.Word(text: after.trimmingBlanks, offset: equals + 1 + lead)
        } else if words.words.count >= 2, let last = words.words.last {
            areaText = words.head(before: words.words.count - 1)
            amountWord = last
        } else {
            // One word that is not an amount: report it as an amount, which is the usual form.
            let word = words.words.first ?? SettingWords.Word(text: text, offset: 0)
            _ = try AllocationSettings.amount(word, what: option, origin: origin)
            throw SettingError(Diagnostic(.badAmount, "\(option) \(quoted(text)) is not an amount", origin: origin))
        }
        if areaText.isEmpty {
            throw SettingError(Diagnostic(
                kind == .floor ? .badFloor : .badCap, "an area's \(kind.rawValue) needs the area's name before the amount",
                hint: "write \(option) AMOUNT for every area, or \(option) 'AREA AMOUNT' for one: \(option) 'Mansfield £25,000'",
                origin: origin))
        }
        let amount = try AllocationSettings.amount(amountWord, what: "\(option) for \(areaText)", origin: origin)
        let areaOffset = (words.words.first?.offset ?? 0)
        return AreaLimit(kind, area: areaText, amount: amount, origin: origin, areaOffset: areaOffset)
    }
}
