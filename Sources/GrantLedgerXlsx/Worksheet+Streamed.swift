import CXlsxWriter
import GrantLedgerCore

/// Cells of streamed rows (`StreamedRowWriter`): the checks every cell write makes (the workbook
/// open, the row in the grid and in order) made once for the row, and for each cell only the
/// library's call and its status, so a million-row sheet pays for them a million times, not ten.
extension Worksheet {
    /// Row `row` as libxlsxwriter takes it, once the workbook is known open, the row within the
    /// grid and, in constant-memory mode, not above a row already written.
    func streamedRow(_ row: Int) throws(WorkbookError) -> lxw_row_t {
        _ = try workbook.openHandle()
        let position = try CellRef(row: row, column: 0).checked()
        if workbook.options.constantMemory, row < lastRowWritten {
            throw .rowWrittenOutOfOrder(sheet: name, row: row, lastRowWritten: lastRowWritten)
        }
        return position.row
    }

    /// Text already known to need nothing done (`CellTextBytes`), as a NUL-terminated C string the
    /// caller owns: libxlsxwriter copies it, so one buffer serves every cell.
    func streamText(_ text: UnsafePointer<CChar>, row: lxw_row_t, column: Int, format: CellFormat) throws(WorkbookError) {
        try streamed(row, column, "text") { row, column in worksheet_write_string(handle, row, column, text, format.pointer) }
    }

    /// A number already converted at the boundary (money, a date's serial).
    func streamNumber(_ value: Double, row: lxw_row_t, column: Int, format: CellFormat) throws(WorkbookError) {
        guard value.isFinite else {
            throw .invalidArgument("\(name)!\(CellRef(row: Int(row), column: column)): \(value) is not a finite number")
        }
        try streamed(row, column, "number") { row, column in worksheet_write_number(handle, row, column, value, format.pointer) }
    }

    @inline(__always)
    private func streamed(_ row: lxw_row_t, _ column: Int, _ what: StaticString,
                          _ call: (lxw_row_t, lxw_col_t) -> lxw_error) throws(WorkbookError) {
        guard column >= 0, column < Int(LXW_COL_MAX) else { throw .cellOutOfRange(row: Int(row), column: column) }
        try check(call(row, lxw_col_t(truncatingIfNeeded: column)),
                  "\(name)!\(CellRef(row: Int(row), column: column)): write \(what)")
        lastRowWritten = max(lastRowWritten, Int(row))
    }
}
