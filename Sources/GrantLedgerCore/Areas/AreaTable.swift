import Foundation

/// Area data for an allocation, read from a CSV file: a header row whose first column is `area`, then
/// one row per area. The other columns are kept as text until a weight names one; only then is it read
/// as an indicator (see `indicator(named:)`), so a file may also carry codes, partnership names or
/// source notes beside its figures.
public struct AreaTable: Sendable {
    /// The path as the user gave it (used in every diagnostic).
    public let file: String
    /// The header cells after `area`.
    public let columns: [CSVField]
    public let areas: [AreaRow]

    /// Reads and checks a file: structure, header, area names. Problems are collected, not thrown;
    /// the table is `nil` only when there is no header. Rows with problems are left out of it. A
    /// path ending `.xlsx` (any case) is read as a workbook: its sheet `sheet` (named at
    /// `sheetOrigin`), or its first sheet.
    public static func read(path: String, origin: SettingOrigin? = nil, sources: SourceFiles = SourceFiles(),
                            sheet: String? = nil, sheetOrigin: SettingOrigin? = nil) -> (AreaTable?, [Diagnostic]) {
        let workbook = XlsxWorkbook.isWorkbook(path)
        if !workbook, let sheet {
            return (nil, [XlsxWorkbook.sheetOfCSVProblem(path, sheet: sheet, origin: sheetOrigin)])
        }
        switch XlsxWorkbook.open(path, workbook: workbook, sources: sources, role: "area data", label: "area file",
                                 hint: "name a CSV file whose first column is area, e.g. examples/areas/nottinghamshire-districts.csv",
                                 at: origin) {
        case .success(let source): return workbook ? parse(workbook: source, sheet: sheet, sheetOrigin: sheetOrigin) : parse(source)
        case .failure(let problem): return (nil, [problem])
        }
    }

    /// Reads area data from bytes; `file` names it in diagnostics.
    public static func parse(_ bytes: [UInt8], file: String) -> (AreaTable?, [Diagnostic]) {
        parse(SourceFile(name: file, bytes: bytes))
    }

    /// Reads area data from the sheet `sheet` (the first when nil) of the workbook in `source`.
    public static func parse(workbook source: SourceFile, sheet: String? = nil, sheetOrigin: SettingOrigin? = nil) -> (AreaTable?, [Diagnostic]) {
        switch XlsxWorkbook.read(source) {
        case .failure(let error): return (nil, [error.diagnostic])
        case .success(let workbook):
            let (records, problems) = workbook.records(sheet: sheet, origin: sheetOrigin)
            var diagnostics = DiagnosticLog()
            diagnostics.append(contentsOf: problems)
            let name = workbook.sheetName(matching: sheet).map { "sheet \(quoted($0)) of the area file" } ?? "the area file"
            if records.isEmpty && !problems.isEmpty { return (nil, diagnostics.all) }
            return parse(records, file: source.name, diagnostics: diagnostics, empty: name)
        }
    }

    public static func parse(_ source: SourceFile) -> (AreaTable?, [Diagnostic]) {
        var reader = CSVReader(file: source.name)
        let records = reader.records(source)
        return parse(records, file: source.name, diagnostics: reader.diagnostics, empty: "the area file")
    }

