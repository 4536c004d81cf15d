/// One cell of a CSV file, with where it starts, so that a bad value gets a caret under it. A
/// worksheet's cell read by `XlsxWorkbook` is one too: its line is the row number, its column the
/// column number (A = 1), its length 1, and `cell` and `kind` say what the workbook held.
public struct CSVField: Sendable {
    /// The content, quotes removed and doubled quotes undone; unquoted cells are trimmed of blanks.
    /// From a workbook: the text as stored (spaces kept), or a number's stored text (`kind`).
    public let text: String
    public let line: Int
    /// The byte column of the first content byte (after an opening quote).
    public let column: Int
    /// The content's length in bytes as written (at least 1 for the caret).
    public let length: Int
    /// The cell's reference in a workbook (`D7`); nil for a CSV cell.
    public let cell: String?
    /// What the cell held: always `.text` for a CSV cell.
    public let kind: CSVFieldKind

    public init(text: String, line: Int, column: Int, length: Int, cell: String? = nil, kind: CSVFieldKind = .text) {
        self.text = text
        self.line = line
        self.column = column
        self.length = length
        self.cell = cell
        self.kind = kind
    }

    /// Whether `text` is a workbook number's stored text (`2772.0000000000005`, `1E-3`): read it
    /// with `SpreadsheetNumber`, never as typed text.
    public var isStoredNumber: Bool { kind == .number }
}

/// What a cell held. A CSV cell is always text; a workbook's cell says how its value was stored.
public enum CSVFieldKind: Sendable, Hashable {
    /// Text: a CSV cell, or a workbook's shared, inline or formula string.
    case text
    /// A workbook number, `text` its stored text: the shortest decimal that reads back as the
    /// cell's double (`SpreadsheetNumber` reads it exactly). Dates are numbers too (serials).
    case number
    /// A workbook boolean, `text` `TRUE` or `FALSE`.
    case boolean
    /// A workbook date cell (`t="d"`), `text` its ISO 8601 text as stored.
    case date
    /// A workbook error value, `text` the error (`#REF!`, `#DIV/0!`): reported by whoever uses the
    /// cell, in its own words and code (`AreaTable`: "crime for Ashfield is the spreadsheet error
    /// #REF! (cell B2)"), so an error in a column nobody reads stops nothing.
    case error
}

/// One record: its fields and the line it starts on.
public struct CSVRecord: Sendable {
    public let fields: [CSVField]
    public let line: Int
    /// The byte column just past the last field, for "a cell is missing here".
    public let endColumn: Int
}

/// RFC 4180 CSV read byte by byte, keeping the line and column of every field: a finance officer's
/// spreadsheet export has quoted cells (`"126,300"`), CRLF line ends and sometimes a byte-order mark,
/// and every problem must be shown where it is. Blank lines are skipped.
struct CSVReader {
    let file: String
    /// Bounded: a file of two million bad rows keeps 500 problems and counts the rest.
    private(set) var diagnostics = DiagnosticLog()

    init(file: String) { self.file = file }

    private static let quote: UInt8 = 0x22

    /// The records of `source`, from after its byte-order mark (which spreadsheet programs write).
    mutating func records(_ source: SourceFile) -> [CSVRecord] {
        let bytes = source.bytes
        var records: [CSVRecord] = []
        var index = source.contentStart
        let end = bytes.count
        var line = 1
        var lineStart = source.contentStart

        while index < end {
            var fields: [CSVField] = []
            let recordLine = line
            var recordDone = false
            while !recordDone {
                var column = index - lineStart + 1
                if index < end && bytes[index] == Self.quote {
                    let openLine = line
                    let openColumn = column
                    guard let content = quotedCell(bytes, at: &index, line: &line, lineStart: &lineStart) else {
                        diagnostics.append(Diagnostic(
                            .badCSVQuote, "this quoted cell is never closed",
                            hint: "end the cell with a closing quote \"; write a quote inside a cell as \"\"",
                            at: SourceLocation(file: file, line: openLine, column: openColumn)))
                        return records
                    }
                    fields.append(field(content, openLine, openColumn + 1, max(1, content.count), quoted: true))
                    // After the closing quote: a comma, a line end or the end of the file.
                    if index < end && !isSeparator(bytes, index) {
                        column = index - lineStart + 1
                        diagnostics.append(Diagnostic(
                            .badCSVQuote, "text after the closing quote of a cell",
                            hint: "put the whole cell inside the quotes, and write a quote inside a cell as \"\"",
                            at: SourceLocation(file: file, line: line, column: column)))
                        while index < end && !isSeparator(bytes, index) { index += 1 }
                    }
                } else {
                    let start = index
                    while index < end && !isSeparator(bytes, index) { index += 1 }
                    var first = start
                    var last = index
                    while first < last && ASCII.isBlank(bytes[first]) { first += 1 }
                    while last > first && ASCII.isBlank(bytes[last - 1]) { last -= 1 }
                    column = first - lineStart + 1
                    if let quoteAt = bytes[first..<last].firstIndex(of: Self.quote) {
                        diagnostics.append(Diagnostic(
                            .badCSVQuote, "a quote inside a cell that does not start with one",
                            hint: "quote the whole cell and double the quote inside it: \"Newark \"\"and\"\" Sherwood\"",
                            at: SourceLocation(file: file, line: line, column: quoteAt - lineStart + 1)))
                    }
                    fields.append(field(Array(bytes[first..<last]), line, column, max(1, last - first), quoted: false))
                }
                // Separator: a comma continues the record; a line end or the end of the file ends it.
                if index < end && bytes[index] == ASCII.comma {
                    index += 1
                } else {
                    let endColumn = index - lineStart + 1
                    skipLineEnd(bytes, &index, line: line, column: endColumn)
                    line += 1
                    lineStart = index
                    recordDone = true
                    let blank = fields.count == 1 && fields[0].text.isEmpty
                    if !blank { records.append(CSVRecord(fields: fields, line: recordLine, endColumn: endColumn)) }
                }
            }
        }
        return records
    }

