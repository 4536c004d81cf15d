import Foundation
import Testing
@testable import GrantLedgerCore

/// Ledgers spread over real files: includes, folders, and each file read once.
@Suite("Reading files")
struct FileReadingTests {
    static let accounts = """
        account assets:bank
        account expenses:cctv

        """

    static func transaction(_ date: String, _ description: String, _ pence: String = "£1.00") -> String {
        """
        \(date) \(description)
            expenses:cctv  \(pence)
            assets:bank

        """
    }

    @Test func includeReadsTheOtherFileAtThatPoint() throws {
        let folder = try TemporaryFolder()
        try folder.write("main.ledger", """
            include accounts.ledger          ; relative to this file
            \(Self.transaction("2022-01-01", "before"))
            include sub/more.ledger
            \(Self.transaction("2022-01-03", "after"))
            """)
        try folder.write("accounts.ledger", Self.accounts)
        try folder.write("sub/more.ledger", "include deeper.ledger\n" + Self.transaction("2022-01-02", "included"))
        try folder.write("sub/deeper.ledger", Self.transaction("2022-01-02", "deeper"))
        let main = folder.path + "/main.ledger"
        let (ledger, diagnostics) = LedgerLoader.load(paths: [main])
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
        #expect(ledger.transactions.map(ledger.description(of:)) == ["before", "deeper", "included", "after"])
        #expect(ledger.files == [main, folder.path + "/accounts.ledger", folder.path + "/sub/more.ledger",
                                 folder.path + "/sub/deeper.ledger"])
        #expect(ledger.transactions.map { ledger.location(of: $0).file } == [main, folder.path + "/sub/deeper.ledger",
                                                             folder.path + "/sub/more.ledger", main])
        // Lines count within each file.
        #expect(ledger.transactions.map { ledger.location(of: $0).line } == [2, 1, 2, 7])
    }

    @Test func aMissingIncludeIsLocatedAtTheIncludeLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("main.ledger", Self.accounts + "include  nowhere.ledger   ; gone\n")
        let main = folder.path + "/main.ledger"
        let diagnostics = LedgerLoader.load(paths: [main]).diagnostics
        #expect(diagnostics.codes == [.includeNotFound])
        let problem = try #require(diagnostics.first)
        #expect(problem.location == GrantLedgerCore.SourceLocation(file: main, line: 3, column: 10))
        #expect(problem.length == "nowhere.ledger".utf8.count)
        #expect(problem.message == "cannot read nowhere.ledger")
    }

    @Test func includeCyclesAreReportedAndDoNotLoop() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.ledger", Self.accounts + "include b.ledger\n" + Self.transaction("2022-01-01", "in a"))
        try folder.write("b.ledger", "include ./a.ledger\n" + Self.transaction("2022-01-02", "in b"))
        try folder.write("self.ledger", "include self.ledger\n")
        let (ledger, diagnostics) = LedgerLoader.load(paths: [folder.path + "/a.ledger", folder.path + "/self.ledger"])
        #expect(diagnostics.codes == [.includeCycle, .includeCycle])
        let cycle = try #require(diagnostics.first { $0.location?.file.hasSuffix("b.ledger") == true })
        #expect(cycle.hint == "chain: a.ledger → b.ledger → a.ledger")
        #expect(cycle.location?.line == 1)
        #expect(ledger.transactions.map(ledger.description(of:)) == ["in b", "in a"])
    }

    @Test func aFolderIsReadInPathOrderAndEachFileOnce() throws {
        let folder = try TemporaryFolder()
        try folder.write("ledgers/2-spend/b.ledger", Self.transaction("2022-01-02", "2-spend/b"))
        try folder.write("ledgers/2-spend/a.ledger", Self.transaction("2022-01-01", "2-spend/a"))
        try folder.write("ledgers/1-accounts.ledger", Self.accounts + "include 3-shared.ledger\n")
        try folder.write("ledgers/3-shared.ledger", Self.transaction("2022-01-03", "3-shared"))
        try folder.write("ledgers/notes.txt", "not a ledger")
        try folder.write("ledgers/2-spend.ledger", Self.transaction("2022-01-04", "2-spend.ledger"))
        let root = folder.path + "/ledgers"
        // The folder, then a file in it again, then the folder again: each file is read once.
        let (ledger, diagnostics) = LedgerLoader.load(paths: [root, root + "/2-spend/a.ledger", root + "/"])
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
        #expect(ledger.transactions.map(ledger.description(of:)) == ["3-shared", "2-spend.ledger", "2-spend/a", "2-spend/b"])
        #expect(ledger.files.map { String($0.dropFirst(root.count + 1)) }
            == ["1-accounts.ledger", "3-shared.ledger", "2-spend.ledger", "2-spend/a.ledger", "2-spend/b.ledger"])
    }

    @Test func aPathThatDoesNotExist() throws {
        let folder = try TemporaryFolder()
        let missing = folder.path + "/missing.ledger"
        let diagnostics = LedgerLoader.load(paths: [missing]).diagnostics
        #expect(diagnostics.codes == [.fileNotFound])
        #expect(diagnostics.first?.location == nil)
        #expect(diagnostics.first?.message == "no such file or folder: \(missing)")
        #expect(ExitStatus(diagnostics) == .badInput)
    }

    @Test func includingAFolderIsALocatedError() throws {
        let folder = try TemporaryFolder()
        try folder.write("sub/a.ledger", "account assets:bank\n")
        let main = try folder.write("main.ledger", "include sub\n")
        let diagnostics = LedgerLoader.load(paths: [main]).diagnostics
        #expect(diagnostics.codes == [.includeNotFound])
        #expect(diagnostics.first?.message == "cannot include sub: it is a folder")
        #expect(diagnostics.first?.location == GrantLedgerCore.SourceLocation(file: main, line: 1, column: 9))
    }

    @Test func anEmptyFolderIsCleanAndEmpty() throws {
        let folder = try TemporaryFolder()
        let (ledger, diagnostics) = LedgerLoader.load(paths: [folder.path])
        #expect(diagnostics.isEmpty)
        #expect(ledger.files.isEmpty)
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstLine() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("bom.ledger", Data([0xEF, 0xBB, 0xBF] + Array("funder ho  Home Office\n".utf8)))
        let (ledger, diagnostics) = LedgerLoader.load(paths: [path])
        #expect(diagnostics.isEmpty)
        #expect(ledger.funders.map(\.id) == ["ho"])
        #expect(LedgerText.load("\u{FEFF}funder ho  Home Office\n").ledger.funders.map(\.id) == ["ho"])
        // Only at the very start: elsewhere it is a stray character.
        #expect(LedgerText.codes("funder a  A\n\u{FEFF}funder ho  Home Office\n") == [.unknownDirective])
    }

    @Test func includeFromTextIsReported() {
        let diagnostics = LedgerText.load("include other.ledger\n").diagnostics
        #expect(diagnostics.codes == [.includeNotFound])
        #expect(diagnostics.first?.location?.column == 9)
    }

    @Test func includeNeedsAName() {
        #expect(LedgerText.codes("include\n") == [.badSyntax])
        #expect(LedgerText.codes("include   ; nothing\n") == [.badSyntax])
    }

    @Test func filesWithCRLFAndNoFinalNewline() throws {
        let folder = try TemporaryFolder()
        let text = Self.accounts + Self.transaction("2022-01-01", "crlf") + "2022-01-02 last\n    expenses:cctv  £2.00\n    assets:bank"
        let path = try folder.write("crlf.ledger", text.replacingOccurrences(of: "\n", with: "\r\n"))
        let (ledger, diagnostics) = LedgerLoader.load(paths: [path])
        #expect(diagnostics.isEmpty)
        #expect(ledger.transactions.map(ledger.description(of:)) == ["crlf", "last"])
        #expect(ledger.postings.map(\.amount.pence) == [100, -100, 200, -200])
    }

    /// A file larger than the UTF-8 validation window, so lines cross window boundaries (including a CRLF
    /// split between two windows).
    @Test func linesThatCrossChunkBoundaries() throws {
        let folder = try TemporaryFolder()
        var text = Self.accounts.replacingOccurrences(of: "\n", with: "\r\n")
        var count = 0
        while text.utf8.count < SourceFile.validationWindow + 200_000 {
            count += 1
            text += "2022-01-01 entry \(count)\r\n    expenses:cctv  £\(count).\(count % 10)7\r\n    assets:bank\r\n\r\n"
        }
        let path = try folder.write("big.ledger", text)
        let (ledger, diagnostics) = LedgerLoader.load(paths: [path])
        #expect(diagnostics.isEmpty, "\(diagnostics.prefix(3))")
        #expect(ledger.transactions.count == count)
        #expect(ledger.transactions.last.map(ledger.description(of:)) == "entry \(count)")
        let fromText = LedgerText.load(text)
        #expect(fromText.ledger.postings.map(\.amount) == ledger.postings.map(\.amount))
    }

    @Test func theSameFileNamedTwiceIsReadOnce() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("a.ledger", Self.accounts + Self.transaction("2022-01-01", "once"))
        let (ledger, diagnostics) = LedgerLoader.load(paths: [path, path, folder.path + "/./a.ledger"])
        #expect(diagnostics.isEmpty)
        #expect(ledger.transactions.count == 1)
        #expect(ledger.files == [path])
    }
}

