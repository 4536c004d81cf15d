import Foundation

/// Reads a finance-system export (CSV) with its rules: finds the columns the rules name, drops the
/// rows a `skip` rule matches, and reads and codes every other row. Every problem in every row is
/// collected, located at its cell, so one run lists them all; a caller that gets any error writes
/// nothing.
///
/// The CSV itself is read by the located RFC 4180 `CSVReader` the area files use, rather than
/// CSV.swift: exports need each cell's line and column for the caret, which that library does not
/// keep.
public enum FinanceExport {
    /// What reading an export gives: the coded rows, how many rows `skip` rules dropped, and every
    /// problem found.
    public struct Reading: Sendable {
        public var rows: [ExportRow] = []
        public var skipped = 0
        public var diagnostics: [Diagnostic] = []
    }

    /// Reads the export at `path` through `sources`; `role` names it for the Provenance sheet
    /// (`finance export`, `statement`), `origin` is where it was named.
    public static func read(path: String, rules: ImportRules, sources: SourceFiles = SourceFiles(),
                            role: String = "finance export", origin: SettingOrigin? = nil) -> Reading {
        switch sources.read(path, role: role, label: "the export",
                            hint: "check the path; the export is the CSV saved from the finance system", at: origin) {
        case .success(let source): return read(source, rules: rules)
        case .failure(let problem): return Reading(diagnostics: [problem])
        }
    }

    public static func read(text: String, name: String = "<export>", rules: ImportRules) -> Reading {
        read(SourceFile(name: name, text: text), rules: rules)
    }

    static func read(bytes: [UInt8], name: String, rules: ImportRules) -> Reading {
        read(SourceFile(name: name, bytes: bytes), rules: rules)
    }

    public static func read(_ source: SourceFile, rules: ImportRules) -> Reading {
        let name = source.name
        if source.content.allSatisfy({ ASCII.isBlank($0) || $0 == ASCII.newline || $0 == ASCII.carriageReturn }) {
            return Reading(diagnostics: [Diagnostic(.emptyExport, "the export \(name) is empty",
                                    hint: "export again from the finance system: a saved export has at least its heading row",
                                    at: SourceLocation(file: name, line: 1, column: 1), excerpt: "")])
        }
        var reader = CSVReader(file: name)
        let records = reader.records(source)
        var diagnostics = reader.diagnostics
        // A broken quote leaves the rest of the file unreadable: report it alone.
        if diagnostics.contains(where: { $0.code == .badCSVQuote }) { return Reading(diagnostics: diagnostics.all) }
        guard let header = records.first else { return Reading(diagnostics: diagnostics.all) }

        var indices: [ColumnRole: Int] = [:]
        let headings = header.fields.map(\.text)
        for role in ColumnRole.allCases {
            guard let wanted = rules.columns[role] else { continue }
            if let index = headings.firstIndex(of: wanted.value)
                ?? headings.firstIndex(where: { $0.lowercased() == wanted.value.lowercased() }) {
                indices[role] = index
                continue
            }
            let named = wanted.origin.map { " (named in \($0.location.file):\($0.location.line))" } ?? ""
            diagnostics.append(Diagnostic(
                .missingExportColumn, "the export has no column \"\(wanted.value)\" for the \(role.rawValue)\(named)",
                hint: Suggestion.hint(wanted.value, in: headings, known: "its columns are: " + headings.map { quoted($0) }.joined(separator: ", "),
                                      quote: true),
                at: SourceLocation(file: name, line: header.line, column: 1), length: max(1, header.endColumn - 1)))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return Reading(diagnostics: diagnostics.all) }

        var reading = Reading()
        // Each amount and their sizes' sum within the spreadsheet limit, so every total and difference
        // audit and import work out from the rows is exact everywhere (see `AmountLimit`).
        var limit = AmountLimit()
        for record in records.dropFirst() {
            if record.fields.count != header.fields.count {
                let count = record.fields.count
                let column = count > header.fields.count ? record.fields[header.fields.count].column : record.endColumn
                diagnostics.append(Diagnostic(
                    .raggedRow, "this row has \(count) cell\(count == 1 ? "" : "s"), the heading row \(header.fields.count)",
                    hint: "a cell holding a comma must be in quotes: \"1,234.56\"; or the export was cut short",
                    at: SourceLocation(file: name, line: record.line, column: column)))
                continue
            }
            func cell(_ role: ColumnRole) -> CSVField? { indices[role].map { record.fields[$0] } }
            if rules.rules.contains(where: { $0.kind == .skip && matches($0, cell) }) {
                reading.skipped += 1
                continue
            }
            if let row = readRow(record, name: name, rules: rules, cell: cell, limit: &limit, into: &diagnostics) {
                reading.rows.append(row)
            }
        }
        if let problem = limit.totalProblem("the export \(name)") { diagnostics.append(problem) }
        reading.diagnostics = diagnostics.all
        return reading
    }

    static func matches(_ rule: MappingRule, _ cell: (ColumnRole) -> CSVField?) -> Bool {
        rule.conditions.allSatisfy { cell($0.role)?.text == $0.value }
    }

