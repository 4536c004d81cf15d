/// One row of an export explained (`RowExplanation`): the same reading, matching and coding as
/// `read`, kept step by step for that row. Problems in other rows do not stop it; a problem with
/// the file as a whole (a missing column, a broken quote) does, as no row can be coded then.
extension FinanceExport {
    /// Why no row is explained.
    public enum ExplainFailure: Error, Sendable {
        /// The export cannot be coded at all: its problems.
        case unreadable([Diagnostic])
        /// The line holds no data row (the heading row, a blank line, past the end): why, and a hint.
        case notADataRow(String, hint: String)
    }

    /// The row on `line` (as an editor numbers it: a workbook's row number) of the export at
    /// `path`, read through `sources` as `read` reads it.
    public static func explain(path: String, rules: ImportRules, line: Int, sources: SourceFiles = SourceFiles(),
                               origin: SettingOrigin? = nil) -> Result<RowExplanation, ExplainFailure> {
        switch sheet(path: path, rules: rules, sources: sources, role: "finance export", origin: origin) {
        case .records(let sheet): return explain(sheet, rules: rules, line: line)
        case .failed(let problems): return .failure(.unreadable(problems))
        }
    }

    public static func explain(text: String, name: String = "<export>", rules: ImportRules, line: Int) -> Result<RowExplanation, ExplainFailure> {
        switch sheet(csv: SourceFile(name: name, text: text)) {
        case .records(let sheet): return explain(sheet, rules: rules, line: line)
        case .failed(let problems): return .failure(.unreadable(problems))
        }
    }

    static func explain(_ sheet: Sheet, rules: ImportRules, line: Int) -> Result<RowExplanation, ExplainFailure> {
        let name = sheet.name
        let (prepared, diagnostics) = prepare(sheet, rules: rules)
        guard let prepared else { return .failure(.unreadable(diagnostics.all)) }
        guard let record = sheet.records.dropFirst().first(where: { $0.line == line }) else {
            return .failure(notADataRow(line, header: prepared.header, sheet))
        }
        // The cell problems the reader found on this row (a bad encoding, a refused character).
        let cellProblems = diagnostics.all.filter { $0.location?.file == name && $0.location?.line == line }
        // A CSV row as written; a workbook's as its cells.
        let text = DiagnosticRenderer.printable(sheet.source?.line(line) ?? record.fields.map(\.text).joined(separator: " | "))
        if let ragged = raggedRow(record, header: prepared.header, export: name) {
            return .success(RowExplanation(export: name, line: line, text: text, trials: [], fields: [], skippedBy: nil,
                                           outcome: .problems(cellProblems + [ragged])))
        }
        let matcher = prepared.matcher
        let coding = matcher.coding(record)
        let trials = matcher.rules.indices.map { index in
            let rule = matcher.rules[index]
            guard case .failed(let condition, let cell) = matcher.trial(index, record) else {
                let fields = MappingRule.Field.allCases.filter { rule.kind == .map && rule.fields[$0] != nil }
                return RowExplanation.Trial(rule: rule, failure: nil, gave: fields.filter { coding[$0]?.rule == index },
                                            alreadyGiven: fields.filter { coding[$0]?.rule != index })
            }
            return RowExplanation.Trial(rule: rule, failure: RowExplanation.Failure(condition: condition, cell: cell.map(DiagnosticRenderer.printable)),
                                        gave: [], alreadyGiven: [])
        }
        let fields = MappingRule.Field.allCases.compactMap { field in
            coding[field].map { RowExplanation.Given(field: field, value: $0.value.value, trial: $0.rule) }
        }
        let skippedBy = matcher.skip(record)
        let outcome: RowExplanation.Outcome
        if !cellProblems.isEmpty {
            outcome = .problems(cellProblems)
        } else if skippedBy != nil {
            outcome = .skipped
        } else {
            var problems = DiagnosticLog()
            var limit = AmountLimit()
            let row = readRow(record, name: name, rules: rules, date1904: sheet.date1904,
                              cell: { prepared.indices[$0].map { record.fields[$0] } }, coding: coding, limit: &limit, into: &problems)
            outcome = row.map { .posting($0) } ?? .problems(problems.all)
        }
        return .success(RowExplanation(export: name, line: line, text: text, trials: trials, fields: fields,
                                       skippedBy: skippedBy, outcome: outcome))
    }

    /// Why `line` holds no data row, and which lines do.
    private static func notADataRow(_ line: Int, header: CSVRecord, _ sheet: Sheet) -> ExplainFailure {
        let name = sheet.name
        let rows = sheet.records.dropFirst().map(\.line)
        let last = rows.last ?? header.line
        let hint = rows.first.map { first in
            "give the line of a data row as an editor numbers it: " + (first == last ? "\(first)" : "\(first) to \(last)")
        } ?? "\(name) has no data rows, only its heading row"
        if line == header.line { return .notADataRow("line \(line) of \(name) is its heading row, not a data row", hint: hint) }
        if line < 1 { return .notADataRow("there is no line \(line): lines are numbered from 1", hint: hint) }
        if line > last { return .notADataRow("\(name) has no row on line \(line): its last row is on line \(last)", hint: hint) }
        return .notADataRow("line \(line) of \(name) is blank", hint: hint)
    }
}
