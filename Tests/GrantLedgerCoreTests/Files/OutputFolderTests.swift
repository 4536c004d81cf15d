import Foundation
import Testing
@testable import GrantLedgerCore

/// The one door for a new folder of files (`init`'s books): all or nothing, never over or beside
/// anything already there.
@Suite("Output folders")
struct OutputFolderTests {
    static let files: [(name: String, bytes: [UInt8])] = [("a.ledger", Array("; a\n".utf8)), ("b.ledger", Array("; b\n".utf8))]

    static func listing(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    static func code(_ destination: String, _ files: [(name: String, bytes: [UInt8])] = files) -> DiagnosticCode? {
        do {
            try OutputFolder.create(destination, files: files)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func aNewFolderIsCreatedWithEveryFileAndNothingBeside() throws {
        let folder = try TemporaryFolder()
        try OutputFolder.create(folder.path + "/books/", files: Self.files)
        #expect(try Self.listing(folder.path) == ["books"])
        #expect(try Self.listing(folder.path + "/books") == ["a.ledger", "b.ledger"])
        #expect(try String(contentsOfFile: folder.path + "/books/b.ledger", encoding: .utf8) == "; b\n")
    }

    @Test func anEmptyFolderIsFilledAndKeepsItsPlace() throws {
        let folder = try TemporaryFolder()
        let books = folder.path + "/books"
        try FileManager.default.createDirectory(atPath: books, withIntermediateDirectories: false)
        let before = try FileManager.default.attributesOfItem(atPath: books)[.systemFileNumber] as? Int
        try OutputFolder.create(books, files: Self.files)
        #expect(try Self.listing(books) == ["a.ledger", "b.ledger"])
        // The same folder, not a new one renamed over it: a shell standing in it still sees the files.
        #expect(try FileManager.default.attributesOfItem(atPath: books)[.systemFileNumber] as? Int == before)
    }

    @Test func aFolderHoldingAnythingIsRefusedUntouched() throws {
        let folder = try TemporaryFolder()
        try folder.write("books/notes.txt", "mine")
        try folder.write("hidden/.git/HEAD", "ref")
        #expect(Self.code(folder.path + "/books") == .folderNotEmpty)
        #expect(Self.code(folder.path + "/hidden") == .folderNotEmpty)
        #expect(try Self.listing(folder.path + "/books") == ["notes.txt"])
        #expect(try Self.listing(folder.path + "/hidden") == [".git"])
        #expect(try String(contentsOfFile: folder.path + "/books/notes.txt", encoding: .utf8) == "mine")
    }

    @Test func aFileAPipeOrAFileInPlaceOfTheParentIsNotAFolder() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("main.ledger", "; mine\n")
        #expect(mkfifo(folder.path + "/pipe", 0o600) == 0)
        #expect(Self.code(file) == .notAFolder)
        #expect(Self.code(folder.path + "/pipe") == .notAFolder)
        #expect(Self.code(file + "/books") == .notAFolder)
        #expect(Self.code("") == .notAFolder)
        #expect(symlink("loop", folder.path + "/loop") == 0)
        #expect(Self.code(folder.path + "/loop") == .notAFolder)
        #expect(Self.code(folder.path + "/missing/books") == .fileNotFound)
        #expect(try Self.listing(folder.path) == ["loop", "main.ledger", "pipe"])
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "; mine\n")
    }

    @Test func aFailurePartWayLeavesNothing() throws {
        let folder = try TemporaryFolder()
        // The second file cannot be written (its folder does not exist): the first must go too.
        let failing = Self.files + [(name: "missing/c.ledger", bytes: Array("; c\n".utf8))]
        #expect(Self.code(folder.path + "/books", failing) == .fileNotFound)
        #expect(try Self.listing(folder.path).isEmpty)
        try FileManager.default.createDirectory(atPath: folder.path + "/empty", withIntermediateDirectories: false)
        #expect(Self.code(folder.path + "/empty", failing) == .fileNotFound)
        #expect(try Self.listing(folder.path + "/empty").isEmpty)
    }

    @Test func theErrorNamesTheFileWhereItWillBeFound() throws {
        let folder = try TemporaryFolder()
        do {
            try OutputFolder.create(folder.path + "/books", files: [(name: "x/a.ledger", bytes: [])])
            Issue.record("the write should fail")
        } catch {
            #expect(error.message.contains(folder.path + "/books/x/a.ledger"), "\(error.message)")
            #expect(!error.message.contains(".tmp"), "\(error.message)")
        }
    }

    @Test func aKilledRunsTemporaryFolderIsRemovedByTheNext() throws {
        let folder = try TemporaryFolder()
        let leftover = folder.path + "/.books.grantledger-999999-abc.tmp"
        try folder.write(".books.grantledger-999999-abc.tmp/a.ledger", "; half")
        try OutputFolder.create(folder.path + "/books", files: Self.files)
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(try Self.listing(folder.path) == ["books"])
        // Inside an empty folder, a killed run's temporary folder does not make it "not empty".
        try folder.write("empty/.empty.grantledger-999999-abc.tmp/a.ledger", "; half")
        try OutputFolder.create(folder.path + "/empty", files: Self.files)
        #expect(try Self.listing(folder.path + "/empty") == ["a.ledger", "b.ledger"])
    }

    @Test func aTemporaryFolderStillInUseIsLeftAndCounts() throws {
        let folder = try TemporaryFolder()
        try folder.write("empty/.empty.grantledger-1-abc.tmp/a.ledger", "; being written")
        let held = open(folder.path + "/empty/.empty.grantledger-1-abc.tmp", O_RDONLY | O_DIRECTORY)
        #expect(held >= 0)
        defer { close(held) }
        #expect(flock(held, LOCK_EX | LOCK_NB) == 0)
        #expect(Self.code(folder.path + "/empty") == .folderNotEmpty)
        #expect(try Self.listing(folder.path + "/empty") == [".empty.grantledger-1-abc.tmp"])
    }

    @Test func aSymlinkIsWrittenThroughAndStaysALink() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/target", withIntermediateDirectories: false)
        #expect(symlink("target", folder.path + "/link") == 0)
        try OutputFolder.create(folder.path + "/link", files: Self.files)
        #expect(try Self.listing(folder.path + "/target") == ["a.ledger", "b.ledger"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path + "/link") == "target")
        // A dangling link: its target is created, as OutputFile writes a dangling link's target.
        #expect(symlink("new", folder.path + "/dangling") == 0)
        try OutputFolder.create(folder.path + "/dangling", files: Self.files)
        #expect(try Self.listing(folder.path + "/new") == ["a.ledger", "b.ledger"])
    }
}
