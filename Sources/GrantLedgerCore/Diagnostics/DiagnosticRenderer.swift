import Foundation

/// Turns diagnostics into the text people read:
///
///     ledgers/x.ledger:12:5: error[unbalanced-transaction]: postings sum to £10.00, not zero
///       12 |     expenses:cctv  £110.00
///          |     ^^^^^^^^^^^^^
///       hint: correct an amount, or leave one amount out to have it inferred
///
/// Source lines not captured while reading are read back from the file, once per file.
public final class DiagnosticRenderer {
    private var linesByFile: [String: [Substring]] = [:]

    public init() {}

    /// All diagnostics, errors and findings in file order, each followed by a blank line.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var output = ""
        for diagnostic in Self.ordered(diagnostics) {
            output += render(diagnostic)
            output += "\n"
        }
        return output
    }

    /// Stable order: located problems by file, line and column, then the unlocated ones.
    public static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (l?, r?): return l != r ? l < r : a.offset < b.offset
            case (.some, .none): return true
            case (.none, .some): return false
            case (.none, .none): return a.offset < b.offset
            }
        }.map(\.element)
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let head = "\(diagnostic.severity.rawValue)[\(diagnostic.code.rawValue)]: \(diagnostic.message)"
        var text: String
        if let location = diagnostic.location {
            text = "\(location.file):\(location.line):\(location.column): \(head)\n"
            if let line = diagnostic.excerpt ?? sourceLine(location.file, location.line) {
                let number = String(location.line)
                let gutter = String(repeating: " ", count: number.count)
                let (prefix, caretCount) = Self.caret(line: line, byteColumn: location.column, byteLength: diagnostic.length)
                text += "  \(number) | \(line)\n"
                text += "  \(gutter) | \(prefix)\(String(repeating: "^", count: caretCount))\n"
            }
        } else {
            text = "grantledger: \(head)\n"
        }
        if let hint = diagnostic.hint {
            text += "  hint: \(hint)\n"
        }
        return text
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
        if linesByFile[file] == nil {
            guard let data = FileManager.default.contents(atPath: file) else { return nil }
            // Split the bytes, not the String: in a String "\r\n" is one Character, not "\r" then "\n".
            linesByFile[file] = data.split(separator: ASCII.newline, omittingEmptySubsequences: false).map { bytes in
                let line = bytes.last == ASCII.carriageReturn ? bytes.dropLast() : bytes
                return Substring(String(decoding: line, as: UTF8.self))
            }
        }
        guard let lines = linesByFile[file], number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1])
    }
}

extension Array where Element == Diagnostic {
    /// `2 errors, 1 finding` — the last line of a failing check.
    public var summary: String {
        let errors = filter { $0.severity == .error }.count
        let findings = count - errors
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(findings, "finding"))"
    }
}