    /// The table in `records` (a CSV file's or a sheet's), after the reader's `diagnostics`;
    /// `empty` names what is empty when there are none.
    static func parse(_ records: [CSVRecord], file: String, diagnostics: DiagnosticLog, empty: String) -> (AreaTable?, [Diagnostic]) {
        var diagnostics = diagnostics
        let start = SourceLocation(file: file, line: 1, column: 1)

        guard let header = records.first else {
            if diagnostics.isEmpty {
                diagnostics.append(Diagnostic(
                    .emptyAreaFile, "\(empty) is empty",
                    hint: "write a header row such as area,population,crime,deprivation, then one row per area",
                    at: start, excerpt: ""))
            }
            return (nil, diagnostics.all)
        }

        let first = header.fields[0]
        if let problem = areaColumnProblem(file, first) { diagnostics.append(problem) }
        let columns = Array(header.fields.dropFirst())
        for problem in columnProblems(file, columns) { diagnostics.append(problem) }

        var areas: [AreaRow] = []
        var seenAreas: [String: Int] = [:]
        for record in records.dropFirst() {
            let expected = header.fields.count
            if let problem = record.workbookRaggedProblem(headerWidth: expected, file: file) {
                diagnostics.append(problem)
                continue
            }
            if record.fields.count != expected {
                let many = record.fields.count > expected
                let at = many
                    ? location(file, record.fields[expected])
                    : SourceLocation(file: file, line: record.line, column: record.endColumn)
                diagnostics.append(Diagnostic(
                    .raggedRow,
                    "this row has \(record.fields.count) cells but the header has \(expected)",
                    hint: many
                        ? "remove the extra cells, or quote a cell that contains a comma: \"126,300\""
                        : "give every area a value in every column (write 0 for none)",
                    at: at, length: many ? record.fields[expected].length : 1))
                continue
            }
            let name = record.fields[0]
            if name.text.isEmpty {
                diagnostics.append(Diagnostic(
                    .badAreaName, "this row has no area name",
                    hint: "name the area in the first cell", at: location(file, name)))
                continue
            }
            if let firstLine = seenAreas[name.text] {
                diagnostics.append(Diagnostic(
                    .duplicateArea, "area \(quoted(name.text)) appears twice",
                    hint: "it is first on line \(firstLine); merge the two rows or rename one",
                    at: location(file, name), length: name.length))
                continue
            }
            seenAreas[name.text] = record.line
            areas.append(AreaRow(name: name.text, cells: Array(record.fields.dropFirst()), nameField: name))
        }
        if areas.isEmpty && records.count == 1 && diagnostics.isEmpty {
            diagnostics.append(Diagnostic(
                .noAreas, "the area file has a header but no areas",
                hint: "add one row per area below the header", at: location(file, first), length: first.length))
        }
        // The good rows are kept even when others are bad, so that their values are checked too and
        // every problem is reported in one run; callers allocate only when there are no errors.
        return (AreaTable(file: file, columns: columns, areas: areas), diagnostics.all)
    }

    /// The problem with a header whose first column is not `area` (area data and last year's
    /// allocation both start with the area names).
    static func areaColumnProblem(_ file: String, _ first: CSVField) -> Diagnostic? {
        guard first.text.lowercased() != "area" else { return nil }
        return Diagnostic(
            .missingAreaColumn, "the first column must be area, not \(quoted(first.text))",
            hint: "put the area names in the first column and head it area",
            at: location(file, first), length: first.length)
    }

    /// Indicator columns without a name, named twice, or a second `area`.
    static func columnProblems(_ file: String, _ columns: [CSVField]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seenColumns: [String: Int] = [:]
        for column in columns {
            if column.text.isEmpty {
                diagnostics.append(Diagnostic(
                    .badColumnName, "a column has no name",
                    hint: "head every column; weights name indicators by their column heading",
                    at: location(file, column)))
            } else if let firstLine = seenColumns[column.text] {
                diagnostics.append(Diagnostic(
                    .duplicateColumn, "column \(quoted(column.text)) appears twice in the header",
                    hint: "rename one of them; the first is column \(firstLine + 2)",
                    at: location(file, column), length: column.length))
            } else if column.text.lowercased() == "area" {
                diagnostics.append(Diagnostic(
                    .duplicateColumn, "a second area column",
                    hint: "only the first column holds area names", at: location(file, column), length: column.length))
            } else {
                seenColumns[column.text] = columns.firstIndex { $0.text == column.text } ?? 0
            }
        }
        return diagnostics
    }

    /// The column headed `name`, read as exact non-negative numbers with a positive total (zero only
    /// when the table has no areas, which `parse` has already reported). Every bad cell is reported,
    /// not just the first.
    public func indicator(named name: String, origin: SettingOrigin? = nil) -> (Indicator?, [Diagnostic]) {
        let (read, diagnostics) = numbers(named: name, origin: origin)
        guard let values = read, let columnIndex = columnIndex(name) else { return (nil, diagnostics) }
        let total = Rational.sum(values)
        // With no areas every column totals zero, and the table has already said why (no-areas, or a
        // problem on each row): one error, not one more per weight.
        if total.isZero && !areas.isEmpty {
            let head = columns[columnIndex]
            return (nil, [Diagnostic(
                .zeroIndicatorTotal, "\(name) is zero for every area, so no area has a share of it",
                hint: "check the column, or leave it out of the weights",
                at: Self.location(file, head), length: head.length)])
        }
        return (Indicator(name: name, values: values, total: total), [])
    }

