extension XlsxWorkbook {
    /// The rows of the sheet named `sheet` (exactly, else ignoring case; the first sheet when nil)
    /// as located records: each field's line is its row number, its column the column number
    /// (A = 1), its length 1, with `cell` (`D7`) and `kind` set. Blank rows are skipped, as in a CSV
    /// file. The first row read is the header: every row has a field for each of its columns (empty
    /// for a cell not written), and a row with a value past the header's last column has fields up
    /// to it, so a reader's ragged-row check still sees the extra cell.
    ///
    /// Numbers keep their stored text (`kind == .number`; read them with `SpreadsheetNumber`); a
    /// cell holding an error (`#REF!`) is a field of kind `.error`, reported by whoever uses it, so an
    /// error in a column nobody reads stops nothing. Text is held to the text rule (`bad-text`), as a
    /// CSV cell is. Every problem with the sheet itself is `bad-xlsx`, at the cell (or `1:1`), with
    /// an empty excerpt. An unknown sheet is a problem at `origin` (where it was named) listing the
    /// sheets.
    public func records(sheet: String?, origin: SettingOrigin? = nil) -> ([CSVRecord], [Diagnostic]) {
        records(sheet: sheet, origin: origin, maximumFields: XlsxSheetReader.defaultMaximumFields)
    }

    func records(sheet: String?, origin: SettingOrigin?, maximumFields: Int) -> ([CSVRecord], [Diagnostic]) {
        guard let index = sheetIndex(matching: sheet) else { return ([], [unknownSheet(sheet, origin: origin)]) }
        let name = sheetNames[index]
        let part: String
        switch sheetTargets[index] {
        case .part(let target): part = target
        case .notAWorksheet(let kind):
            return ([], [XlsxPartProblem("sheet \(quoted(name)) is a \(kind), not a worksheet of cells",
                                         hint: "name a sheet of rows and columns").error(file).diagnostic])
        case .missing:
            return ([], [XlsxPartProblem("sheet \(quoted(name)) has no part in the workbook: the file is damaged").error(file).diagnostic])
        }
        var budget = self.budget
        do throws(XlsxPartProblem) {
            var shared = XlsxSharedStrings()
            if let sharedPart = sharedStringsPart, let entry = directory.entry(sharedPart) {
                shared = try XlsxSharedStrings(try directory.contents(of: entry, budget: &budget), part: sharedPart)
            }
            guard let entry = directory.entry(part) else {
                throw XlsxPartProblem("sheet \(quoted(name)) should be in \(part), which the file does not have: it is damaged")
            }
            let bytes = try directory.contents(of: entry, budget: &budget)
            let reader = XlsxSheetReader(file: file, sheet: name, shared: shared, maximumFields: maximumFields)
            if let problem = XMLPartParser.parse(bytes, part: part, into: reader) {
                reader.diagnostics.append(problem.error(file).diagnostic)
            }
            return (reader.records, reader.diagnostics.all)
        } catch {
            return ([], [error.error(file).diagnostic])
        }
    }
}

/// Reads one worksheet's XML into records, cell by cell (see `XlsxWorkbook.records`).
final class XlsxSheetReader: XMLPartHandler {
    let file: String
    let sheet: String
    let shared: XlsxSharedStrings
    var records: [CSVRecord] = []
    var diagnostics = DiagnosticLog()
    var stop: XlsxPartProblem?

    /// 2²³ fields (rows × columns to the last used, padding included) in all, about half a GiB of
    /// records: a million rows of 8 columns, or 100,000 of 80. A sheet naming one far cell per row
    /// (`XFD1`…) could otherwise ask for billions from a few bytes; a larger sheet can be read as CSV.
    static let defaultMaximumFields = 1 << 23
    let maximumFields: Int

    private var inSheetData = false
    var currentRow: Int?
    private var lastRow = 0
    var cellsInRow: [(column: Int, text: String, kind: CSVFieldKind)] = []
    private var headerWidth: Int?
    private var fieldCount = 0
    var cellOpen: OpenCell?

    /// The cell being read: where it is, its type, and its text so far.
    struct OpenCell {
        let reference: XlsxCellReference
        let type: String
        var value: String?
        var inline: String?
        var inValue = false
        var inInline = false
        var inInlineText = false
        var phoneticDepth = 0
    }

