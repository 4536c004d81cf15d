/// The one thousands grouping, for money, exact decimals and counts alike: commas every three
/// digits of the whole part, never the locale's separator (a committee report prints the same on
/// every machine).
public enum Thousands {
    /// Thousands commas in the whole part of a plain decimal: `1234567.5` → `1,234,567.5`.
    static func grouped(_ decimal: String) -> String {
        var text = Substring(decimal)
        var sign = ""
        if text.hasPrefix("-") { sign = "-"; text = text.dropFirst() }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = Array(parts[0])
        var out = ""
        for (index, character) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        if parts.count > 1 { out += "." + parts[1] }
        return sign + out
    }

    /// `1,999,800`.
    public static func grouped(_ count: Int) -> String { grouped(String(count)) }
}
