import GrantLedgerCore

/// `import --explain-row` in words: the row, each rule tried in file order with how it went, the
/// rule that gave each field, and what the row became. The reasoning is the core's
/// (`RowExplanation`); this only lays it out.
enum RowExplanationText {
    static func text(_ explanation: RowExplanation, rules: String) -> String {
        var lines = ["\(explanation.export):\(explanation.line): \(explanation.text)", ""]
        if explanation.trials.isEmpty {
            lines.append("No rule was tried: the row cannot be read into its columns.")
        } else {
            lines.append("The rules in \(rules), in file order (any skip that matches drops the row; each field comes from the first map that matches and sets it):")
            lines += aligned(explanation.trials.map { trial in
                ["  line \(trial.rule.location.line)", ruleText(trial.rule), outcome(trial, skipped: explanation.skippedBy != nil),
                 trial.rule.note.map { "; \($0)" } ?? ""]
            })
        }
        lines.append("")
        if let skip = explanation.skippedBy {
            lines.append("Skipped by the rule on line \(explanation.trials[skip].rule.location.line): nothing is imported from this row.")
        } else if !explanation.trials.isEmpty {
            lines += fields(explanation)
            lines.append("")
        }
        switch explanation.outcome {
        case .skipped:
            break
        case .posting(let row):
            if let posting = explanation.posting {
                lines.append("It becomes the posting: \(posting.text)")
                if let vat = explanation.vatPosting { lines.append("  and its VAT: \(vat.text)") }
                lines.append("  ref \(row.reference)" + (row.supplier.map { ", payee \($0)" } ?? ""))
            }
        case .problems(let problems):
            lines.append("It cannot be imported: \(problems.count) problem\(problems.count == 1 ? "" : "s"), shown below.")
        }
        return lines.joined(separator: "\n")
    }

    /// `map cost-centre is CS2101`, or `map (every row)`.
    static func ruleText(_ rule: MappingRule) -> String {
        let keyword = rule.kind == .skip ? "skip" : "map"
        return "\(keyword) " + (rule.conditions.isEmpty ? "(every row)" : rule.conditions.map(\.text).joined(separator: " "))
    }

    /// `yes: gave area, initiative`, or the condition that failed and on what.
    static func outcome(_ trial: RowExplanation.Trial, skipped: Bool) -> String {
        guard let failure = trial.failure else {
            if trial.rule.kind == .skip { return "yes: the row is skipped" }
            if skipped { return "yes (not applied: the row is skipped)" }
            var said = trial.gave.isEmpty ? "yes, but gave nothing new" : "yes: gave " + trial.gave.map(\.rawValue).joined(separator: ", ")
            if !trial.alreadyGiven.isEmpty {
                said += "; \(trial.alreadyGiven.map(\.rawValue).joined(separator: ", ")) already given by an earlier rule"
            }
            return said
        }
        let condition = failure.condition
        guard let cell = failure.cell else { return "no: the rules name no \(condition.column.text) column" }
        let shown = "\(condition.column.text) is \(RuleCondition.written(cell))"
        let value = RuleCondition.written(condition.value)
        switch condition.test {
        case .is: return "no: \(shown)"
        case .contains: return "no: \(shown), which does not contain \(value)"
        case .prefix: return "no: \(shown), which does not start with \(value)"
        case .matches: return "no: \(shown), which does not match \(value)"
        }
    }

    /// Each field the rules gave, and the line of the rule that gave it.
    static func fields(_ explanation: RowExplanation) -> [String] {
        guard !explanation.fields.isEmpty else { return ["No map rule gave this row any field."] }
        var lines = ["Fields:"]
        let given = Dictionary(explanation.fields.map { ($0.field, $0) }, uniquingKeysWith: { first, _ in first })
        lines += aligned(MappingRule.Field.allCases.compactMap { field in
            guard let found = given[field] else {
                // The fields every posting may carry are listed; match and vat only when given.
                return [.match, .vat].contains(field) ? nil : ["  \(field.rawValue)", "(none)", ""]
            }
            return ["  \(field.rawValue)", found.value, "line \(explanation.trials[found.trial].rule.location.line)"]
        })
        return lines
    }

    /// Rows of cells as columns two spaces apart, the last left ragged.
    static func aligned(_ rows: [[String]]) -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
