import CXlsxWriter
import GrantLedgerCore

/// Everything that can go wrong while writing a workbook.
///
/// Each case carries enough to tell the user what failed without a debugger: the operation, the
/// library's own message (from `lxw_strerror`) or the system's (`strerror`), and the path or cell.
public enum WorkbookError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libxlsxwriter returned an `lxw_error`; `message` is its `lxw_strerror` text.
    case library(operation: String, code: UInt32, message: String)
    /// A system call on the output file failed; `message` is the `strerror` text for `errno`.
    case io(operation: String, path: String, errno: Int32, message: String)
    /// A row or column outside Excel's grid (1,048,576 rows × 16,384 columns).
    case cellOutOfRange(row: Int, column: Int)
    /// In constant-memory mode rows are streamed to disk, so a row above the last one written is gone.
    case rowWrittenOutOfOrder(sheet: String, row: Int, lastRowWritten: Int)
    /// A date Excel's serial numbers cannot show faithfully (before 1900-03-01 or after 9999-12-31).
    case dateOutOfRange(String)
    /// An argument the wrapper rejects before it reaches the library (explained in the text).
    case invalidArgument(String)
    /// Writing the file failed (a full disk, a folder that cannot be written, a device in the way):
    /// the core's located, coded explanation.
    case file(FileError)
    /// The workbook was already closed or discarded; its sheets can no longer be written.
    case closed

    public var description: String {
        switch self {
        case let .library(operation, code, message):
            return "\(operation): \(message) (libxlsxwriter error \(code))"
        case let .io(operation, path, errno, message):
            return "\(operation) '\(path)': \(message) (errno \(errno))"
        case let .cellOutOfRange(row, column):
            return "cell (row \(row), column \(column)) is outside the worksheet grid"
        case let .rowWrittenOutOfOrder(sheet, row, last):
            return "sheet '\(sheet)': row \(row + 1) written after row \(last + 1); "
                + "in constant-memory mode rows must be written top to bottom"
        case let .dateOutOfRange(text):
            return "date \(text) cannot be stored as an Excel date (1900-03-01 to 9999-12-31)"
        case let .invalidArgument(text):
            return text
        case let .file(error):
            return error.message
        case .closed:
            return "the workbook is already closed"
        }
    }
}

/// Turns an `lxw_error` into a thrown `WorkbookError.library`, so no C status code is ever ignored.
@inline(__always)
func check(_ code: lxw_error, _ operation: @autoclosure () -> String) throws(WorkbookError) {
    if code == LXW_NO_ERROR { return }
    throw WorkbookError.library(operation: operation(), code: code.rawValue, message: libraryMessage(code))
}

func libraryMessage(_ code: lxw_error) -> String {
    guard let text = lxw_strerror(code) else { return "unknown libxlsxwriter error" }
    return String(cString: text)
}
