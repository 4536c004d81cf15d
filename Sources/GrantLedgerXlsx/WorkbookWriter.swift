import CXlsxDeflate
import CXlsxWriter
import GrantLedgerCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one .xlsx workbook through libxlsxwriter, all-or-nothing.
///
/// The workbook is built in a temporary file beside `path` (an `OutputFile`, the core's one way of
/// writing a file) and renamed over it only when `close()` succeeds; libxlsxwriter's own scratch
/// files go in the same folder, so they fill the same disk, and every write error they meet is
/// caught (see xlsx_stdio_guard.c); `discard()` (or dropping the writer unclosed, or any thrown error inside `write(to:)`)
/// removes the temporary file and leaves `path` as it was. The same calls with the same
/// `WorkbookProperties` give byte-identical files: libxlsxwriter dates the zip entries 1980-01-01 and
/// takes the creation time from `properties.created`.
///
/// Not thread-safe: one writer belongs to one task.
public final class WorkbookWriter {
    /// Where the finished workbook goes.
    public let path: String
    public let options: WorkbookOptions
    /// Sheet names in the order they were added.
    public private(set) var sheetNames: [String] = []

    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private let output: OutputFile
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetHandles: [UnsafeMutablePointer<lxw_worksheet>] = []
    /// The libxlsxwriter in use: which of the 1.1.4 work-arounds may run.
    let library: LibxlsxwriterVersion

    /// Starts a workbook for `path`. Fails at once if the directory is missing or not writable.
    public convenience init(path: String, properties: WorkbookProperties, options: WorkbookOptions = WorkbookOptions())
        throws(WorkbookError)
    {
        try self.init(path: path, properties: properties, options: options, library: .current)
    }

    /// As above, as if `library` were loaded (tests pretend to another version).
    init(path: String, properties: WorkbookProperties, options: WorkbookOptions, library: LibxlsxwriterVersion)
        throws(WorkbookError)
    {
        guard library.layoutMatches else {
            throw .invalidArgument("libxlsxwriter \(LibxlsxwriterVersion.text(library.library)) is loaded, but grantledger was "
                + "built against the headers of \(LibxlsxwriterVersion.text(library.headers)); rebuild it against the "
                + "library installed (its structures may differ)")
        }
        let created = try properties.creationTimestamp()
        try requirePlainText(path, "output path")
        if let directory = options.temporaryDirectory {
            try requirePlainText(directory, "temporary directory")
            // libxlsxwriter silently falls back to /tmp when `tmpdir` is unusable; an explicit choice
            // (made because /tmp is too small, say) should fail loudly instead.
            if let problem = FilePaths.writableFolderProblem(directory) {
                throw .io(operation: "unusable temporary directory", path: directory, errno: problem,
                          message: String(cString: strerror(problem)))
            }
        }
        let output: OutputFile
        do {
            output = try OutputFile(path)
        } catch {
            throw .file(error)
        }
        output.handOver()
        let scratch: String
        if let directory = options.temporaryDirectory {
            scratch = directory
        } else {
            do {
                scratch = try output.scratchFolder()
            } catch {
                output.discard()
                throw .file(error)
            }
        }

        var settings = lxw_workbook_options()
        settings.constant_memory = options.constantMemory ? 1 : 0
        // libxlsxwriter copies `tmpdir`, so the C string only has to outlive this call.
        let workbook = withOptionalCString(scratch) { directory in
            settings.tmpdir = directory
            return workbook_new_opt(output.temporaryPath, &settings)
        }
        guard let workbook else {
            output.discard()
            throw .library(operation: "cannot start workbook '\(path)'",
                           code: LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue,
                           message: libraryMessage(LXW_ERROR_MEMORY_MALLOC_FAILED))
        }
        self.path = path
        self.options = options
        self.library = library
        self.output = output
        self.handle = workbook
        do {
            try properties.record(in: workbook, created: created)
        } catch {
            discard()
            throw error
        }
    }

    deinit { discard() }

    /// Writes a workbook with `body`, then closes it; any error thrown by `body` or by closing
    /// discards the workbook and is rethrown, so `path` is either the complete new file or untouched.
    public static func write<Result>(
        to path: String, properties: WorkbookProperties, options: WorkbookOptions = WorkbookOptions(),
        _ body: (WorkbookWriter) throws -> Result
    ) throws -> Result {
        let writer = try WorkbookWriter(path: path, properties: properties, options: options)
        do {
            let result = try body(writer)
            try writer.close()
            return result
        } catch {
            writer.discard()
            throw error
        }
    }

    /// True until `close()` or `discard()`.
    public var isOpen: Bool { handle != nil }

