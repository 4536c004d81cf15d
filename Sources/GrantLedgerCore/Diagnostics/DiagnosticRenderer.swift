import Foundation

/// Turns diagnostics into the text people read:
///
///     ledgers/x.ledger:12:5: error[unbalanced-transaction]: postings sum to £10.00, not zero
///       12 |     expenses:cctv  £110.00
///          |     ^^^^^^^^^^^^^
///       hint: correct an amount, or leave one amount out to have it inferred
///
/// Source lines not captured while reading come from the files as they were read (`SourceFiles`),
/// never from the disk again: the line shown is the line that was parsed. A location in an .xlsx
/// workbook (named so, as the readers choose it) is a row and a column of a sheet: no line of the
/// binary file is ever shown for it, whatever excerpt the diagnostic carries.
///
/// How the program names itself and how a reader asks for more problems are the caller's words (the
/// CLI's `grantledger:` and `--max-problems N`), never the core's.
public final class DiagnosticRenderer {
    private let sources: SourceFiles?
    private let program: String?
    private let showingMore: String?

    /// `program` prefixes a problem that has no location (`grantledger: error[…]`); `showingMore`
    /// says how to see the problems counted past the limit (`--max-problems N`).
    public init(sources: SourceFiles? = nil, program: String? = nil, showingMore: String? = nil) {
        self.sources = sources
        self.program = program
        self.showingMore = showingMore
    }

    /// All diagnostics, errors and findings in file order, each followed by a blank line; problems
    /// counted past the limit are summed up on one line at the end.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var output = ""
        var tallies: [Diagnostic] = []
        for diagnostic in Self.ordered(diagnostics) {
            if diagnostic.omitted > 0 {
                tallies.append(diagnostic)
                continue
            }
            output += render(diagnostic)
            output += "\n"
        }
        if !tallies.isEmpty {
            let total = tallies.reduce(0) { $0 + $1.omitted }
            let byCode = tallies.map { "\(Thousands.grouped($0.omitted)) \($0.code.rawValue)" }.joined(separator: ", ")
            output += "\(prefix)\(Thousands.grouped(total)) more problem\(total == 1 ? "" : "s") not shown: \(byCode)\n"
            output += "  hint: correct the ones shown first (often one mistake repeated)\(showingMore.map { "; \($0) shows more" } ?? "")\n\n"
        }
        return output
    }

    /// `grantledger: ` before a line that has no file to name.
    private var prefix: String { program.map { "\($0): " } ?? "" }

    /// Stable order: located problems by file, line and column, then the unlocated ones.
    public static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        ordered(diagnostics, by: \.location)
    }

    /// The one order of problems, for anything that has a location (an audit's findings too), so
    /// every output lists them alike: stable, by file, line and column, the unlocated last.
    static func ordered<Item>(_ items: [Item], by location: (Item) -> SourceLocation?) -> [Item] {
        items.enumerated().sorted { a, b in
            switch (location(a.element), location(b.element)) {
            case let (l?, r?): return l != r ? l < r : a.offset < b.offset
            case (.some, .none): return true
            case (.none, .some): return false
            case (.none, .none): return a.offset < b.offset
            }
        }.map(\.element)
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let head = "\(diagnostic.severity.rawValue)[\(diagnostic.code.rawValue)]: \(Self.printable(Self.clipped(diagnostic.message)))"
        var text: String
        if let location = diagnostic.location {
            text = "\(Self.printable(location.file)):\(location.line):\(location.column): \(head)\n"
            // A workbook is binary: its location is a row and column, and it has no line to show.
            if !XlsxWorkbook.isWorkbook(location.file), let whole = diagnostic.excerpt ?? sourceLine(location.file, location.line) {
                let (line, column, length) = Self.window(whole, byteColumn: location.column, byteLength: diagnostic.length)
                let number = String(location.line)
                let gutter = String(repeating: " ", count: number.count)
                let (prefix, caretCount) = Self.caret(line: line, byteColumn: column, byteLength: length)
                text += "  \(number) | \(Self.printable(line))\n"
                text += "  \(gutter) | \(prefix)\(String(repeating: "^", count: caretCount))\n"
            }
        } else {
            text = "\(prefix)\(head)\n"
        }
        if let hint = diagnostic.hint {
            text += "  hint: \(Self.printable(Self.clipped(hint)))\n"
        }
        return text
    }

    /// Text from a file, safe to print on a terminal: control characters (an escape sequence
    /// hidden in a ledger could retitle the window or clear the screen) become U+FFFD, one
    /// character for one, so the caret still lines up. Tabs stay.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? "\u{FFFD}" : $0 }))
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    /// A message or hint quoting a huge word is cut: 400 characters say what is wrong.
    static func clipped(_ text: String, to limit: Int = 400) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }

    /// A long line shown as the part around its problem, so one line of 64 MB is not printed twice.
    static func window(_ line: String, byteColumn: Int, byteLength: Int) -> (String, Int, Int) {
        let characters = Array(line)
        guard characters.count > 1_000 else { return (line, byteColumn, byteLength) }
        // The character the column points into.
        var bytes = 0, at = characters.count
        for (index, character) in characters.enumerated() {
            if bytes >= byteColumn - 1 { at = index; break }
            bytes += character.utf8.count
        }
        let start = max(0, at - 300), end = min(characters.count, at + 500)
        let lead = start > 0 ? "…" : ""
        let shown = lead + String(characters[start..<end]) + (end < characters.count ? "…" : "")
        let column = lead.utf8.count + String(characters[start..<min(at, end)]).utf8.count + 1
        return (shown, column, min(byteLength, max(1, String(characters[min(at, end)..<end]).utf8.count)))
    }

    /// The blank prefix (keeping tabs, so the caret lines up) and the caret width in characters.
    static func caret(line: String, byteColumn: Int, byteLength: Int) -> (String, Int) {
        var prefix = ""
        var caretCount = 0
        var byteOffset = 0
        let start = byteColumn - 1
        for character in line {
            let width = character.utf8.count
            if byteOffset < start {
                prefix.append(character == "\t" ? "\t" : " ")
            } else if byteOffset < start + byteLength {
                caretCount += 1
            }
            byteOffset += width
        }
        return (prefix, max(1, caretCount))
    }

    private func sourceLine(_ file: String, _ number: Int) -> String? {
        sources?.file(named: file)?.line(number)
    }
}

extension Array where Element == Diagnostic {
    /// `2 errors, 1 finding` — the last line of a failing check.
    public var summary: String {
        let errors = filter { $0.severity == .error }.reduce(0) { $0 + $1.weight }
        let findings = filter { $0.severity == .finding }.reduce(0) { $0 + $1.weight }
        func plural(_ n: Int, _ word: String) -> String { "\(Thousands.grouped(n)) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(findings, "finding"))"
    }
}
