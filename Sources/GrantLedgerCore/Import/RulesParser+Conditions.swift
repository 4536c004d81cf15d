/// The conditions of a `skip` or `map` line: `COLUMN [is|contains|prefix|matches] VALUE`, any
/// number of them, all of which must hold (see `RuleCondition`).
extension RulesParser {
    /// The line's conditions and its comment; `broken` when one could not be read (it is reported,
    /// and the rule is dropped).
    mutating func readConditions(_ line: RulesLine, _ keyword: (offset: Int, text: String))
        -> (conditions: [RuleCondition], note: String?, broken: Bool)
    {
        let tokens: [RuleToken]
        let note: String?
        switch RuleToken.tokens(line.bytes, from: keyword.offset + keyword.text.utf8.count) {
        case .success(let read):
            (tokens, note) = read
        case .failure(.unclosedQuote(let offset)):
            report(line, offset, line.bytes.count - offset, .badSyntax, "this quote is not closed",
                   hint: "end a quoted heading or value with a quote; a quote inside one is written twice: \"O\"\"Brien\"")
            return ([], line.comment, true)
        case .failure(.textAfterQuote(let offset)):
            report(line, offset, 1, .badSyntax, "a quoted heading or value ends at its closing quote",
                   hint: "put a space after the closing quote; a quote inside one is written twice: \"O\"\"Brien\"")
            return ([], line.comment, true)
        }
        var conditions: [RuleCondition] = []
        var index = 0
        while index < tokens.count {
            guard let (condition, next) = readCondition(line, keyword.text, tokens, at: index) else { return (conditions, note, true) }
            conditions.append(condition)
            index = next
        }
        return (conditions, note, false)
    }

    /// The condition starting at word `index`, and the index of the word after it.
    private mutating func readCondition(_ line: RulesLine, _ keyword: String, _ tokens: [RuleToken], at index: Int)
        -> (RuleCondition, Int)?
    {
        let columnWord = tokens[index]
        let column: RuleCondition.Column
        if columnWord.quoted {
            column = .heading(columnWord.text)
        } else if let role = ColumnRole(rawValue: columnWord.text), role.canBeTested {
            column = .role(role)
        } else {
            let testable = ColumnRole.allCases.filter(\.canBeTested).map(\.rawValue)
            report(line, columnWord.offset, columnWord.length, .unknownField,
                   "a rule tests a coded column or a quoted heading, not \"\(columnWord.text)\"",
                   hint: suggestion(columnWord.text, testable) + "; or any column by its heading in quotes, such as \"Service Area\"")
            return nil
        }
        var next = index + 1
        var test = RuleCondition.Test.is
        // A test word is one only with a value after it: an older file's `supplier contains` at the
        // end of a line still means the cell "contains". Quoted, it is always a value.
        if next + 1 < tokens.count, !tokens[next].quoted, let named = RuleCondition.Test(rawValue: tokens[next].text) {
            test = named
            next += 1
        }
        guard next < tokens.count else {
            report(line, columnWord.offset, columnWord.length, .missingField, "\(columnWord.text) needs a value to match",
                   hint: "for example: \(keyword) \(column.text) 9210")
            return nil
        }
        let valueWord = tokens[next]
        guard valueIsUsable(line, test, valueWord) else { return nil }
        let condition = RuleCondition(
            column: column, test: test, value: valueWord.text,
            origin: line.origin(columnWord.offset, valueWord.offset + valueWord.length - columnWord.offset),
            columnOrigin: line.origin(columnWord.offset, columnWord.length))
        return (condition, next + 1)
    }

    /// An empty value for a test other than `is` would hold for every cell; a pattern must compile.
    private mutating func valueIsUsable(_ line: RulesLine, _ test: RuleCondition.Test, _ value: RuleToken) -> Bool {
        if test != .is && value.text.isEmpty {
            report(line, value.offset, value.length, .badValue, "an empty value for \(test.rawValue) holds for every row",
                   hint: "give the text to look for; a rule with no condition at all applies to every row")
            return false
        }
        guard test == .matches, case .failure(let problem) = RuleCondition.compile(value.text) else { return true }
        diagnostics.append(problem.diagnostic(value.text, at: line.origin(value.offset, value.length)))
        return false
    }
}