    /// Adds a worksheet. Names are checked as Excel checks them (31 characters, none of `[]:*?/\`,
    /// not starting or ending with an apostrophe, unique ignoring case).
    public func addWorksheet(named name: String) throws(WorkbookError) -> Worksheet {
        let workbook = try openHandle()
        try requirePlainText(name, "sheet name")
        try check(workbook_validate_sheet_name(workbook, name), "sheet name '\(name)'")
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            let cause = errno
            if options.constantMemory, Self.isFileErrno(cause) {
                throw .file(FileError.system(errno: cause, "write", path, written: true))
            }
            let code = options.constantMemory ? LXW_ERROR_CREATING_TMPFILE : LXW_ERROR_MEMORY_MALLOC_FAILED
            throw .library(operation: "cannot add sheet '\(name)'", code: code.rawValue, message: libraryMessage(code))
        }
        // libxlsxwriter quotes a name in its own print-title, filter and print-area formulas only
        // when it has a character other than ASCII letters, digits, `_` and `.`, so `FY2019` or
        // `2019` would go bare and read as a cell or a number: the one quoting rule instead (on 1.1.4,
        // whose handling of the field was read; another version quotes as it does).
        if library.isTheOneRead, let quoted = strdup(SheetNames.quoted(name)) {
            free(sheet.pointee.quoted_name)
            sheet.pointee.quoted_name = quoted
        }
        sheetHandles.append(sheet)
        sheetNames.append(name)
        return Worksheet(name: name, handle: sheet, workbook: self)
    }

    /// Names a range for use in formulas (`=SUM(Allocations)`); with `scope`, the name is local to
    /// that sheet, so each scenario sheet can have its own `Pot`.
    public func defineName(_ name: String, refersTo area: SheetArea, scope: String? = nil) throws(WorkbookError) {
        try defineName(name, formula: "=" + area.reference, scope: scope)
    }

    /// Names a formula or constant, e.g. `defineName("Pot", formula: "=Allocation!$B$2")`.
    public func defineName(_ name: String, formula: String, scope: String? = nil) throws(WorkbookError) {
        let workbook = try openHandle()
        try requireDefinedName(name)
        try requirePlainText(formula, "defined name formula")
        let text = formula.hasPrefix("=") ? formula : "=" + formula
        guard let scope else {
            try check(workbook_define_name(workbook, name, text), "defined name '\(name)'")
            return
        }
        guard let index = sheetNames.firstIndex(of: scope), index < sheetHandles.count else {
            throw .invalidArgument("defined name '\(name)': no sheet named '\(scope)'")
        }
        guard library.isTheOneRead else {
            // Not the libxlsxwriter whose lookup was read: its own documented form, and a plain
            // refusal if it cannot find the sheet that way.
            let shown = SheetNames.quoted(scope) + "!" + name
            let code = workbook_define_name(workbook, shown, text)
            guard code == LXW_NO_ERROR else {
                throw .invalidArgument("defined name '\(shown)': libxlsxwriter \(LibxlsxwriterVersion.text(library.library)) "
                    + "refused it (\(libraryMessage(code))); grantledger names sheets like '\(scope)' only with libxlsxwriter "
                    + "\(LibxlsxwriterVersion.text(LibxlsxwriterVersion.read)), or rename the scenario")
            }
            return
        }
        try defineLocalName(name, formula: text, on: sheetHandles[index], named: scope, in: workbook)
    }

    /// A name local to one sheet. libxlsxwriter 1.1.4 finds the sheet of `Sheet!Name` by cutting at
    /// the first `!` and comparing what is before it, apostrophes stripped from the ends but doubled
    /// ones left doubled, with each sheet's name: a sheet called `it's` or `PlanB!` is never found and
    /// the call fails as a "memory error". So for this one call the sheet answers to a stand-in that
    /// cuts cleanly (`:` is in no sheet's name, so no sheet really has it), then gets its own name
    /// back, and the name's entry in the file's part list (docProps/app.xml) is put right.
    private func defineLocalName(
        _ name: String, formula: String, on sheet: UnsafeMutablePointer<lxw_worksheet>, named sheetName: String,
        in workbook: UnsafeMutablePointer<lxw_workbook>
    ) throws(WorkbookError) {
        let standIn = "grantledger:\(sheet.pointee.index)"
        guard let standInName = strdup(standIn) else {
            throw .library(operation: "defined name '\(name)'", code: LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue,
                           message: libraryMessage(LXW_ERROR_MEMORY_MALLOC_FAILED))
        }
        let original = sheet.pointee.name
        sheet.pointee.name = standInName
        let code = workbook_define_name(workbook, standIn + "!" + name, formula)
        sheet.pointee.name = original
        free(standInName)
        let shown = SheetNames.quoted(sheetName) + "!" + name
        try check(code, "defined name '\(shown)'")
        var entry = workbook.pointee.defined_names?.pointee.tqh_first
        while let current = entry {
            let matches = current.pointee.index == Int16(sheet.pointee.index)
                && withUnsafeBytes(of: current.pointee.name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) } == name
            if matches {
                withUnsafeMutableBytes(of: &current.pointee.app_name) { slot in
                    let bytes = Array(shown.utf8)
                    guard bytes.count < slot.count else { return }
                    slot.copyBytes(from: bytes)
                    slot[bytes.count] = 0
                }
                return
            }
            entry = current.pointee.list_pointers.tqe_next
        }
    }

    /// Packages the workbook and renames it into place. The writer cannot be used afterwards.
    public func close() throws(WorkbookError) {
        guard let workbook = handle else { throw .closed }
        handle = nil
        formats.removeAll()
        // Rows streamed to scratch files in constant-memory mode: a write that failed (a full disk)
        // left the stream in error, which libxlsxwriter never looks at.
        var scratchError: Int32 = 0
        for sheet in sheetHandles where scratchError == 0 {
            scratchError = grantledger_xlsx_guard_check(sheet.pointee.optimize_tmpfile)
        }
        sheetHandles.removeAll()
        // workbook_close frees the workbook whether or not it succeeds. It packages the file on
        // this thread, at the level set here for this thread, with the guard armed on it.
        grantledger_xlsx_set_deflate_level(options.compression.deflateLevel)
        grantledger_xlsx_guard_arm()
        let code = workbook_close(workbook)
        let closeErrno = errno
        let packagingError = grantledger_xlsx_guard_disarm()
        grantledger_xlsx_set_deflate_level(-1)
        if scratchError != 0 || packagingError != 0 {
            output.discard()
            throw .file(FileError.system(errno: scratchError != 0 ? scratchError : packagingError, "write", path, written: true))
        }
        guard code == LXW_NO_ERROR else {
            output.discard()
            // A file or zip error whose cause the system named (a full disk, a refused reopen): the
            // cause's own code, not the library's.
            if Self.isFileError(code), Self.isFileErrno(closeErrno) {
                throw .file(FileError.system(errno: closeErrno, "write", path, written: true))
            }
            throw .library(operation: "cannot write workbook '\(path)'", code: code.rawValue,
                           message: libraryMessage(code))
        }
        do {
            try output.commit()
        } catch {
            throw .file(error)
        }
    }

    static func isFileError(_ code: lxw_error) -> Bool {
        [LXW_ERROR_CREATING_XLSX_FILE, LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE, LXW_ERROR_ZIP_FILE_OPERATION,
         LXW_ERROR_ZIP_FILE_ADD, LXW_ERROR_ZIP_CLOSE, LXW_ERROR_ZIP_INTERNAL_ERROR].contains(code)
    }

    static func isFileErrno(_ code: Int32) -> Bool {
        [ENOSPC, EDQUOT, EFBIG, EROFS, EACCES, EPERM, EIO].contains(code)
    }

    /// Abandons the workbook: frees it and removes the temporary file. Safe to call more than once.
    public func discard() {
        guard let workbook = handle else { return }
        handle = nil
        // lxw_workbook_free does not close the per-sheet scratch files of constant-memory mode
        // (workbook_close would have); close them here so an abandoned export leaks no descriptors.
        for sheet in sheetHandles {
            if let scratch = sheet.pointee.optimize_tmpfile {
                fclose(scratch)
                sheet.pointee.optimize_tmpfile = nil
                sheet.pointee.file = nil
            }
        }
        sheetHandles.removeAll()
        formats.removeAll()
        lxw_workbook_free(workbook)
        output.discard()
    }

    // MARK: - Internal, for Worksheet

    func openHandle() throws(WorkbookError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw .closed }
        return handle
    }

    /// The one libxlsxwriter format for `style`, created on first use; `nil` for the default look.
    func format(for style: CellStyle?) throws(WorkbookError) -> UnsafeMutablePointer<lxw_format>? {
        guard let style, style != .plain else { return nil }
        if let existing = formats[style] { return existing }
        let workbook = try openHandle()
        if let numberFormat = style.numberFormat { try requirePlainText(numberFormat, "number format") }
        guard let format = workbook_add_format(workbook) else {
            throw .library(operation: "cannot add cell format", code: LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue,
                           message: libraryMessage(LXW_ERROR_MEMORY_MALLOC_FAILED))
        }
        style.configure(format)
        formats[style] = format
        return format
    }

    /// `style`'s format, looked up once by a caller that writes many cells in it (a Spend column).
    func resolve(_ style: CellStyle?) throws(WorkbookError) -> CellFormat { CellFormat(pointer: try format(for: style)) }

    /// Adds an empty chart of `kind` to the workbook (it is placed on a sheet by the caller).
    func newChart(_ kind: ChartModel.Kind) throws(WorkbookError) -> UnsafeMutablePointer<lxw_chart> {
        let workbook = try openHandle()
        let type: lxw_chart_type
        switch kind {
        case .bar: type = LXW_CHART_BAR
        case .column: type = LXW_CHART_COLUMN
        case .line: type = LXW_CHART_LINE
        }
        guard let chart = workbook_add_chart(workbook, UInt8(type.rawValue)) else {
            throw .library(operation: "cannot add chart", code: LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue,
                           message: libraryMessage(LXW_ERROR_MEMORY_MALLOC_FAILED))
        }
        return chart
    }
}

/// A style already turned into its libxlsxwriter format by `WorkbookWriter.resolve`, for writing many
/// cells without hashing the style for each (`nil`: the default look). Valid until the writer closes.
struct CellFormat {
    let pointer: UnsafeMutablePointer<lxw_format>?
}

private func withOptionalCString<R>(_ text: String?, _ body: (UnsafeMutablePointer<CChar>?) -> R) -> R {
    guard let text else { return body(nil) }
    let copy = strdup(text)
    defer { free(copy) }
    return body(copy)
}
