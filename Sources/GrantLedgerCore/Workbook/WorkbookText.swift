/// Words for titles and notes, written the way committee papers in England write them.
enum WorkbookText {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    /// `25 November 2026`
    static func long(_ day: Day) -> String {
        let (year, month, dayOfMonth) = day.components
        return "\(dayOfMonth) \(months[max(0, min(11, month - 1))]) \(year)"
    }

    /// `text`, or as many of its first characters as fit with `…` in `limit` bytes of UTF-8
    /// (bytes, not characters, since `£` takes two and libraries count either way).
    static func clipped(_ text: String, toBytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var out = ""
        var used = "…".utf8.count
        for character in text {
            used += character.utf8.count
            if used > limit { break }
            out.append(character)
        }
        return out + "…"
    }

    /// `1 grant`, `8 grants`
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

extension WorkbookText {
    /// `31/03/2020`
    static func short(_ day: Day) -> String {
        let (year, month, dayOfMonth) = day.components
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(dayOfMonth))/\(two(month))/\(year)"
    }
}