    init(file: String, sheet: String, shared: XlsxSharedStrings, maximumFields: Int = XlsxSheetReader.defaultMaximumFields) {
        self.maximumFields = maximumFields
        self.file = file
        self.sheet = sheet
        self.shared = shared
    }

    /// `cell D7 of sheet "AP Lines"`
    func place(_ reference: XlsxCellReference) -> String { "cell \(reference.name) of sheet \(quoted(sheet))" }

    func report(_ message: String, hint: String, row: Int, column: Int = 1) {
        diagnostics.append(Diagnostic(.badXlsx, message, hint: hint,
                                      at: SourceLocation(file: file, line: row, column: column), excerpt: ""))
    }

    // MARK: - Events

    func start(_ name: String, _ attributes: [String: String]) {
        if name == "sheetData" { inSheetData = true; return }
        guard inSheetData else { return }
        switch name {
        case "row": startRow(attributes)
        case "c": startCell(attributes)
        case "v": cellOpen?.inValue = true; if cellOpen?.value == nil { cellOpen?.value = "" }
        case "is": cellOpen?.inInline = true; if cellOpen?.inline == nil { cellOpen?.inline = "" }
        case "rPh": if cellOpen?.inInline == true { cellOpen?.phoneticDepth += 1 }
        case "t": if let open = cellOpen, open.inInline, open.phoneticDepth == 0 { cellOpen?.inInlineText = true }
        default: break
        }
    }

    func text(_ text: String) {
        guard let open = cellOpen else { return }
        if open.inValue {
            cellOpen?.value? += text
        } else if open.inInlineText {
            cellOpen?.inline? += text
        }
    }

    func end(_ name: String) {
        switch name {
        case "sheetData": inSheetData = false
        case "row": endRow()
        case "c": endCell()
        case "v": cellOpen?.inValue = false
        case "is": cellOpen?.inInline = false
        case "rPh": if cellOpen?.inInline == true { cellOpen?.phoneticDepth -= 1 }
        case "t": cellOpen?.inInlineText = false
        default: break
        }
    }

    // MARK: - Rows

    private func startRow(_ attributes: [String: String]) {
        cellsInRow.removeAll(keepingCapacity: true)
        var number = lastRow + 1
        if let written = attributes["r"] {
            guard let value = Int(written), value > 0 else {
                report("a row of sheet \(quoted(sheet)) is numbered \(quoted(written)), which is not a row number",
                       hint: XlsxError.damagedHint, row: max(1, lastRow + 1))
                currentRow = nil
                return
            }
            number = value
        }
        guard number <= XlsxCellReference.maximumRow else {
            stop = XlsxPartProblem("sheet \(quoted(sheet)) has a row \(number), past row \(Thousands.grouped(XlsxCellReference.maximumRow)), the last a sheet has")
            return
        }
        if number <= lastRow {
            report("row \(number) of sheet \(quoted(sheet)) comes after row \(lastRow): rows must be in order, each once",
                   hint: XlsxError.damagedHint, row: number)
            currentRow = nil
            return
        }
        currentRow = number
        lastRow = number
    }

    /// The row's fields: up to its last cell with a value, and at least to the header's width; a
    /// row with no value at all is blank and skipped.
    private func endRow() {
        defer { currentRow = nil; cellsInRow.removeAll(keepingCapacity: true) }
        guard let row = currentRow, let last = cellsInRow.last(where: { !$0.text.isEmpty })?.column else { return }
        let width = max(last, headerWidth ?? last)
        if headerWidth == nil { headerWidth = last }
        fieldCount += width
        guard fieldCount <= maximumFields else {
            stop = XlsxPartProblem("sheet \(quoted(sheet)) has more than \(Thousands.grouped(maximumFields)) cells (rows × columns to the last used)",
                                   hint: "read a smaller sheet, or save it as CSV")
            return
        }
        var fields: [CSVField] = []
        fields.reserveCapacity(width)
        var next = cellsInRow.makeIterator()
        var pending = next.next()
        for column in 1...width {
            while let waiting = pending, waiting.column < column { pending = next.next() }
            let reference = XlsxCellReference(row: row, column: column).name
            if let found = pending, found.column == column {
                fields.append(CSVField(text: found.text, line: row, column: column, length: 1, cell: reference, kind: found.kind))
            } else {
                fields.append(CSVField(text: "", line: row, column: column, length: 1, cell: reference))
            }
        }
        records.append(CSVRecord(fields: fields, line: row, endColumn: width + 1))
    }
}
