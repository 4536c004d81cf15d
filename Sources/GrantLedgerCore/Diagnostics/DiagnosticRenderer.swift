import Foundation

/// Turns diagnostics into the text people read:
///
///     ledgers/x.ledger:12:5: error[unbalanced-transaction]: postings sum to £10.00, not zero
///       12 |     expenses:cctv  £110.00
///          |     ^^^^^^^^^^^^^
///       hint: correct an amount, or leave one amount out to have it inferred
///
/// Source lines not captured while reading come from the files as they were read (`SourceFiles`),
/// never from the disk again: the line shown is the line that was parsed.
public final class DiagnosticRenderer {
    private let sources: SourceFiles?

    public init(sources: SourceFiles? = nil) {
        self.sources = sources
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
            let byCode = tallies.map { "\(Self.grouped($0.omitted)) \($0.code.rawValue)" }.joined(separator: ", ")
            output += "grantledger: \(Self.grouped(total)) more problem\(total == 1 ? "" : "s") not shown: \(byCode)\n"
            output += "  hint: correct the ones shown first (often one mistake repeated); --max-problems N shows more\n\n"
        }
        return output
    }

    /// `1,999,800`.
    static func grouped(_ n: Int) -> String { ExactText.grouped(String(n)) }

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
        sources?.file(named: file)?.line(number)
    }
}

extension Array where Element == Diagnostic {
    /// `2 errors, 1 finding` — the last line of a failing check.
    public var summary: String {
        let errors = filter { $0.severity == .error }.reduce(0) { $0 + $1.weight }
        let findings = filter { $0.severity == .finding }.reduce(0) { $0 + $1.weight }
        func plural(_ n: Int, _ word: String) -> String { "\(DiagnosticRenderer.grouped(n)) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(findings, "finding"))"
    }
}
