/// A setting's text split into blank-separated words, each with its byte offset, so that a problem
/// with one word of `oak-tree £10,000 to Mansfield` is shown with a caret under that word.
struct SettingWords {
    struct Word {
        let text: String
        /// Byte offset of the word in the setting's text.
        let offset: Int
        var length: Int { text.utf8.count }
    }

    let text: String
    let words: [Word]

    init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        var words: [Word] = []
        var index = 0
        while index < bytes.count {
            while index < bytes.count && ASCII.isBlank(bytes[index]) { index += 1 }
            let start = index
            while index < bytes.count && !ASCII.isBlank(bytes[index]) { index += 1 }
            if index > start { words.append(Word(text: String(decoding: bytes[start..<index], as: UTF8.self), offset: start)) }
        }
        self.words = words
    }

    /// The text from word `index` to the end, as written (inner blanks kept, e.g. `Newark and Sherwood`).
    func rest(from index: Int) -> String {
        guard index < words.count else { return "" }
        let bytes = Array(text.utf8)
        return String(decoding: bytes[words[index].offset...], as: UTF8.self).trimmingBlanks
    }

    /// The text before word `index`, as written, trimmed.
    func head(before index: Int) -> String {
        guard index > 0, index <= words.count else { return "" }
        let bytes = Array(text.utf8)
        let end = index < words.count ? words[index].offset : bytes.count
        return String(decoding: bytes[..<end], as: UTF8.self).trimmingBlanks
    }
}

extension AllocationSettings {
    /// An amount inside a longer setting, with the caret under the bad character.
    static func amount(
        _ word: SettingWords.Word, what: String, origin: SettingOrigin?
    ) throws(SettingError) -> Money {
        try amount(word.text, option: what, origin: origin, offset: word.offset).value
    }
}
