/// Scenario names a person could type, and some no one should, for the sheet-name tests: letters
/// in many scripts, combining accents, emoji with ZWJ joins and skin tones, flags, astral-plane
/// letters, apostrophes, brackets and the other characters a sheet name may not hold, controls,
/// U+FFFE, names that read as cells, `History`, and case twins that Excel counts as the same name.
enum RandomSheetName {
    static let pieces: [String] = [
        "a", "Z", "q", "Plan", "plan", "B", "it's", "'", "''", " ", "  ", "!", "PlanB!", "-", "&", "%", "\"", ",", ".",
        "[", "]", ":", "*", "?", "/", "\\", "(", ")", "=", "+", "@", "#", "0", "7", "2019", "A1", "R1C1", "rc", "TRUE",
        "e\u{301}", "\u{E9}", "a\u{300}\u{316}\u{35C}", "\u{301}", "ß", "SS", "ẞ", "İ", "ı", "i", "K", "\u{212A}", "ǅ", "ǆ",
        "Ω", "ω", "Σ", "ς", "σ", "Ж", "ж", "ﬁ", "FI", "ﬃ", "日本", "한국어", "עברית", "العربية", "हिन्दी", "ไทย",
        "👨‍👩‍👧‍👦", "👍🏽", "🏳️‍🌈", "🇬🇧", "🇫🇷", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "😀", "\u{1D400}", "\u{1D4B6}", "\u{20000}", "\u{10400}", "\u{10428}",
        "\u{1}", "\u{9}", "\u{A}", "\u{1F}", "\u{7F}", "\u{85}", "\u{FFFE}", "\u{FFFF}", "\u{200B}", "\u{200D}", "\u{FEFF}",
        "History", "history", "Summary", "Comparison", "Provenance", "Sheet", "Budget v actual",
    ]

    /// One name: a few pieces, sometimes many (past 31 units), sometimes nothing at all.
    static func make(using rng: inout some RandomNumberGenerator) -> String {
        let count = Int.random(in: 0...12, using: &rng) == 0 ? Int.random(in: 10...40, using: &rng) : Int.random(in: 0...6, using: &rng)
        var name = ""
        for _ in 0..<count { name += pieces.randomElement(using: &rng) ?? "" }
        return name
    }

    /// `count` names, a tenth of them case or normalisation twins of an earlier one.
    static func batch(_ count: Int, using rng: inout some RandomNumberGenerator) -> [String] {
        var names: [String] = []
        for _ in 0..<count {
            if let earlier = names.randomElement(using: &rng), Int.random(in: 0..<10, using: &rng) == 0 {
                names.append([earlier.uppercased(), earlier.lowercased(), earlier + " ", "'" + earlier][Int.random(in: 0...3, using: &rng)])
            } else {
                names.append(make(using: &rng))
            }
        }
        return names
    }
}
