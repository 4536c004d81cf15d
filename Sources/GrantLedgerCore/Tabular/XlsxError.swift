/// Why a workbook could not be opened: one `bad-xlsx` problem with the container (not a zip,
/// damaged, a zip bomb, a part missing or not XML), located at the file's `1:1` with an empty
/// excerpt, since a binary file has no line to show.
public struct XlsxError: Error, Sendable {
    public let diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }

    /// A problem with the whole of `file`.
    init(file: String, _ message: String, hint: String) {
        self.init(Diagnostic(.badXlsx, message, hint: hint, at: SourceLocation(file: file, line: 1, column: 1), excerpt: ""))
    }

    /// What to do about a damaged workbook.
    static let damagedHint = "open it in a spreadsheet program and save it again as an Excel Workbook (.xlsx)"
}

/// A problem inside a workbook's part, before the file it belongs to is known to the caller's words.
struct XlsxPartProblem: Error {
    let message: String
    let hint: String

    init(_ message: String, hint: String = XlsxError.damagedHint) {
        self.message = message
        self.hint = hint
    }

    func error(_ file: String) -> XlsxError { XlsxError(file: file, message, hint: hint) }
}
