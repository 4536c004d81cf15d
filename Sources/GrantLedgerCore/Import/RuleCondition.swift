/// One condition of a `skip` or `map` rule: `COLUMN [is|contains|prefix|matches] VALUE`, the
/// column a coded role (`cost-centre`) or any export column by its quoted heading
/// (`"Service Area"`). Tests are case-sensitive, so that `is` stays the exact equality rules
/// files have always meant; a pattern can ask for `(?i)`.
///
/// The condition keeps its pattern as text, not a compiled `Regex`: `Regex` is not `Sendable`, and
/// its storage is the standard library's to change, so no `@unchecked` promise about it would be
/// ours to keep. The reader compiles each pattern once to refuse a bad one at its place in the
/// rules file, and each read of an export compiles it once more, for all of its rows (`RuleMatcher`).
public struct RuleCondition: Sendable {
    /// Which cell a condition tests.
    public enum Column: Sendable, Hashable {
        /// A column the rules name with `column ROLE  Heading`.
        case role(ColumnRole)
        /// Any column of the export, by its heading (matched as the role columns are: exactly,
        /// then ignoring case).
        case heading(String)

        /// How the rules file writes it: `cost-centre`, `"Service Area"`.
        public var text: String {
            switch self {
            case .role(let role): return role.rawValue
            case .heading(let heading): return RuleToken.quote(heading)
            }
        }
    }

    /// How the cell is compared with the value.
    public enum Test: String, CaseIterable, Sendable {
        /// The whole cell, exactly.
        case `is`
        /// The value anywhere in the cell.
        case contains
        /// The cell starts with the value.
        case prefix
        /// A Swift regular expression found anywhere in the cell (anchor it with `^…$` for the whole).
        case matches
    }

    public let column: Column
    public let test: Test
    public let value: String
    /// Where the condition is written, from its column to its value.
    public let origin: SettingOrigin?
    /// Where its column is written: a heading the export lacks is named here.
    public let columnOrigin: SettingOrigin?

    public init(column: Column, test: Test = .is, value: String, origin: SettingOrigin? = nil, columnOrigin: SettingOrigin? = nil) {
        self.column = column
        self.test = test
        self.value = value
        self.origin = origin
        self.columnOrigin = columnOrigin
    }

    /// The role tested, when the column is a role.
    public var role: ColumnRole? {
        if case .role(let role) = column { return role }
        return nil
    }

    /// `cost-centre is CS2101`, `"Service Area" prefix "Community Safety"`: as a rules file writes it.
    public var text: String { "\(column.text) \(test.rawValue) \(Self.written(value))" }

    /// A value as a rules file writes it: bare when one word, else quoted.
    public static func written(_ value: String) -> String { RuleToken.written(value) }

    /// The value compiled as the pattern of a `matches` test, or the compiler's reason in words.
    public static func compile(_ pattern: String) -> Result<Regex<AnyRegexOutput>, PatternProblem> {
        if let at = nestedRepetition(pattern) {
            return .failure(PatternProblem(reason: "a repeated group repeats inside too (\(at)), which can take longer than the age of the universe to fail on a long cell; write the group without its inner + or *"))
        }
        do {
            return .success(try Regex(pattern))
        } catch {
            return .failure(PatternProblem(reason: String(describing: error)))
        }
    }

    /// The first group repeated by `+`, `*` or `{n,}` that holds such a repetition itself
    /// (`(a+)+`, `(\w+\s?)*`), as written: Swift's `Regex` backtracks with no limit, and such a
    /// pattern tries exponentially many ways to split a cell it does not match. Nil when none.
    static func nestedRepetition(_ pattern: String) -> String? {
        let characters = Array(pattern)
        var opened: [(start: Int, repeats: Bool)] = []
        var index = 0, inClass = false
        func repeatsAt(_ i: Int) -> Bool {
            guard i < characters.count else { return false }
            if characters[i] == "+" || characters[i] == "*" { return true }
            // `{n,}` and `{n,m}` with m large enough to matter: any brace repetition counts.
            return characters[i] == "{" && characters[(i + 1)...].prefix(while: { $0 != "}" }).contains(",")
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\\" { index += 2; continue }
            if inClass { if character == "]" { inClass = false }; index += 1; continue }
            switch character {
            case "[": inClass = true
            case "(": opened.append((index, false))
            case ")":
                guard let group = opened.popLast() else { break }
                if group.repeats && repeatsAt(index + 1) { return String(characters[group.start...(index + 1)]) }
                if group.repeats || repeatsAt(index + 1), !opened.isEmpty { opened[opened.count - 1].repeats = true }
            case "+", "*": if !opened.isEmpty { opened[opened.count - 1].repeats = true }
            case "{": if repeatsAt(index), !opened.isEmpty { opened[opened.count - 1].repeats = true }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// Why a pattern does not compile, as the regular-expression compiler says it.
    public struct PatternProblem: Error, Sendable {
        public let reason: String

        /// The one wording of a bad pattern, wherever it is found.
        func diagnostic(_ pattern: String, at origin: SettingOrigin?) -> Diagnostic {
            Diagnostic(.badValue, "\(RuleToken.quote(pattern)) is not a regular expression: \(reason)",
                       hint: "matches takes a Swift regular expression such as ^CS21[0-9]{2}$; a ( [ { . * + ? | ^ $ or \\ meant as itself needs a \\ before it, or use contains or prefix for plain text",
                       origin: origin)
        }
    }

    /// Whether `cell` passes; `pattern` is the compiled value of a `matches` test.
    func holds(for cell: String, pattern: Regex<AnyRegexOutput>?) -> Bool {
        switch test {
        case .is: return cell == value
        case .contains: return cell.firstRange(of: value) != nil
        case .prefix: return cell.hasPrefix(value)
        case .matches: return pattern.map { cell.contains($0) } ?? false
        }
    }
}
