import Foundation
import Testing
@testable import GrantLedgerCore

/// The one door for input files.
@Suite("Source files")
struct SourceFilesTests {
    @Test func aFileIsReadOnceHoweverItIsNamed() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("a.ledger", "account assets:bank\n")
        let sources = SourceFiles()
        let first = try sources.open(path, role: "ledger")
        let second = try sources.open(folder.path + "/./a.ledger", role: "ledger")
        #expect(first === second)
        #expect(sources.opened.count == 1)
        #expect(sources.file(atPath: path) === first)
    }

    @Test func theHashAndLinesAreOfTheBytesReadEvenIfTheFileChanges() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("a.ledger", "one\r\ntwo\n")
        let sources = SourceFiles()
        let file = try sources.open(path, role: "ledger")
        _ = try folder.write("a.ledger", "changed completely\n")
        #expect(file.sha256 == SourceFile(name: "x", text: "one\r\ntwo\n").sha256)
        #expect(try sources.open(path, role: "ledger").sha256 == file.sha256, "read once: never again")
        #expect(file.line(1) == "one" && file.line(2) == "two" && file.line(3) == nil)
        #expect(file.lineCount == 2)
    }

    @Test func replacedFilesReadFromMemory() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("a.ledger", "on disk\n")
        let sources = SourceFiles()
        _ = try sources.open(path, role: "ledger")
        sources.replace(path, with: Array("in memory\n".utf8))
        #expect(try sources.open(path, role: "ledger").line(1) == "in memory")
        #expect(sources.isReplaced(path))
        let missing = folder.path + "/new.ledger"
        sources.replace(missing, with: Array("new\n".utf8))
        #expect(try sources.open(missing, role: "ledger").line(1) == "new")
    }

    @Test func whatIsRefusedAndWhy() throws {
        let folder = try TemporaryFolder()
        let pipe = folder.path + "/pipe"
        #expect(mkfifo(pipe, 0o644) == 0)
        let big = try folder.write("big", String(repeating: "x", count: 1000))
        let sources = SourceFiles(policy: InputPolicy(maximumFileSize: 999))
        func code(_ path: String) -> DiagnosticCode? {
            do { _ = try sources.open(path, role: "test"); return nil } catch { return error.code }
        }
        #expect(code(pipe) == .notARegularFile)
        #expect(code("/dev/zero") == .notARegularFile)
        #expect(code(folder.path) == .notARegularFile)
        #expect(code(big) == .fileTooLarge)
        #expect(code(folder.path + "/missing") == .fileNotFound)
        #expect(SourceFiles(policy: InputPolicy(maximumFileSize: 1000)).opened.isEmpty)
        #expect(try SourceFiles(policy: InputPolicy(maximumFileSize: 1000)).open(big, role: "test").byteCount == 1000)
    }

    @Test(arguments: [
        ([0xFF, 0xFE, 0x61, 0x00], "UTF-16 (little-endian)"),
        ([0xFE, 0xFF, 0x00, 0x61], "UTF-16 (big-endian)"),
        ([0xFF, 0xFE, 0x00, 0x00], "UTF-32 (little-endian)"),
        ([0x00, 0x00, 0xFE, 0xFF], "UTF-32 (big-endian)"),
        ([0x61, 0x00, 0x62, 0x00], "UTF-16 (little-endian, no byte-order mark)"),
    ] as [([UInt8], String)])
    func otherEncodingsAreNamedAtLineOne(bytes: [UInt8], name: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("x.csv", Data(bytes + [0x0A, 0x00]))
        do {
            _ = try SourceFiles().open(path, role: "test")
            Issue.record("read as UTF-8")
        } catch {
            #expect(error.code == .badEncoding)
            #expect(error.message == "\(path) is in \(name), not UTF-8")
            #expect(error.diagnostic.location == SourceLocation(file: path, line: 1, column: 1))
        }
        #expect(Encoding.otherThanUTF8(Array("area,population\n".utf8)) == nil)
        #expect(Encoding.otherThanUTF8([0xEF, 0xBB, 0xBF, 0x61]) == nil)
    }

    @Test func linesSplitTheSameWhateverTheWindow() {
        // Lines that straddle the UTF-8 check's windows come out whole, with the right numbers.
        var text = ""
        for index in 0..<200_000 { text += index % 7 == 0 ? "café \(index)\r\n" : "line \(index)\n" }
        let file = SourceFile(name: "t", text: text)
        var count = 0
        var allValid = true
        file.forEachLine { line, number, valid in
            count += 1
            allValid = allValid && valid
            let expected = (number - 1) % 7 == 0 ? "café \(number - 1)" : "line \(number - 1)"
            if String(decoding: line, as: UTF8.self) != expected { Issue.record("line \(number)") }
            return true
        }
        #expect(count == 200_000 && allValid)
        #expect(file.lineCount == 200_000)
        // A byte-order mark is not part of the first line; a bad byte is not trusted.
        let marked = SourceFile(name: "m", bytes: [0xEF, 0xBB, 0xBF] + Array("a\nb".utf8) + [0xE9, 0x0A])
        var seen: [(String, Bool)] = []
        marked.forEachLine { line, _, valid in seen.append((String(decoding: line, as: UTF8.self), valid)); return true }
        #expect(seen.map(\.0) == ["a", "b\u{FFFD}"])
        #expect(seen.map(\.1) == [false, false])
        #expect(marked.line(1) == "a")
    }

    @Test func sizesAreReadAsPeopleWriteThem() {
        #expect(InputPolicy.parseSize("250M") == 250 << 20)
        #expect(InputPolicy.parseSize("4G") == 4 << 30)
        #expect(InputPolicy.parseSize("1048576") == 1 << 20)
        #expect(InputPolicy.parseSize("16g") == 16 << 30)
        for bad in ["", "G", "-1", "0", "4GB", "4GiB", "1.5G", "99999999999999999999T"] { #expect(InputPolicy.parseSize(bad) == nil, "\(bad)") }
        #expect(InputPolicy.describe(4 << 30) == "4 GiB")
        #expect(InputPolicy.describe(100) == "100 bytes")
        #expect(InputPolicy.describe(1536) == "1.5 KiB")
    }
}
