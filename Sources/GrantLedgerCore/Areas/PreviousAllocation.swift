import Foundation

/// Last year's allocation, read from a CSV file with a column `area` first and a column `amount`
/// (other columns, such as a source note, are ignored): what damping holds each area near, and
/// what "change against last year" is measured from. Rows whose `kind` column says `retained` are
/// top-slices kept centrally, as `allocate --format csv` lists them, and are skipped: last year's
/// CSV output reads back as it is.
public struct PreviousAllocation: Sendable {
    public struct Row: Sendable {
        public let area: String
        public let amount: Money
        let nameField: CSVField
    }

    public let file: String
    /// In file order.
    public let rows: [Row]
    /// Where the setting naming this file was written.
    public let origin: SettingOrigin?
    /// The sizes of the amounts and where the largest stands, so the pot can be counted with them
    /// (`Allocator.prepare`): changes against last year are then exact in every output.
    let amountLimit: AmountLimit

    /// Reads last year's allocation from `path`: a CSV file, or the first sheet of a workbook when the
    /// path ends `.xlsx` (any case).
    public static func read(path: String, origin: SettingOrigin? = nil, sources: SourceFiles = SourceFiles()) -> (PreviousAllocation?, [Diagnostic]) {
        let workbook = XlsxWorkbook.isWorkbook(path)
        switch XlsxWorkbook.open(path, workbook: workbook, sources: sources, role: "previous allocation", label: "previous allocation",
                                 hint: "name a CSV file with the columns area and amount, e.g. examples/scenarios/nwps-2020-21-illustrative.csv",
                                 at: origin) {
        case .success(let source): return workbook ? parse(workbook: source, origin: origin) : parse(source, origin: origin)
        case .failure(let problem): return (nil, [problem])
        }
    }

    /// Reads last year's allocation from the first sheet of the workbook in `source`.
    public static func parse(workbook source: SourceFile, origin: SettingOrigin? = nil) -> (PreviousAllocation?, [Diagnostic]) {
        switch XlsxWorkbook.read(source) {
        case .failure(let error): return (nil, [error.diagnostic])
        case .success(let workbook):
            let (records, problems) = workbook.records(sheet: nil)
            var diagnostics = DiagnosticLog()
            diagnostics.append(contentsOf: problems)
            if records.isEmpty && !problems.isEmpty { return (nil, diagnostics.all) }
            return parse(records, file: source.name, diagnostics: diagnostics, origin: origin)
        }
    }

    /// Reads last year's allocation from bytes; `file` names it in diagnostics.
    public static func parse(_ bytes: [UInt8], file: String, origin: SettingOrigin? = nil) -> (PreviousAllocation?, [Diagnostic]) {
        parse(SourceFile(name: file, bytes: bytes), origin: origin)
    }

    /// Whether a row whose `kind` cell is `kind` is an area's: `retained` rows (top-slices kept
    /// centrally) are not, and any other kind than `area` (or none) is reported, not guessed at.
    static func isAreaRow(_ kind: CSVField, _ file: String, _ diagnostics: inout DiagnosticLog) -> Bool {
        if kind.text == AllocationCSV.retainedKind { return false }
        guard kind.text == AllocationCSV.areaKind || kind.text.isEmpty else {
            diagnostics.append(Diagnostic(
                .badValue, "this row's kind is \(quoted(kind.text)), not \(AllocationCSV.areaKind) or \(AllocationCSV.retainedKind)",
                hint: "allocate --format csv writes area for an area's row and retained for a top-slice kept centrally",
                at: AreaTable.location(file, kind), length: max(1, kind.length)))
            return false
        }
        return true
    }

    public static func parse(_ source: SourceFile, origin: SettingOrigin? = nil) -> (PreviousAllocation?, [Diagnostic]) {
        var reader = CSVReader(file: source.name)
        let records = reader.records(source)
        return parse(records, file: source.name, diagnostics: reader.diagnostics, origin: origin)
    }

