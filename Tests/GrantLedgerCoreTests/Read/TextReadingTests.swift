import Foundation
import Testing
@testable import GrantLedgerCore

/// The ledger reader holds every line to the text rule: what it keeps can be written to any cell of
/// a workbook. The character is found where it is, in one pass and in ranges alike.
@Suite("Text the ledger reader refuses")
struct TextReadingTests {
    static let accounts = "account assets:bank\naccount expenses:cctv\n\n"

    static func posting(_ header: String, _ tags: String = "") -> String {
        "\(header)\n    expenses:cctv  £1.00\(tags)\n    assets:bank\n\n"
    }

    static func read(_ text: String) -> [Diagnostic] { LedgerText.read(text).diagnostics }

    @Test(arguments: [0x00, 0x01, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F])
    func aControlCharacterInADescriptionIsLocatedAtItsColumn(byte: Int) throws {
        let text = Self.accounts + Self.posting("2022-06-01 CCTV\(String(UnicodeScalar(UInt8(byte)))) at the market")
        let diagnostics = Self.read(text)
        #expect(diagnostics.codes == [.badText])
        let problem = try #require(diagnostics.first)
        #expect(problem.location == GrantLedgerCore.SourceLocation(file: "test.ledger", line: 4, column: 16))
        #expect(problem.message.hasPrefix("this line contains the control character U+00"))
    }

    @Test func aLoneCarriageReturnInsideALineIsRefusedButCRLFLineEndsAreNot() throws {
        let crlf = (Self.accounts + Self.posting("2022-06-01 CCTV")).replacingOccurrences(of: "\n", with: "\r\n")
        #expect(Self.read(crlf).isEmpty)
        let lone = Self.read(Self.accounts + Self.posting("2022-06-01 CCTV\rand lighting"))
        #expect(lone.codes == [.badText])
        #expect(lone.first?.location?.column == 16)
    }

    @Test func nonCharactersInATagOrADeclarationAreRefused() throws {
        let text = Self.accounts + "grant ss4  Safer Streets\u{FFFF}\n  funder  ho\n\n"
            + Self.posting("2022-06-01 CCTV", "  ; supplier:Oak\u{FFFE} Tree")
        let diagnostics = Self.read(text)
        let located = diagnostics.filter { $0.code == .badText }.compactMap(\.location)
        #expect(located == [GrantLedgerCore.SourceLocation(file: "test.ledger", line: 4, column: 25),
                            GrantLedgerCore.SourceLocation(file: "test.ledger", line: 8, column: 42)])
    }

    @Test func aTabIsText() {
        #expect(Self.read(Self.accounts + Self.posting("2022-06-01 CCTV\tand lighting")).isEmpty)
    }

    @Test(arguments: ["description", "ref", "supplier", "recipient"])
    func textLongerThanACellIsRefusedAtItsStart(field: String) throws {
        let long = String(repeating: "x", count: 40_000)
        let text: String
        let column: Int
        switch field {
        case "description":
            text = Self.accounts + Self.posting("2022-06-01 \(long)"); column = 12
        case "recipient":
            text = Self.accounts + "grant ss4  Safer Streets\n  recipient  \(long)\n\n"; column = 14
        default:
            text = Self.accounts + Self.posting("2022-06-01 CCTV", "  ; \(field):\(long)"); column = 31 + field.utf8.count
        }
        let problem = try #require(Self.read(text).first(.badText))
        #expect(problem.message.contains("40000 characters long"), "\(problem.message)")
        #expect(problem.location?.column == column)
        #expect(problem.length == 40_000)
    }

    @Test func textOfExactlyACellIsKept() {
        let text = Self.accounts + Self.posting("2022-06-01 \(String(repeating: "é", count: TextRule.maxCellUnits))")
        #expect(Self.read(text).isEmpty)
    }

    @Test func theSplitReaderFindsTheSameCharactersAtTheSameColumns() throws {
        var text = Self.accounts
        for day in 1...60 { text += Self.posting("2022-06-\(String(format: "%02d", day % 28 + 1)) Spend \(day)") }
        text += Self.posting("2022-07-01 Late\u{1}spend")
        for day in 1...60 { text += Self.posting("2022-08-\(String(format: "%02d", day % 28 + 1)) Spend \(day)") }
        text += Self.posting("2022-09-01 Later", "  ; ref:\u{FFFE}")
        let folder = try TemporaryFolder()
        let path = try folder.write("split.ledger", text)
        let one = LedgerReader.read(paths: [path], splitting: SplitReadingTests.oneRange).diagnostics
        #expect(one.codes == [.badText, .badText])
        for ranges in 2...4 {
            let split = LedgerReader.read(paths: [path], splitting: SplitReadingTests.split(ranges)).diagnostics
            #expect(DiagnosticRenderer.ordered(split).map(\.location) == DiagnosticRenderer.ordered(one).map(\.location), "\(ranges) ranges")
        }
    }
}
