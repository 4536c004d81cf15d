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

    @Test(arguments: [1, 3, 7, 16, 64, 4 << 20])
    func linesSplitTheSameWhateverTheWindow(window: Int) {
        // Lines that straddle the UTF-8 check's windows (a "é" cut in two by one, a line longer than
        // one) come out whole, with the right numbers; a line is trusted as valid only when its
        // window was checked whole.
        var text = ""
        for index in 0..<2_000 { text += index % 7 == 0 ? "café \(index)\r\n" : "line \(index) " + String(repeating: "x", count: index % 90) + "\n" }
        let file = SourceFile(name: "t", text: text)
        var count = 0
        file.forEachLine(window: window) { line, number, valid in
            count += 1
            let index = number - 1
            let expected = index % 7 == 0 ? "café \(index)" : "line \(index) " + String(repeating: "x", count: index % 90)
            if String(decoding: line, as: UTF8.self) != expected { Issue.record("line \(number) with window \(window)") }
            if valid && !line.isValidUTF8 { Issue.record("line \(number) trusted but invalid") }
            return true
        }
        #expect(count == 2_000)
        #expect(file.lineCount == 2_000)
        var trusted = 0
        file.forEachLine { _, _, valid in trusted += valid ? 1 : 0; return true }
        #expect(trusted == 2_000, "with the real window every line of valid text is trusted")
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

    @Test func theReaderKeepsAtMostTheLimitOfProblemsSplitOrNot() throws {
        var text = "account assets:bank\naccount expenses:cctv\n\n"
        for index in 0..<5_000 { text += "2022-13-\(String(format: "%02d", index % 28 + 1)) entry\n    expenses:cctv  £1.00\n    assets:bank\n\n" }
        let folder = try TemporaryFolder()
        let path = try folder.write("bad.ledger", text)
        let sources = SourceFiles(policy: InputPolicy(maximumProblems: 40))
        let one = LedgerReader.read(paths: [path], sources: sources, splitting: FileSplitting(minimumSize: .max, maximumRanges: 1, blockSize: 64))
        let split = LedgerReader.read(paths: [path], sources: SourceFiles(policy: InputPolicy(maximumProblems: 40)),
                                      splitting: FileSplitting(minimumSize: 1, maximumRanges: 4, blockSize: 64))
        for (name, diagnostics) in [("one pass", one.diagnostics), ("split", split.diagnostics)] {
            #expect(diagnostics.count <= 41, "\(name): \(diagnostics.count) kept")
            #expect(diagnostics.reduce(0) { $0 + $1.weight } == 5_000, "\(name): every problem counted")
            #expect(diagnostics.filter { $0.omitted > 0 }.map(\.code) == [.impossibleDate], "\(name)")
        }
        #expect(one.diagnostics.prefix(40).map(\.location) == split.diagnostics.prefix(40).map(\.location))
    }

    @Test func errorsAreShownBeforeFindingsPastTheLimit() {
        let findings = (1...600).map { Diagnostic(.lineOverspent, "f", at: SourceLocation(file: "a.ledger", line: $0, column: 1)) }
        let error = Diagnostic(.badDate, "e", at: SourceLocation(file: "z.ledger", line: 1, column: 1))
        let shown = DiagnosticLog.limited(findings + [error], to: 500)
        #expect(shown.first == error)
        #expect(shown.filter { $0.omitted == 0 }.count == 500)
        #expect(shown.summary == "1 error, 600 findings")
        #expect(ExitStatus(shown) == .badInput)
    }

    @Test func aSymlinkedLedgerIncludesBesideTheLinkAndNotBeyondTheTree() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("shared/main.ledger", "include accounts.ledger\ninclude ../outside.ledger\n")
        _ = try folder.write("shared/accounts.ledger", "account assets:bank\n")
        _ = try folder.write("books/accounts.ledger", "account assets:bank\n")
        _ = try folder.write("outside.ledger", "account income:x\n")
        #expect(symlink(folder.path + "/shared/main.ledger", folder.path + "/books/main.ledger") == 0)
        let (_, diagnostics) = LedgerReader.read(paths: [folder.path + "/books/main.ledger"])
        // accounts.ledger beside the link is read; ../outside.ledger is beyond both the link's and
        // its target's folders.
        #expect(diagnostics.map(\.code) == [.includeOutsideTree], "\(diagnostics)")
        #expect(diagnostics.first?.location?.line == 2)
    }

    @Test func aFileKnowsWhetherItChangedOnDiskSinceItWasRead() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("a.ledger", "one\n")
        let file = try SourceFiles().open(path, role: "ledger")
        #expect(file.isUnchangedOnDisk)
        Thread.sleep(forTimeInterval: 0.01)
        _ = try folder.write("a.ledger", "one\ntwo\n")
        #expect(!file.isUnchangedOnDisk)
    }

    @Test func everyReaderKeepsAtMostTheLimitOfProblems() {
        func bounded(_ diagnostics: [Diagnostic], _ total: Int, _ what: String) {
            #expect(diagnostics.filter { $0.omitted == 0 }.count == InputPolicy.defaultMaximumProblems, "\(what)")
            #expect(diagnostics.reduce(0) { $0 + $1.weight } == total, "\(what): every problem counted")
        }
        let rows = 3_000
        let area = AreaTable.parse(Array(("area,population\n" + (0..<rows).map { "A\($0),1,2\n" }.joined()).utf8), file: "a.csv")
        bounded(area.1, rows, "area data")
        let scenario = ScenarioFile.parse(Array(("scenario s  S\n" + String(repeating: "  bogus x\n", count: rows)).utf8), file: "s.scenario")
        bounded(scenario.1, rows, "scenario")
        let rules = ImportRulesReader.read(text: String(repeating: "bogus x\n", count: rows))
        #expect(rules.diagnostics.filter { $0.omitted == 0 }.count <= InputPolicy.defaultMaximumProblems)
        #expect(rules.diagnostics.reduce(0) { $0 + $1.weight } >= rows)
    }
}
