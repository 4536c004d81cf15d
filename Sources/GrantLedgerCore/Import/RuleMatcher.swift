/// A rules file's `skip` and `map` rules bound to one export: each condition's column found in the
/// heading row and each pattern compiled, once for all the rows of one read, so a row is tested
/// by index and compiled pattern alone. It holds `Regex`, which is not `Sendable`, so it lives only
/// as long as the read that made it (see `RuleCondition`).
struct RuleMatcher {
    /// A condition with its column in the export (nil when the rules name no column for its role:
    /// it holds for no row) and, for `matches`, its pattern compiled.
    private struct Bound {
        let condition: RuleCondition
        let column: Int?
        let pattern: Regex<AnyRegexOutput>?
    }

    let rules: [MappingRule]
    private let bound: [[Bound]]

    /// How one rule went on one row.
    enum Trial {
        case matched
        /// The first condition that did not hold, and the cell it tested (nil: there is no such column).
        case failed(RuleCondition, cell: String?)
    }

    /// A field a `map` rule gave a row: the value, with where the rules file sets it, and the rule's index.
    struct Given {
        let value: Located<String>
        let rule: Int
    }

    /// Binds `rules` to the export whose heading row is `header`, the role columns being at
    /// `roleColumns`. A quoted heading the export lacks is a `missing-export-column` at the heading
    /// row, once per heading, naming the rules lines that test it; a pattern that does not compile
    /// (rules made in code: the reader refuses one) is a `bad-value` at its condition. `note` says
    /// which sheets a workbook has.
    static func bind(_ rules: ImportRules, header: CSVRecord, roleColumns: [ColumnRole: Int], export name: String, note: String? = nil)
        -> (matcher: RuleMatcher, problems: [Diagnostic])
    {
        let headings = header.fields.map(\.text)
        var problems: [Diagnostic] = []
        var missing: [String: [SettingOrigin]] = [:]
        var missingOrder: [String] = []
        var bound: [[Bound]] = []
        for rule in rules.rules {
            bound.append(rule.conditions.map { condition in
                var column: Int?
                switch condition.column {
                case .role(let role):
                    column = roleColumns[role]
                case .heading(let heading):
                    column = FinanceExport.column(heading, in: headings)
                    if column == nil, let origin = condition.columnOrigin {
                        if missing[heading] == nil { missingOrder.append(heading) }
                        missing[heading, default: []].append(origin)
                    }
                }
                var pattern: Regex<AnyRegexOutput>?
                if condition.test == .matches {
                    switch RuleCondition.compile(condition.value) {
                    case .success(let compiled): pattern = compiled
                    case .failure(let problem): problems.append(problem.diagnostic(condition.value, at: condition.origin))
                    }
                }
                return Bound(condition: condition, column: column, pattern: pattern)
            })
        }
        for heading in missingOrder {
            problems.append(FinanceExport.missingColumn(Located(heading, at: missing[heading]?.first), for: "that a rule tests",
                                                        namedAlso: missing[heading]?.dropFirst().map(\.location) ?? [],
                                                        header: header, export: name, note: note))
        }
        return (RuleMatcher(rules: rules.rules, bound: bound), problems)
    }

    /// Rule `index` on `record`: matched, or the first condition that failed.
    func trial(_ index: Int, _ record: CSVRecord) -> Trial {
        for bound in bound[index] {
            guard let column = bound.column, column < record.fields.count else { return .failed(bound.condition, cell: nil) }
            let cell = record.fields[column].text
            if !bound.condition.holds(for: cell, pattern: bound.pattern) { return .failed(bound.condition, cell: cell) }
        }
        return .matched
    }

    func matches(_ index: Int, _ record: CSVRecord) -> Bool {
        if case .matched = trial(index, record) { return true }
        return false
    }

    /// The first `skip` rule that matches `record`: any one drops the row.
    func skip(_ record: CSVRecord) -> Int? {
        rules.indices.first { rules[$0].kind == .skip && matches($0, record) }
    }

    /// What the `map` rules give `record`: for each field, the first rule in file order that
    /// matches and sets it.
    func coding(_ record: CSVRecord) -> [MappingRule.Field: Given] {
        var coding: [MappingRule.Field: Given] = [:]
        for (index, rule) in rules.enumerated() where rule.kind == .map && matches(index, record) {
            for (field, value) in rule.fields where coding[field] == nil { coding[field] = Given(value: value, rule: index) }
            if coding.count == MappingRule.Field.allCases.count { break }
        }
        return coding
    }
}
