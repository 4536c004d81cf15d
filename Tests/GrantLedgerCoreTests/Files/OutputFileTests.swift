import Foundation
import Testing
@testable import GrantLedgerCore

/// The one door for output files, at the level of the library (the command-line tests try it on
/// devices, a full disk and killed runs).
@Suite("Output files")
struct OutputFileTests {
    static func listing(_ folder: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func allOrNothing() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("out.txt", "old")
        #expect(throws: FileError.self) {
            try OutputFile.write(to: path) { (sink: inout OutputSink) throws(FileError) in
                sink.write("half of the new content")
                throw FileError(.writeFailed, "stopped", hint: "")
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try Self.listing(folder) == ["out.txt"])
        try OutputFile.write(to: path) { sink in sink.write("new") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try Self.listing(folder) == ["out.txt"])
    }

    /// A refusal asked for just before the rename (an import's: the ledger changed meanwhile) leaves
    /// the destination as it was and no temporary file; asked and not refusing, the file is written.
    @Test func aRefusalBeforeTheRenameLeavesTheFileAsItWas() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("out.txt", "old")
        var asked = 0
        let refusal = FileError(.writeFailed, "changed meanwhile", hint: "")
        #expect(throws: FileError.self) {
            try OutputFile.write(to: path, unless: { asked += 1; return refusal }) { sink in sink.write("new") }
        }
        #expect(asked == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try Self.listing(folder) == ["out.txt"])
        try OutputFile.write(to: path, unless: { nil }) { sink in sink.write("new") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    }

    @Test func aDiscardedOrDroppedFileLeavesNothing() throws {
        let folder = try TemporaryFolder()
        do {
            let file = try OutputFile(folder.path + "/a.xlsx")
            try file.write(Array("x".utf8))
            file.discard()
        }
        do { _ = try OutputFile(folder.path + "/b.xlsx") }
        #expect(try Self.listing(folder).isEmpty)
    }

    @Test func whatIsRefused() throws {
        let folder = try TemporaryFolder()
        func code(_ path: String) -> DiagnosticCode? {
            do { _ = try OutputFile(path); return nil } catch { return error.code }
        }
        #expect(code(folder.path) == .notARegularFile)
        #expect(code(folder.path + "/") == .notARegularFile)
        #expect(code("") == .notARegularFile)
        #expect(code(folder.path + "/missing/x.txt") == .fileNotFound)
        let loop = folder.path + "/loop"
        #expect(symlink("loop", loop) == 0)
        #expect(code(loop) == .notARegularFile)
    }

    @Test func aDanglingSymlinkIsWrittenThrough() throws {
        let folder = try TemporaryFolder()
        let link = folder.path + "/link.txt"
        #expect(symlink("target.txt", link) == 0)
        try OutputFile.write(to: link) { sink in sink.write("through") }
        #expect(try String(contentsOfFile: folder.path + "/target.txt", encoding: .utf8) == "through")
        var info = stat()
        #expect(lstat(link, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
    }

    @Test(arguments: [
        (ENOSPC, DiagnosticCode.diskFull), (EDQUOT, .quotaExceeded), (EFBIG, .fileSizeLimit), (EROFS, .readOnlyFileSystem),
        (EACCES, .permissionDenied), (EPERM, .permissionDenied), (EIO, .writeFailed), (ENOENT, .fileNotFound),
    ] as [(Int32, DiagnosticCode)])
    func eachCauseHasItsOwnCode(errno: Int32, code: DiagnosticCode) {
        let error = FileError.system(errno: errno, "write", "out/x.xlsx", written: true)
        #expect(error.code == code)
        #expect(error.message.hasPrefix("cannot write out/x.xlsx"))
        #expect(error.hint.hasSuffix("no file was changed") || code == .fileNotFound)
    }
}