    /// The position of the column headed `name` among `columns`.
    public func columnIndex(_ name: String) -> Int? { columns.firstIndex { $0.text == name } }

    /// The column headed `name` read as exact non-negative numbers, one per area (any total): the
    /// parts of a derived indicator and the population for per-head figures.
    public func numbers(named name: String, origin: SettingOrigin? = nil, offset: Int = 0) -> ([Rational]?, [Diagnostic]) {
        guard let columnIndex = columnIndex(name) else {
            let names = columns.map(\.text)
            let hint = Suggestion.hint(name, in: names, known: "the file's columns are " + names.map { quoted($0) }.joined(separator: ", "),
                                       quote: true)
            return (nil, [Diagnostic(
                .unknownIndicator, "\(file) has no column \(quoted(name))", hint: hint, origin: origin, offset: offset,
                length: name.utf8.count)])
        }
        var values: [Rational] = []
        values.reserveCapacity(areas.count)
        var diagnostics: [Diagnostic] = []
        for area in areas {
            let cell = area.cells[columnIndex]
            if let value = indicatorValue(cell, name: name, area: area.name, into: &diagnostics) { values.append(value) }
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        return (values, [])
    }

    /// The value of one area's cell: a workbook's number from its stored text, exactly; any other
    /// cell's text by the exact parser (so `126,300` typed as text reads as in a CSV file). Nil
    /// after a problem, appended.
    private func indicatorValue(_ cell: CSVField, name: String, area: String, into diagnostics: inout [Diagnostic]) -> Rational? {
        let place = cell.cellSuffix
        if cell.kind == .error {
            diagnostics.append(Diagnostic(
                .badIndicatorValue, "\(name) for \(area) is the spreadsheet error \(cell.text)\(place)",
                hint: "correct the formula in the workbook, or type the value (write 0 for none)",
                at: Self.location(file, cell)))
            return nil
        }
        do throws(NumberParseProblem) {
            let value: Rational
            if cell.isStoredNumber, let stored = SpreadsheetNumber.value(cell.text) {
                value = stored
            } else {
                value = try ExactNumberParser.parseValue(ArraySlice(cell.text.utf8))
            }
            if value.isNegative {
                diagnostics.append(Diagnostic(
                    .negativeIndicator, "\(name) for \(area) is negative\(place)",
                    hint: "indicators count or score something: they are zero or more",
                    at: Self.location(file, cell), length: cell.length))
            }
            return value
        } catch {
            let message = cell.text.isEmpty
                ? "\(name) for \(area) is empty\(place)"
                : "\(name) for \(area) is not a number: \(error.message)\(place)"
            diagnostics.append(Diagnostic(
                .badIndicatorValue, message,
                hint: error.kind.sharedHint ?? "write a plain decimal such as 126300, 126,300 or 26.308 (write 0 for none)",
                at: Self.location(file, cell, offset: cell.text.isEmpty ? 0 : error.offset),
                length: cell.text.isEmpty ? 1 : max(1, cell.length - error.offset)))
            return nil
        }
    }

    /// Where `field` is, `offset` bytes into it; a workbook's cell is one place (its row and column),
    /// so the offset is left out.
    static func location(_ file: String, _ field: CSVField, offset: Int = 0) -> SourceLocation {
        SourceLocation(file: file, line: field.line, column: field.column + (field.cell == nil ? offset : 0))
    }
}

/// One area's row: its name and its other cells, in header order.
public struct AreaRow: Sendable {
    public let name: String
    public let cells: [CSVField]
    public let nameField: CSVField
}

/// An indicator column read exactly: one value per area, in file order, and their total.
public struct Indicator: Sendable {
    public let name: String
    public let values: [Rational]
    public let total: Rational
}