    /// Past the line end at `index` (LF, CR LF, or the end of the file). CR LF ends a line; a CR on
    /// its own is a control character, as in a ledger (a whole file of them was named as old Mac
    /// line ends when opened); CR CR LF (a CRLF file converted again) is one line, as the renderer
    /// counts lines, and one problem.
    private mutating func skipLineEnd(_ bytes: [UInt8], _ index: inout Int, line: Int, column: Int) {
        let end = bytes.count
        if index < end && bytes[index] == ASCII.carriageReturn {
            if index + 1 >= end || bytes[index + 1] != ASCII.newline {
                diagnostics.append(TextRule.diagnostic(
                    .control(scalar: 0x0D, byteOffset: 0), what: "this line",
                    at: SourceLocation(file: file, line: line, column: column)))
            }
            index += 1
            var run = index
            while run < end && bytes[run] == ASCII.carriageReturn { run += 1 }
            if run < end && bytes[run] == ASCII.newline { index = run }
        }
        if index < end && bytes[index] == ASCII.newline { index += 1 }
    }

    /// The content of the quoted cell whose opening quote is at `index` (quotes doubled inside it
    /// made single, line breaks kept), with `index` after its closing quote; `nil` when it is never closed.
    private func quotedCell(_ bytes: [UInt8], at index: inout Int, line: inout Int, lineStart: inout Int) -> [UInt8]? {
        let end = bytes.count
        index += 1
        var content: [UInt8] = []
        var closed = false
        while index < end {
            let byte = bytes[index]
            if byte == Self.quote {
                if index + 1 < end && bytes[index + 1] == Self.quote {
                    content.append(Self.quote)
                    index += 2
                    continue
                }
                index += 1
                closed = true
                break
            }
            if byte == ASCII.newline {
                line += 1
                lineStart = index + 1
            }
            content.append(byte)
            index += 1
        }
        return closed ? content : nil
    }

    /// A comma, or the start of a line end (LF, or CR LF; a lone CR ends the record too, reported as
    /// a control character).
    private func isSeparator(_ bytes: [UInt8], _ index: Int) -> Bool {
        let byte = bytes[index]
        return byte == ASCII.comma || byte == ASCII.newline || byte == ASCII.carriageReturn
    }

    /// A cell, held to the text rule: no control character (so no line break, even in a quoted
    /// cell: every cell read is a single-line name, heading, figure or description), no U+FFFE or
    /// U+FFFF, at most a spreadsheet cell's length. `quoted` when `content` had its doubled quotes
    /// undone, so a column in it is one byte further on per quote.
    private mutating func field(_ content: [UInt8], _ line: Int, _ column: Int, _ length: Int, quoted: Bool) -> CSVField {
        let problem = content.withUnsafeBufferPointer { TextRule.firstByteProblem(in: $0, allowingLineEnds: false) }
        switch problem {
        case .invalidUTF8:
            diagnostics.append(Diagnostic(
                .badEncoding, "this cell is not valid UTF-8",
                hint: "save the file as UTF-8 (CSV UTF-8 in a spreadsheet's Save As)",
                at: SourceLocation(file: file, line: line, column: column), length: length))
            return CSVField(text: String(decoding: content, as: UTF8.self), line: line, column: column, length: length)
        case .character(let character):
            // The first refused character is on the cell's first line: a line break is one.
            let offset = character.byteOffset
            let quotes = quoted ? content[..<offset].reduce(0) { $0 + ($1 == Self.quote ? 1 : 0) } : 0
            diagnostics.append(TextRule.diagnostic(
                character, what: "this cell", at: SourceLocation(file: file, line: line, column: column + offset + quotes)))
        case nil:
            if let tooLong = content.withUnsafeBufferPointer({ TextRule.lengthProblem(in: $0, 0..<$0.count) }) {
                diagnostics.append(TextRule.diagnostic(
                    tooLong, what: "this cell", at: SourceLocation(file: file, line: line, column: column), textLength: length))
            }
        }
        return CSVField(text: String(decoding: content, as: UTF8.self), line: line, column: column, length: length)
    }
}