    private static func readRow(_ record: CSVRecord, name: String, rules: ImportRules, cell: (ColumnRole) -> CSVField?,
                                limit: inout AmountLimit, into diagnostics: inout DiagnosticLog) -> ExportRow? {
        let before = diagnostics.count
        func report(_ field: CSVField, _ code: DiagnosticCode, _ message: String, hint: String) {
            diagnostics.append(located(field, in: name, code, message, hint: hint))
        }
        var date: Day?
        if let field = cell(.date) {
            switch rules.dateFormat.parse(field.text) {
            case .success(let day): date = day
            case .failure(let failure):
                // In the words every reader of dates gives; `12/13/2026` read DD/MM/YYYY cannot be,
                // but is a date written month first.
                let problem = DateProblem(field.text, expected: rules.dateFormat.rawValue)
                if failure == .impossible && !problem.looksLikeADate {
                    let (message, hint) = DateProblem.impossible(field.text)
                    report(field, .impossibleDate, message, hint: hint)
                } else {
                    report(field, .badDate, field.text.isEmpty ? "this row has no date" : problem.message, hint: problem.hint(.dateFormat))
                }
            }
        }
        let amount = cell(.amount).flatMap { readAmount($0, name: name, limit: &limit, into: &diagnostics) }
        var reference: String?
        if let field = cell(.reference) {
            if field.text.isEmpty {
                report(field, .missingField, "this row has no reference",
                       hint: "the reference (invoice number) is how an imported row is recognised; add it in the finance system")
            } else if field.text.contains(",") || field.text.contains(where: \.isNewline) {
                report(field, .badValue, "a reference cannot hold a comma or a line break: \"\(field.text)\"",
                       hint: "ledger tags end at a comma; correct the reference in the finance system")
            } else {
                reference = field.text
            }
        }
        var coding: [MappingRule.Field: Located<String>] = [:]
        for rule in rules.rules where rule.kind == .map && matches(rule, cell) {
            for (field, value) in rule.fields { coding[field] = value }
        }
        if coding[.account] == nil {
            let codes = [ColumnRole.costCentre, .account].compactMap { role in
                cell(role).map { "\(role.rawValue) \($0.text.isEmpty ? "(empty)" : $0.text)" }
            }
            let at = cell(.costCentre) ?? cell(.account) ?? record.fields[0]
            report(at, .unmappedRow, "no map rule gives this row an account" + (codes.isEmpty ? "" : " (\(codes.joined(separator: ", ")))"),
                   hint: "add a map rule for it to the rules file, or a skip rule if it is not grant spend")
        } else if coding[.line] != nil && coding[.grant] == nil {
            let at = cell(.costCentre) ?? cell(.account) ?? record.fields[0]
            report(at, .unmappedRow, "the rules give this row a line but no grant",
                   hint: "add grant to the map rule that sets line \(coding[.line]?.value ?? "")")
        }
        guard diagnostics.count == before, let date, let amount, let reference else { return nil }
        var cells: [ColumnRole: CSVField] = [:]
        for role in ColumnRole.allCases { if let field = cell(role) { cells[role] = field } }
        func text(_ role: ColumnRole) -> String? {
            guard let value = cell(role)?.text, !value.isEmpty else { return nil }
            return value
        }
        return ExportRow(file: name, line: record.line, date: date, amount: amount, reference: reference,
                         supplier: text(.supplier), description: text(.description), costCentre: text(.costCentre),
                         accountCode: text(.account), coding: coding, cells: cells)
    }

    /// A problem at `field`, `offset` bytes into it and `length` long (the whole field when nil).
    private static func located(_ field: CSVField, in name: String, _ code: DiagnosticCode, _ message: String, hint: String,
                                offset: Int = 0, length: Int? = nil) -> Diagnostic {
        Diagnostic(code, message, hint: hint, at: SourceLocation(file: name, line: field.line, column: field.column + offset),
                   length: length ?? field.length)
    }

    /// The amount cell: money within the limit, or a problem located in the cell.
    private static func readAmount(_ field: CSVField, name: String, limit: inout AmountLimit,
                                   into diagnostics: inout DiagnosticLog) -> Money? {
        if field.text.isEmpty {
            diagnostics.append(located(field, in: name, .badAmount, "this row has no amount", hint: "every row that is not skipped needs an amount"))
            return nil
        }
        switch ExportAmount.parse(field.text) {
        case .success(let value):
            if let problem = limit.count(value, at: {
                (SourceLocation(file: name, line: field.line, column: field.column), field.length, nil)
            }) {
                diagnostics.append(problem)
                return nil
            }
            return value
        case .failure(let problem):
            let code: DiagnosticCode = problem.kind == .overflow ? .amountOverflow : .badAmount
            diagnostics.append(located(field, in: name, code, problem.message(about: field.text), hint: problem.hint,
                                       offset: min(problem.offset, max(field.length - 1, 0)), length: problem.caretLength(in: field.length)))
            return nil
        }
    }
}
