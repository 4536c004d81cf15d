import CXlsxWriter
import Foundation
import GrantLedgerCore
import Testing
@testable import GrantLedgerXlsx

/// A failed export must leave every file as it was: no half-written workbook, no stray temp file.
@Suite("All-or-nothing writes")
struct AtomicWriteTests {
    struct Abandoned: Error {}

    @Test("a missing directory fails at once and creates nothing")
    func missingDirectory() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("no-such-dir/committee.xlsx")
        #expect {
            _ = try WorkbookWriter(path: path, properties: SampleWorkbook.properties)
        } throws: { error in
            guard case let .file(problem)? = error as? WorkbookError else { return false }
            return problem.code == .fileNotFound && problem.message.contains("no such file or folder")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try scratch.contents().isEmpty)
    }

    @Test("an error while building keeps the previous workbook byte for byte")
    func failureKeepsPreviousFile() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("committee.xlsx")
        try SampleWorkbook.write(to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: Abandoned.self) {
            try WorkbookWriter.write(to: path, properties: SampleWorkbook.properties) { book in
                try book.addWorksheet(named: "Half").writeText("half done", at: CellRef(row: 0, column: 0))
                throw Abandoned()
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try scratch.contents() == ["committee.xlsx"])
    }

    @Test("a failure inside libxlsxwriter's close is reported with its message and leaves no workbook")
    func closeFailure() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("committee.xlsx")
        let writer = try WorkbookWriter(path: path, properties: SampleWorkbook.properties)
        try writer.addWorksheet(named: "S").writeText("x", at: CellRef(row: 0, column: 0))
        // Sabotage: put a directory where the reserved temporary file is, so libxlsxwriter's
        // fopen of it fails inside workbook_close.
        let reserved = try #require(try scratch.contents().first { $0.hasPrefix(".committee.xlsx.") && $0.hasSuffix(".tmp") })
        try FileManager.default.removeItem(atPath: scratch.file(reserved))
        try FileManager.default.createDirectory(atPath: scratch.file(reserved), withIntermediateDirectories: false)
        #expect(throws: WorkbookError.library(
            operation: "cannot write workbook '\(path)'", code: LXW_ERROR_CREATING_XLSX_FILE.rawValue,
            message: String(cString: lxw_strerror(LXW_ERROR_CREATING_XLSX_FILE)))) {
            try writer.close()
        }
        #expect(!writer.isOpen)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try scratch.contents() == [reserved])  // only the sabotage remains
    }

    @Test("an explicit temporary directory that is unusable is refused, not silently replaced by /tmp")
    func unusableTemporaryDirectory() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let options = WorkbookOptions(temporaryDirectory: scratch.file("missing-tmp"))
        #expect {
            _ = try WorkbookWriter(path: scratch.file("committee.xlsx"), properties: SampleWorkbook.properties,
                                   options: options)
        } throws: { error in
            guard case let .io(_, _, code, _)? = error as? WorkbookError else { return false }
            return code == ENOENT
        }
        #expect(try scratch.contents().isEmpty)
    }

    @Test("an existing temporary directory is used", arguments: [true, false])
    func usableTemporaryDirectory(constantMemory: Bool) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.file("tmp"), withIntermediateDirectories: false)
        let options = WorkbookOptions(constantMemory: constantMemory, temporaryDirectory: scratch.file("tmp"))
        try SampleWorkbook.write(to: scratch.file("committee.xlsx"), options: options)
        #expect(try scratch.contents() == ["committee.xlsx", "tmp"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.file("tmp")).isEmpty)
    }

    @Test("a writer dropped without close leaves nothing behind")
    func droppedWriter() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        do {
            let writer = try WorkbookWriter(path: scratch.file("committee.xlsx"), properties: SampleWorkbook.properties)
            let sheet = try writer.addWorksheet(named: "S")
            try sheet.writeText("never saved", at: CellRef(row: 0, column: 0))
            // The reserved temporary file, and the folder for libxlsxwriter's scratch files.
            #expect(try scratch.contents().map { $0.split(separator: ".").last ?? "" }.sorted() == ["scratch", "tmp"])
        }
        #expect(try scratch.contents().isEmpty)
    }

    @Test("a directory at the destination is refused, not replaced")
    func directoryAtDestination() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("committee.xlsx")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        #expect(throws: WorkbookError.self) {
            _ = try WorkbookWriter(path: path, properties: SampleWorkbook.properties)
        }
        #expect(try scratch.contents() == ["committee.xlsx"])
    }

    @Test("success leaves exactly the workbook, with ordinary new-file permissions")
    func successLeavesOnlyTheFile() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("committee.xlsx")
        try SampleWorkbook.write(to: path)
        #expect(try scratch.contents() == ["committee.xlsx"])
        let reference = scratch.file("reference")
        #expect(FileManager.default.createFile(atPath: reference, contents: nil))
        let mode = { (p: String) in
            (try FileManager.default.attributesOfItem(atPath: p)[.posixPermissions] as? NSNumber)?.intValue
        }
        #expect(try mode(path) == mode(reference))
    }

    @Test("a relative path in the working directory has its temporary file beside it")
    func splitPaths() {
        #expect(FilePaths.split("book.xlsx") == (".", "book.xlsx"))
        #expect(FilePaths.split("out/book.xlsx") == ("out", "book.xlsx"))
        #expect(FilePaths.split("/book.xlsx") == ("/", "book.xlsx"))
    }
}