    /// Last year's allocation in `records` (a CSV file's or a sheet's), after the reader's `diagnostics`.
    static func parse(_ records: [CSVRecord], file: String, diagnostics: DiagnosticLog, origin: SettingOrigin?) -> (PreviousAllocation?, [Diagnostic]) {
        var diagnostics = diagnostics
        guard let header = records.first else {
            if diagnostics.isEmpty {
                diagnostics.append(Diagnostic(
                    .emptyAreaFile, "the previous allocation file is empty",
                    hint: "write a header row area,amount, then one row per area with last year's amount",
                    at: SourceLocation(file: file, line: 1, column: 1), excerpt: ""))
            }
            return (nil, diagnostics.all)
        }
        if let problem = AreaTable.areaColumnProblem(file, header.fields[0]) { diagnostics.append(problem) }
        guard let amountColumn = header.fields.firstIndex(where: { $0.text.lowercased() == "amount" }) else {
            diagnostics.append(Diagnostic(
                .missingField, "the previous allocation has no amount column",
                hint: "head the column of last year's amounts amount: area,amount",
                at: SourceLocation(file: file, line: header.line, column: header.endColumn), excerpt: nil))
            return (nil, diagnostics.all)
        }
        let kindColumn = header.fields.firstIndex { $0.text.lowercased() == AllocationCSV.kindColumn }
        var rows: [Row] = []
        var seen: [String: Int] = [:]
        var limit = AmountLimit()
        for record in records.dropFirst() {
            if let problem = record.workbookRaggedProblem(headerWidth: header.fields.count, file: file) {
                diagnostics.append(problem)
                continue
            }
            guard record.fields.count == header.fields.count else {
                let many = record.fields.count > header.fields.count
                let at = many
                    ? AreaTable.location(file, record.fields[header.fields.count])
                    : SourceLocation(file: file, line: record.line, column: record.endColumn)
                diagnostics.append(Diagnostic(
                    .raggedRow, "this row has \(record.fields.count) cells but the header has \(header.fields.count)",
                    hint: many ? "quote an amount that has commas in it: \"£46,234.57\"" : "give every area its amount",
                    at: at))
                continue
            }
            if let kindColumn, !isAreaRow(record.fields[kindColumn], file, &diagnostics) { continue }
            let name = record.fields[0]
            if name.text.isEmpty {
                diagnostics.append(Diagnostic(.badAreaName, "this row has no area name", hint: "name the area in the first cell",
                                              at: AreaTable.location(file, name)))
                continue
            }
            if let line = seen[name.text] {
                diagnostics.append(Diagnostic(
                    .duplicateArea, "area \(quoted(name.text)) appears twice", hint: "it is first on line \(line); keep one row",
                    at: AreaTable.location(file, name), length: name.length))
                continue
            }
            seen[name.text] = record.line
            let cell = record.fields[amountColumn]
            guard let amount = amount(cell, area: name.text, file: file, into: &diagnostics) else { continue }
            if amount.isNegative {
                diagnostics.append(Diagnostic(
                    .badAmount, "last year's amount for \(name.text) is negative", hint: "an allocation is zero or more",
                    at: AreaTable.location(file, cell), length: cell.length))
                continue
            }
            if let problem = limit.count(amount, what: "last year's amount for \(name.text)", at: {
                (AreaTable.location(file, cell), cell.length, nil)
            }) {
                diagnostics.append(problem)
                continue
            }
            rows.append(Row(area: name.text, amount: amount, nameField: name))
        }
        if let problem = limit.totalProblem("last year's allocation") { diagnostics.append(problem) }
        return (PreviousAllocation(file: file, rows: rows, origin: origin, amountLimit: limit), diagnostics.all)
    }