/// A line that is not UTF-8 is reported once; what it held is lost, but nothing else is reported
/// because of it.
@Suite("Reading badly encoded lines")
struct BadEncodingTests {
    static func load(_ bytes: [UInt8]) throws -> [Diagnostic] {
        let folder = try TemporaryFolder()
        let path = try folder.write("bad.ledger", Data(bytes))
        return LedgerLoader.load(paths: [path]).diagnostics
    }

    static let accounts = Array("account assets:bank\naccount expenses:cctv\n".utf8)

    @Test func aBadTransactionHeaderSkipsItsPostings() throws {
        let bytes = Self.accounts + Array("2022-10-31 Caf".utf8) + [0xE9] + Array(" Nero\n    expenses:cctv  £1.00\n    assets:bank\n".utf8)
        let diagnostics = try Self.load(bytes)
        #expect(diagnostics.codes == [.badEncoding])
        #expect(diagnostics.first?.location?.column == 15)
    }

    @Test func aBadPostingDoesNotLeaveTheTransactionUnbalanced() throws {
        let bytes = Self.accounts + Array("2022-10-31 Shop\n    expenses:cctv  ".utf8) + [0xA3] + Array("1.00\n    assets:bank  -£1.00\n".utf8)
        #expect(try Self.load(bytes).codes == [.badEncoding])
    }

