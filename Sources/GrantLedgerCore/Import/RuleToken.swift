import Foundation

/// One word of a `skip` or `map` line: a bare word, or a "quoted" string that may hold spaces and
/// `;` (a quote inside is written `""`, as in CSV), so a condition can name any export heading
/// (`"Service Area"`) and test any text. A bare word runs to the next blank, as on every other
/// rules line; `;` at the start of a word begins the comment.
struct RuleToken {
    /// Byte offset in the line, and length as written (quotes included).
    let offset: Int
    let length: Int
    /// The text, quotes removed and `""` undone.
    let text: String
    let quoted: Bool

    /// A line's words from byte `start`, and its comment; or the first word that cannot be read.
    static func tokens(_ bytes: [UInt8], from start: Int) -> Result<(tokens: [RuleToken], comment: String?), Problem> {
        var tokens: [RuleToken] = []
        var index = start
        while index < bytes.count {
            while index < bytes.count && ASCII.isBlank(bytes[index]) { index += 1 }
            guard index < bytes.count else { break }
            if bytes[index] == ASCII.semicolon {
                let rest = String(decoding: bytes[(index + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                return .success((tokens, rest.isEmpty ? nil : rest))
            }
            let first = index
            if bytes[index] != quoteByte {
                while index < bytes.count && !ASCII.isBlank(bytes[index]) { index += 1 }
                tokens.append(RuleToken(offset: first, length: index - first,
                                        text: String(decoding: bytes[first..<index], as: UTF8.self), quoted: false))
                continue
            }
            var text: [UInt8] = []
            index += 1
            var closed = false
            while index < bytes.count {
                if bytes[index] == quoteByte {
                    if index + 1 < bytes.count && bytes[index + 1] == quoteByte {
                        text.append(quoteByte)
                        index += 2
                        continue
                    }
                    closed = true
                    index += 1
                    break
                }
                text.append(bytes[index])
                index += 1
            }
            guard closed else { return .failure(.unclosedQuote(offset: first)) }
            if index < bytes.count && !ASCII.isBlank(bytes[index]) { return .failure(.textAfterQuote(offset: index)) }
            tokens.append(RuleToken(offset: first, length: index - first, text: String(decoding: text, as: UTF8.self), quoted: true))
        }
        return .success((tokens, nil))
    }

    /// Why a line's words cannot be read, at a byte offset.
    enum Problem: Error {
        /// A quote opened and never closed.
        case unclosedQuote(offset: Int)
        /// Text straight after a closing quote (`"Service Area"x`).
        case textAfterQuote(offset: Int)
    }

    private static let quoteByte = UInt8(ascii: "\"")

    /// `text` in quotes, a quote inside doubled: how a rules file writes a heading.
    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A value as a rules file would write it: bare when it is one word that reads back the same.
    static func written(_ text: String) -> String {
        let bare = !text.isEmpty && !text.hasPrefix("\"") && !text.hasPrefix(";")
            && !text.utf8.contains(where: ASCII.isBlank)
        return bare ? text : quote(text)
    }
}
