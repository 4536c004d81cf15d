import ArgumentParser
import Foundation

/// Shell words as the completion scripts hand them over (verbatim: quotes and backslashes as typed),
/// read as the command will receive them; and candidates written so that each shell takes them as
/// they are.
enum ShellWords {
    /// `'my books'/a`, `my\ books/a` and `"my books"/a` are all `my books/a`; a leading `~/` is the
    /// home folder when `expandingHome`; a quote still open (the word being typed) runs to the end.
    static func unquoted(_ word: String, expandingHome: Bool = false) -> String {
        var result = ""
        var quote: Character?
        var escaped = false
        for character in word {
            if escaped {
                // Within double quotes a backslash escapes only $ ` " \ and stays before anything else.
                if quote == "\"" && !"$`\"\\".contains(character) { result.append("\\") }
                result.append(character)
                escaped = false
            } else if quote == "'" {
                if character == "'" { quote = nil } else { result.append(character) }
            } else if character == "\\" {
                escaped = true
            } else if character == quote {
                quote = nil
            } else if quote == nil && (character == "'" || character == "\"") {
                quote = character
            } else {
                result.append(character)
            }
        }
        if expandingHome, word == "~" || word.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            return home + result.dropFirst()
        }
        return result
    }

    /// `candidate` written for `shell` to offer as it is, or nil when no word can carry it (a line
    /// break would split it in two). bash expands every word of `compgen -W`, so a `$(…)` in a
    /// ledger's line id would run: each character bash treats specially is escaped. zsh's
    /// `_describe` reads `:` as the start of a description.
    static func literal(_ candidate: String, for shell: CompletionShell?) -> String? {
        guard !candidate.contains(where: \.isNewline) else { return nil }
        if shell == .bash {
            return String(candidate.flatMap { bashSpecial.contains($0) ? ["\\", $0] : [$0] })
        }
        if shell == .zsh {
            return candidate.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:")
        }
        return candidate
    }

    /// `path` written for a person to paste into a command line (a next step `init` prints): as it
    /// is when every character is plain, else in single quotes; never read as an option.
    static func pasteable(_ path: String) -> String {
        let word = path.hasPrefix("-") ? "./" + path : path
        guard word.isEmpty || !word.unicodeScalars.allSatisfy(plain.contains) else { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static let plain = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/-+:@%,=".unicodeScalars)

    /// What bash expands or splits in a word: quotes, `$`, backquotes, globs, braces, a tilde, blanks.
    private static let bashSpecial: Set<Character> = [
        "\\", "'", "\"", "$", "`", "*", "?", "[", "]", "{", "}", "~", "!", "#", "&", ";", "|", "<", ">", "(", ")", " ", "\t",
    ]
}
