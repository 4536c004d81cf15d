/// Sheet names as a spreadsheet accepts them, made from names people chose (a scenario's name).
public enum SheetNames {
    /// Excel's limit.
    public static let maxLength = 31

    /// `name` made legal and distinct from `taken` (compared ignoring case, as Excel does): the
    /// characters `[]:*?/\` become `-`, a leading or trailing apostrophe is dropped, the result is cut
    /// to 31 characters, and a clash gets ` (2)`, ` (3)`… within the limit.
    public static func unique(_ name: String, taken: [String]) -> String {
        var base = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 })
        base = String(base.drop { $0 == "'" || $0 == " " })
        while base.last == "'" || base.last == " " { base.removeLast() }
        if base.isEmpty { base = "Sheet" }
        let lowered = Set(taken.map { $0.lowercased() })
        var candidate = String(base.prefix(maxLength))
        var counter = 2
        while lowered.contains(candidate.lowercased()) {
            let suffix = " (\(counter))"
            candidate = String(base.prefix(maxLength - suffix.count)) + suffix
            counter += 1
        }
        return candidate
    }

    /// The name as a formula writes it: bare when plain letters, digits and `_` (not a cell
    /// reference, not starting with a digit), otherwise in apostrophes with any apostrophe doubled.
    public static func quoted(_ name: String) -> String {
        let plain = !name.isEmpty
            && name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" }
            && !(name.first?.isNumber ?? true)
            && !looksLikeCellReference(name)
        if plain { return name }
        var quoted = "'"
        for character in name {
            quoted.append(character)
            if character == "'" { quoted.append("'") }
        }
        return quoted + "'"
    }

    /// Letters then digits, like `AB12` or `FY2019`: would be read as a cell, so must be quoted.
    static func looksLikeCellReference(_ name: String) -> Bool {
        let letters = name.prefix { $0.isLetter }
        let digits = name.dropFirst(letters.count)
        return !letters.isEmpty && letters.count <= 3 && !digits.isEmpty && digits.allSatisfy(\.isNumber)
    }
}