    @Test func aBadPostingDoesNotAttachToThePreviousTransaction() throws {
        let bytes = Self.accounts + Array("2022-10-30 Fine\n    expenses:cctv  £1.00\n    assets:bank\n".utf8)
            + [0x31, 0x39, 0xE9] + Array("\n    expenses:cctv  £5.00\n    assets:bank\n".utf8)
        #expect(try Self.load(bytes).codes == [.badEncoding])
    }

    @Test func aBadFieldIsNotAlsoMissing() throws {
        let bytes = Array("funder f  F\ngrant g  G\n  funder  f\n  period  2019-20\n  award   ".utf8) + [0xA3] + Array("10.00\n".utf8)
        #expect(try Self.load(bytes).codes == [.badEncoding])
    }

    @Test func aBadDeclarationHeaderSkipsItsFields() throws {
        let bytes = Array("area caf".utf8) + [0xE9] + Array("  Caf\n  type  district\n  within  x\n".utf8)
        #expect(try Self.load(bytes).codes == [.badEncoding])
    }

    @Test(arguments: [[0xFF] as [UInt8], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF5, 0x80, 0x80, 0x80]])
    func invalidSequences(_ sequence: [UInt8]) throws {
        let bytes = Array("; £ is fine: ".utf8) + sequence + Array(" is not\n".utf8)
        let diagnostics = try Self.load(bytes)
        #expect(diagnostics.codes == [.badEncoding])
        #expect(diagnostics.first?.location?.column == "; £ is fine: ".utf8.count + 1)
    }
}
