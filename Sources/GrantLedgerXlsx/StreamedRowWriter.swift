import CXlsxWriter
import GrantLedgerCore

/// Writes the rows of a `SheetRowStream` (the Spend sheet's postings) straight to a worksheet, cell
/// by cell as the stream describes them.
///
/// Why: `WorkbookModelWriter` writes a held row's `SheetCell`s; for a million streamed rows, making
/// each as a `SheetRow` of `String`s and then taking the `String`s apart again was more work than
/// libxlsxwriter's own. Here each cell is written as that path writes the same `SheetCell` (the
/// same format for its look through `ModelStyles`, the same checks, in the same order, through the
/// same `Worksheet` methods), but text comes as the ledger's bytes: text `CellTextBytes` finds needs
/// nothing done is copied into one reusable NUL-terminated buffer and handed over as it is; any
/// other text is made a `String` and goes the usual way, through `VisibleText.cellText`.
final class StreamedRowWriter: SheetCellSink {
    private let sheet: Worksheet
    private let writer: WorkbookWriter
    private(set) var styles: ModelStyles
    /// The first error met: every cell after it is passed over and `write` throws it.
    private var failure: WorkbookError?
    private var row = 0
    /// `row` as checked for libxlsxwriter when it began.
    private var position: lxw_row_t = 0
    private var column = 0
    /// The look, kind and format last written in each column: a streamed column keeps one look,
    /// so its format is found with one comparison.
    private var columnFormats: [ColumnFormat?] = []
    private var buffer: UnsafeMutablePointer<CChar>
    private var capacity = 256

    private struct ColumnFormat {
        let look: CellLook
        let kind: ModelStyles.Kind
        let format: CellFormat
    }

    init(sheet: Worksheet, writer: WorkbookWriter, styles: ModelStyles) {
        self.sheet = sheet
        self.writer = writer
        self.styles = styles
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    /// Writes `stream`'s rows as sheet rows `first`, `first + 1`, … of a sheet `total` rows long,
    /// telling `progress` every `WorkProgress.every` rows.
    func write(_ stream: any SheetRowStream, from first: Int, of total: Int, progress: WorkProgress?) throws(WorkbookError) {
        for index in 0..<stream.count {
            row = first + index
            if let progress, row % WorkProgress.every == 0 {
                progress.report(.writingSheet(sheet.name, row: row, of: total))
            }
            stream.emit(index, to: self)
            if let failure { throw failure }
        }
    }

    func beginRow(height: Double?) {
        column = 0
        attempt { () throws(WorkbookError) in
            if let height { try sheet.setRowHeight(height, row: row) }
            position = try sheet.streamedRow(row)
        }
    }

    func empty(_ look: CellLook) {
        defer { column += 1 }
        guard failure == nil, ModelStyles.blankIsStyled(look) else { return }
        attempt { () throws(WorkbookError) in
            try sheet.writeBlank(at: CellRef(row: row, column: column), format: format(look, .text))
        }
    }

    func text(_ utf8: UnsafeBufferPointer<UInt8>, _ look: CellLook) {
        defer { column += 1 }
        attempt { () throws(WorkbookError) in
            let format = try format(look, .text)
            guard CellTextBytes.isWritableAsIs(utf8) else {
                return try sheet.writeText(String(decoding: utf8, as: UTF8.self), at: CellRef(row: row, column: column),
                                           format: format)
            }
            try sheet.streamText(cString(utf8), row: position, column: column, format: format)
        }
    }

    func date(_ day: Day, _ look: CellLook) {
        defer { column += 1 }
        attempt { () throws(WorkbookError) in
            let format = try format(look, .date)
            try sheet.streamNumber(Double(try day.excelSerial()), row: position, column: column, format: format)
        }
    }

    func money(_ money: Money, _ look: CellLook) {
        defer { column += 1 }
        attempt { () throws(WorkbookError) in
            let format = try format(look, .money)
            let pounds = try money.excelValue(at: "\(sheet.name)!\(CellRef(row: row, column: column))")
            try sheet.streamNumber(pounds, row: position, column: column, format: format)
        }
    }

    /// Runs one cell's write unless an earlier one failed, keeping the first error.
    @inline(__always)
    private func attempt(_ body: () throws(WorkbookError) -> Void) {
        guard failure == nil else { return }
        do {
            try body()
        } catch {
            failure = error
        }
    }

    /// The format for `look` and `kind` in the current column, as `ModelStyles.format` resolves it.
    @inline(__always)
    private func format(_ look: CellLook, _ kind: ModelStyles.Kind) throws(WorkbookError) -> CellFormat {
        if column < columnFormats.count, let known = columnFormats[column], known.kind == kind, known.look == look {
            return known.format
        }
        let format = try styles.format(look, kind, column: column, on: writer)
        while columnFormats.count <= column { columnFormats.append(nil) }
        columnFormats[column] = ColumnFormat(look: look, kind: kind, format: format)
        return format
    }

    /// `utf8` in the buffer, NUL-terminated (the buffer grows to the longest text).
    private func cString(_ utf8: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar> {
        if utf8.count >= capacity {
            buffer.deallocate()
            capacity = utf8.count + 1
            buffer = .allocate(capacity: capacity)
        }
        if let base = utf8.baseAddress {
            UnsafeMutableRawPointer(buffer).copyMemory(from: base, byteCount: utf8.count)
        }
        buffer[utf8.count] = 0
        return UnsafePointer(buffer)
    }
}
