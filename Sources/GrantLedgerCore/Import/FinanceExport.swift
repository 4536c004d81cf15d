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
        switch sheet(path: path, rules: rules, sources: sources, role: role, origin: origin) {
        case .records(let sheet): return read(sheet, rules: rules)
        case .failed(let problems): return Reading(diagnostics: problems)
        }
    }

    /// An export's records before the rules code them, however it came (a CSV file's lines, a
    /// workbook sheet's rows), with what the reader found on the way.
    struct Sheet {
        /// Every cell `asExportValue`: trimmed, whole numbers in plain digits.
        let records: [CSVRecord]
        let name: String
        /// A workbook's date system: its date cells are serials from 1904 rather than 1900.
        let date1904: Bool
        let diagnostics: DiagnosticLog
        /// Said with a missing heading: which sheets the workbook has.
        let sheetNote: String?
        /// A CSV export's text, for a row's line as written.
        var source: SourceFile?

        init(records: [CSVRecord], name: String, date1904: Bool, diagnostics: DiagnosticLog, sheetNote: String?,
             source: SourceFile? = nil) {
            self.records = records.map(\.asExportValues)
            self.name = name
            self.date1904 = date1904
            self.diagnostics = diagnostics
            self.sheetNote = sheetNote
            self.source = source
        }
    }

    /// A sheet of records, or why the export has none.
    enum Opening {
        case records(Sheet)
        case failed([Diagnostic])
    }

    /// The export at `path` read once through `sources`: a workbook by its extension (its rules'
    /// `encoding` is for CSV, and says nothing of it), else CSV in the rules' encoding.
    static func sheet(path: String, rules: ImportRules, sources: SourceFiles, role: String, origin: SettingOrigin?) -> Opening {
        let workbook = XlsxWorkbook.isWorkbook(path)
        if !workbook, let sheet = rules.sheet {
            return .failed([XlsxWorkbook.sheetOfCSVProblem(path, sheet: sheet.value, origin: sheet.origin)])
        }
        switch sources.read(path, role: role, label: "the export",
                            hint: "check the path; the export is the CSV or .xlsx saved from the finance system", at: origin,
                            format: workbook ? .binary : .text(rules.encoding?.value ?? .utf8)) {
        case .success(let source):
            if workbook { return Self.sheet(workbook: source, rules: rules) }
            if (rules.encoding?.value ?? .utf8) == .utf8, let problem = notUTF8Problem(source, rules: rules) { return .failed([problem]) }
            return Self.sheet(csv: source)
        case .failure(let problem):
            // UTF-16 is named by the door; for an export, the rules can say so.
            if (rules.encoding?.value ?? .utf8) == .utf8, problem.code == .badEncoding, problem.message.hasPrefix("\(path) is in UTF-16") {
                let encoding = problem.message.contains("big-endian") ? "utf-16be" : problem.message.contains("no byte-order mark") ? "utf-16le" : "utf-16"
                return .failed([Diagnostic(problem.code, problem.message,
                                           hint: "add the line encoding \(encoding) to the rules (\(rules.file)), or save the export as CSV UTF-8",
                                           at: problem.location, length: problem.length, excerpt: "")])
            }
            return .failed([problem])
        }
    }

    /// An export that is not UTF-8 and whose rules name no encoding: one error naming the encoding it
    /// looks to be in, at its first byte that is not UTF-8, rather than one per cell.
    static func notUTF8Problem(_ source: SourceFile, rules: ImportRules) -> Diagnostic? {
        guard let found = TextEncoding.guess(source.content) else { return nil }
        let byte = TextEncoding.hex(source.bytes[found.byteOffset])
        let encoding = found.name.hasPrefix("Windows-1252 or") ? "windows-1252 (or latin-1)" : "windows-1252"
        return Diagnostic(
            .badEncoding,
            "the export \(source.name) is not UTF-8: it looks like \(found.name) (byte 0x\(byte) is \(found.character) there)",
            hint: "add the line encoding \(encoding) to the rules (\(rules.file)), or save the export as CSV UTF-8",
            at: TextEncoding.utf8.location(of: found.byteOffset, in: source.bytes, file: source.name), length: 1)
    }

    public static func read(text: String, name: String = "<export>", rules: ImportRules) -> Reading {
        read(SourceFile(name: name, text: text), rules: rules)
    }

    static func read(bytes: [UInt8], name: String, rules: ImportRules) -> Reading {
        read(SourceFile(name: name, bytes: bytes), rules: rules)
    }

    public static func read(_ source: SourceFile, rules: ImportRules) -> Reading {
        switch sheet(csv: source) {
        case .records(let sheet): return read(sheet, rules: rules)
        case .failed(let problems): return Reading(diagnostics: problems)
        }
    }

    /// The export in the sheet the rules name (the first when they name none) of the workbook in
    /// `source`: numbers from their stored text, dates from their serials.
    public static func read(workbook source: SourceFile, rules: ImportRules) -> Reading {
        switch sheet(workbook: source, rules: rules) {
        case .records(let sheet): return read(sheet, rules: rules)
        case .failed(let problems): return Reading(diagnostics: problems)
        }
    }

    /// A CSV export's records.
    static func sheet(csv source: SourceFile) -> Opening {
        let name = source.name
        if source.content.allSatisfy({ ASCII.isBlank($0) || $0 == ASCII.newline || $0 == ASCII.carriageReturn }) {
            return .failed([emptyProblem(name)])
        }
        var reader = CSVReader(file: name)
        let records = reader.records(source)
        // A broken quote leaves the rest of the file unreadable: report it alone.
        if reader.diagnostics.contains(where: { $0.code == .badCSVQuote }) { return .failed(reader.diagnostics.all) }
        return .records(Sheet(records: records, name: name, date1904: false, diagnostics: reader.diagnostics, sheetNote: nil,
                              source: source))
    }

    /// The records of the workbook's sheet the rules name (the first when they name none).
    static func sheet(workbook source: SourceFile, rules: ImportRules) -> Opening {
        switch XlsxWorkbook.read(source) {
        case .failure(let error): return .failed([error.diagnostic])
        case .success(let workbook):
            let (records, problems) = workbook.records(sheet: rules.sheet?.value, origin: rules.sheet?.origin)
            if !problems.isEmpty && records.isEmpty { return .failed(problems) }
            if records.isEmpty { return .failed([emptyProblem(source.name)]) }
            var diagnostics = DiagnosticLog()
            diagnostics.append(contentsOf: problems)
            // With headings not found, the lines may be on another sheet: say which sheets there are.
            let read = workbook.sheetNames.count < 2 ? nil : workbook.sheetName(matching: rules.sheet?.value).map { shown in
                "; this is sheet \(quoted(shown)) of the workbook, whose sheets are "
                    + workbook.sheetNames.map { quoted($0) }.joined(separator: ", ") + ": name the one with the rows in the rules (sheet NAME)"
            }
            return .records(Sheet(records: records, name: source.name, date1904: workbook.date1904, diagnostics: diagnostics,
                                  sheetNote: read))
        }
    }

    private static func emptyProblem(_ name: String) -> Diagnostic {
        Diagnostic(.emptyExport, "the export \(name) is empty",
                   hint: "export again from the finance system: a saved export has at least its heading row",
                   at: SourceLocation(file: name, line: 1, column: 1), excerpt: "")
    }

    /// The rows of `sheet`, coded by the rules, after the reader's problems.
    static func read(_ sheet: Sheet, rules: ImportRules) -> Reading {
        let name = sheet.name
        var (prepared, diagnostics) = prepare(sheet, rules: rules)
        guard let prepared, !diagnostics.contains(where: { $0.severity == .error }) else { return Reading(diagnostics: diagnostics.all) }

        var reading = Reading()
        // Each amount and their sizes' sum within the spreadsheet limit, so every total and difference
        // audit and import work out from the rows is exact everywhere (see `AmountLimit`).
        var limit = AmountLimit()
        for record in sheet.records.dropFirst() {
            if let ragged = raggedRow(record, header: prepared.header, export: name) {
                diagnostics.append(ragged)
                continue
            }
            func cell(_ role: ColumnRole) -> CSVField? { prepared.indices[role].map { record.fields[$0] } }
            if prepared.matcher.skip(record) != nil {
                reading.skipped += 1
                continue
            }
            if let row = readRow(record, name: name, rules: rules, date1904: sheet.date1904, cell: cell,
                                 coding: prepared.matcher.coding(record), limit: &limit, into: &diagnostics) {
                reading.rows.append(row)
            }
        }
        if let problem = limit.totalProblem("the export \(name)") { diagnostics.append(problem) }
        reading.diagnostics = diagnostics.all
        return reading
    }

    /// An export ready for coding: its heading row, where each role's column is, and the rules
    /// bound to its columns.
    struct Prepared {
        let header: CSVRecord
        let indices: [ColumnRole: Int]
        let matcher: RuleMatcher
    }

    /// Finds in the sheet's heading row the columns the rules name and test. Nil when no row can be
    /// coded (no heading row, a column missing); a bad cell is in the log and leaves the other rows
    /// readable.
    static func prepare(_ sheet: Sheet, rules: ImportRules) -> (prepared: Prepared?, diagnostics: DiagnosticLog) {
        let name = sheet.name
        var diagnostics = sheet.diagnostics
        guard let header = sheet.records.first else { return (nil, diagnostics) }

        var indices: [ColumnRole: Int] = [:]
        let headings = header.fields.map(\.text)
        var missing = false
        for role in ColumnRole.allCases {
            guard let wanted = rules.columns[role] else { continue }
            if let index = column(wanted.value, in: headings) {
                indices[role] = index
                continue
            }
            diagnostics.append(missingColumn(wanted, for: "for the \(role.rawValue)", header: header, export: name, note: sheet.sheetNote))
            missing = true
        }
        let (matcher, problems) = RuleMatcher.bind(rules, header: header, roleColumns: indices, export: name, note: sheet.sheetNote)
        diagnostics.append(contentsOf: problems)
        if missing || !problems.isEmpty { return (nil, diagnostics) }
        return (Prepared(header: header, indices: indices, matcher: matcher), diagnostics)
    }

    /// The column headed `heading`: exactly, else ignoring case.
    static func column(_ heading: String, in headings: [String]) -> Int? {
        headings.firstIndex(of: heading) ?? headings.firstIndex(where: { $0.lowercased() == heading.lowercased() })
    }

    /// The export has no column headed as the rules say: shown at its heading row, naming where the
    /// rules name it (`purpose`: "for the amount", "that a rule tests"); `note` says which sheets a
    /// workbook has.
    static func missingColumn(_ wanted: Located<String>, for purpose: String, namedAlso others: [SourceLocation] = [],
                              header: CSVRecord, export name: String, note: String?) -> Diagnostic {
        let headings = header.fields.map(\.text)
        let also = others.isEmpty ? "" : ", and line\(others.count == 1 ? "" : "s") " + others.map { "\($0.line)" }.joined(separator: ", ")
        let named = wanted.origin.map { " (named in \($0.location.file):\($0.location.line)\(also))" } ?? ""
        return Diagnostic(
            .missingExportColumn, "the export has no column \"\(wanted.value)\" \(purpose)\(named)",
            hint: Suggestion.hint(wanted.value, in: headings, known: "its columns are: " + headings.map { quoted($0) }.joined(separator: ", "),
                                  quote: true) + (note ?? ""),
            at: SourceLocation(file: name, line: header.line, column: 1), length: max(1, header.endColumn - 1))
    }

    /// A row with more or fewer cells than the heading row, shown at the first cell too many or
    /// where the missing ones would start (a workbook's at the cell right of the header).
    static func raggedRow(_ record: CSVRecord, header: CSVRecord, export name: String) -> Diagnostic? {
        if let problem = record.workbookRaggedProblem(headerWidth: header.fields.count, file: name) { return problem }
        guard record.fields.count != header.fields.count else { return nil }
        let count = record.fields.count
        let column = count > header.fields.count ? record.fields[header.fields.count].column : record.endColumn
        return Diagnostic(
            .raggedRow, "this row has \(count) cell\(count == 1 ? "" : "s"), the heading row \(header.fields.count)",
            hint: "a cell holding a comma must be in quotes: \"1,234.56\"; or the export was cut short",
            at: SourceLocation(file: name, line: record.line, column: column))
    }

    /// The row read and checked, coded by what the map rules give it (`RuleMatcher.coding`).
    static func readRow(_ record: CSVRecord, name: String, rules: ImportRules, date1904: Bool, cell: (ColumnRole) -> CSVField?,
                        coding given: [MappingRule.Field: RuleMatcher.Given],
                        limit: inout AmountLimit, into diagnostics: inout DiagnosticLog) -> ExportRow? {
        let before = diagnostics.count
        func report(_ field: CSVField, _ code: DiagnosticCode, _ message: String, hint: String) {
            diagnostics.append(located(field, in: name, code, message, hint: hint))
        }
        var date: Day?
        if let field = cell(.date), let serial = field.spreadsheetDay(date1904: date1904) {
            // A workbook's date cell: its serial, whatever the rules' date format (which is for text).
            switch serial {
            case .success(let day): date = day
            case .failure(let problem): report(field, .badDate, problem.message("the date", holding: field.text), hint: problem.hint)
            }
        } else if let field = cell(.date) {
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
        var reference: String?
        if let field = cell(.reference) {
            if field.text.isEmpty {
                report(field, .missingField, "this row has no reference",
                       hint: "the reference (invoice number) is how an imported row is recognised; add it in the finance system")
            } else if let invisible = field.invisibleCharacter {
                report(field, .badValue, "the reference \(quoted(field.text)) holds a character that cannot be seen (U+\(Self.hex4(invisible.value)))",
                       hint: "retype the reference in the finance system: with it, the reference is another one that looks the same")
            } else if field.text.contains(",") || field.text.contains(where: \.isNewline) {
                report(field, .badValue, "a reference cannot hold a comma or a line break: \"\(field.text)\"",
                       hint: "ledger tags end at a comma; correct the reference in the finance system")
            } else {
                reference = field.text
            }
        }
        let coding = given.mapValues(\.value)
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
        let treatment = coding[.vat].map { $0.value == "irrecoverable" ? VATTreatment.irrecoverable : rules.vat?.value } ?? rules.vat?.value
        let amounts = rules.amountShape.flatMap {
            readAmounts(shape: $0, treatment: treatment, cell: cell, name: name, limit: &limit, into: &diagnostics)
        }
        guard diagnostics.count == before, let date, let amounts, let reference else { return nil }
        var cells: [ColumnRole: CSVField] = [:]
        for role in ColumnRole.allCases { if let field = cell(role) { cells[role] = field } }
        cells[.amount] = amounts.field
        func text(_ role: ColumnRole) -> String? {
            guard let value = cell(role)?.text, !value.isEmpty else { return nil }
            return value
        }
        return ExportRow(file: name, line: record.line, date: date, amount: amounts.spend, vat: amounts.vat,
                         vatAccount: amounts.vatAccount, reference: reference,
                         supplier: text(.supplier), description: text(.description), costCentre: text(.costCentre),
                         accountCode: text(.account), coding: coding, cells: cells)
    }

    /// A problem at `field`, `offset` bytes into it and `length` long (the whole field when nil).
    /// `00A0`, `200B`: a scalar as Unicode charts write it.
    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func located(_ field: CSVField, in name: String, _ code: DiagnosticCode, _ message: String, hint: String,
                                offset: Int = 0, length: Int? = nil) -> Diagnostic {
        Diagnostic(code, message + field.cellSuffix, hint: hint, at: SourceLocation(file: name, line: field.line, column: field.column + offset),
                   length: length ?? field.length)
    }

    /// The amount cell: money within the limit, or a problem located in the cell.
    static func readAmount(_ field: CSVField, name: String, limit: inout AmountLimit,
                                   into diagnostics: inout DiagnosticLog) -> Money? {
        if field.text.isEmpty {
            diagnostics.append(located(field, in: name, .badAmount, "this row has no amount", hint: "every row that is not skipped needs an amount"))
            return nil
        }
        if let value = spreadsheetAmount(field, name: name, into: &diagnostics) {
            guard let amount = value else { return nil }
            if let problem = limit.count(amount, at: { (SourceLocation(file: name, line: field.line, column: field.column), field.length, nil) }) {
                diagnostics.append(problem)
                return nil
            }
            return amount
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

    /// A workbook's number or error cell as an amount: `.some(nil)` after a problem (reported),
    /// nil for a text cell, which is read as typed.
    private static func spreadsheetAmount(_ field: CSVField, name: String, into diagnostics: inout DiagnosticLog) -> Money?? {
        switch field.kind {
        case .number:
            switch SpreadsheetNumber.pence(field.text) {
            case .success(let amount): return .some(amount)
            case .failure(let problem):
                diagnostics.append(located(field, in: name, .badAmount, problem.message("the amount", holding: field.text), hint: problem.hint))
                return .some(nil)
            }
        case .error:
            diagnostics.append(located(field, in: name, .badAmount, "the amount is the spreadsheet error \(field.text)",
                                       hint: "correct the formula in the workbook, or export again"))
            return .some(nil)
        case .text, .boolean, .date:
            return nil
        }
    }
}
