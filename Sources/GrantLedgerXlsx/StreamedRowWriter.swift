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
    /// The first error met: the rest of the row is passed over and `write` throws it.
    private var failure: WorkbookError?
    private var row = 0
    private var column = 0
    private var buffer: UnsafeMutablePointer<CChar>
    private var capacity = 256

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
        guard let height else { return }
        attempt { () throws(WorkbookError) in try sheet.setRowHeight(height, row: row) }
    }

    func empty(_ look: CellLook) {
        defer { column += 1 }
        guard styles.blank(look) != nil else { return }
        attempt { () throws(WorkbookError) in
            try sheet.writeBlank(at: here, format: styles.format(look, .text, column: column, on: writer))
        }
    }

    func text(_ utf8: UnsafeBufferPointer<UInt8>, _ look: CellLook) {
        defer { column += 1 }
        attempt { () throws(WorkbookError) in
            let format = try styles.format(look, .text, column: column, on: writer)
            guard CellTextBytes.isWritableAsIs(utf8) else {
                return try sheet.writeText(String(decoding: utf8, as: UTF8.self), at: here, format: format)
            }
            try sheet.writeCString(cString(utf8), at: here, format: format)
        }
    }

    func date(_ day: Day, _ look: CellLook) {
        defer { column += 1 }
        attempt { () throws(WorkbookError) in
            try sheet.writeDate(day, at: here, format: styles.format(look, .date, column: column, on: writer))
        }
    }

    func money(_ money: Money, _ look: CellLook) {
        defer { column += 1 }
        attempt { () throws(WorkbookError) in
            try sheet.writeMoney(money, at: here, format: styles.format(look, .money, column: column, on: writer))
        }
    }

    private var here: CellRef { CellRef(row: row, column: column) }

    /// Runs one cell's write unless an earlier one failed, keeping the first error.
    @inline(__always)
    private func attempt(_ body: () throws(WorkbookError) -> Void) {
        guard failure == nil else { return }
        do { try body() } catch { failure = error }
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