    /// The amount in `cell`: a workbook's number from its stored text, in whole pence within a
    /// double's rounding (`SpreadsheetNumber.pence`); any other cell's text by the strict money
    /// parser. Nil after a problem, appended.
    static func amount(_ cell: CSVField, area: String, file: String, into diagnostics: inout DiagnosticLog) -> Money? {
        let what = "last year's amount for \(area)"
        if cell.kind == .error {
            diagnostics.append(Diagnostic(
                .badAmount, "\(what) is the spreadsheet error \(cell.text)\(cell.cellSuffix)",
                hint: "correct the formula in the workbook, or type the amount", at: AreaTable.location(file, cell)))
            return nil
        }
        if cell.isStoredNumber {
            switch SpreadsheetNumber.pence(cell.text) {
            case .success(let amount): return amount
            case .failure(let problem):
                diagnostics.append(Diagnostic(.badAmount, "\(what): " + problem.message("cell \(cell.cell ?? "")", holding: cell.text),
                                              hint: problem.hint, at: AreaTable.location(file, cell)))
                return nil
            }
        }
        do throws(MoneyParseProblem) {
            return try MoneyParser.parse(cell.text)
        } catch {
            diagnostics.append(Diagnostic(
                .badAmount, "\(what): \(error.message(about: cell.text))", hint: error.hint,
                at: AreaTable.location(file, cell, offset: min(error.offset, max(0, cell.length - 1))),
                length: error.caretLength(in: cell.length)))
            return nil
        }
    }

    /// Last year's amount for each of `table`'s areas, in its order; a located problem for every area
    /// with no row and every row naming no area of the table.
    func amounts(for table: AreaTable) -> ([Money]?, [Diagnostic]) {
        var byName: [String: Money] = [:]
        for row in rows { byName[row.area] = row.amount }
        var diagnostics: [Diagnostic] = []
        var amounts: [Money] = []
        var missing: [String] = []
        for area in table.areas {
            if let amount = byName[area.name] { amounts.append(amount) } else { missing.append(area.name) }
        }
        if !missing.isEmpty {
            let list = missing.map { quoted($0) }.joined(separator: ", ")
            diagnostics.append(Diagnostic(
                .missingPreviousArea,
                "no amount for \(missing.count == 1 ? "area" : "areas") \(list) of \(table.file)",
                hint: "add a row for each area (write 0 for an area that received nothing last year)",
                at: SourceLocation(file: file, line: 1, column: 1)))
        }
        let names = table.areas.map(\.name)
        let known = Set(names)
        for row in rows where !known.contains(row.area) {
            let hint = Suggestion.hint(row.area, in: names, known: "the areas of \(table.file) are " + names.joined(separator: ", "))
            diagnostics.append(Diagnostic(
                .unknownArea, "\(table.file) has no area \(quoted(row.area))", hint: hint,
                at: AreaTable.location(file, row.nameField), length: row.nameField.length))
        }
        return (diagnostics.isEmpty ? amounts : nil, diagnostics)
    }
}

extension PreviousAllocation {
    /// Last year's allocation as the board agreed it in the books (`previous  allocation:ID`): each
    /// area's share, named as the area is declared (`Newark and Sherwood`), as area files name them,
    /// and pointed at where the share is written.
    init(_ agreed: AgreedAllocation, in ledger: Ledger, origin: SettingOrigin?) {
        var limit = AmountLimit()
        let rows = agreed.shares.map { share in
            // Books that passed check hold every share within the limit: nothing to report here.
            _ = limit.count(share.amount, at: { (share.location, share.areaID.utf8.count, nil) })
            let name = ledger.areaIndex[share.areaID].map { ledger.areas[$0].name } ?? share.areaID
            return Row(area: name, amount: share.amount,
                       nameField: CSVField(text: name, line: share.location.line, column: share.location.column, length: share.areaID.utf8.count))
        }
        self.init(file: agreed.location.file, rows: rows, origin: origin, amountLimit: limit)
    }
}
