import Foundation
import Testing
@testable import GrantLedgerCore

/// Exports saved in another encoding: converted when the rules name it, named when they do not.
@Suite("Text encodings")
struct TextEncodingTests {
    /// `St Mary’s, £185.00 – hire` in Windows-1252: ’ is 0x92, £ 0xA3, – 0x96.
    static let windows1252: [UInt8] = Array("St Mary".utf8) + [0x92] + Array("s,".utf8) + [0xA3] + Array("185.00 ".utf8) + [0x96] + Array(" hire\r\n".utf8)

    @Test func windows1252AndLatin1ConvertByteByByte() throws {
        #expect(try TextEncoding.windows1252.utf8(Self.windows1252).get() == Array("St Mary’s,£185.00 – hire\r\n".utf8))
        // Latin-1 has control characters where Windows-1252 has ’ and –; £ is the same in both.
        #expect(try TextEncoding.latin1.utf8([0xA3, 0x92]).get() == Array("£\u{92}".utf8))
        // Five bytes mean nothing in Windows-1252: refused, never a replacement character.
        #expect(TextEncoding.windows1252.utf8([0x41, 0x81]) == .failure(.init(message: "byte 0x81 has no character in Windows-1252", byteOffset: 1)))
    }

    @Test func utf16NeedsItsByteOrderMarkOrItsNamedOrder() throws {
        let little: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0xA3, 0x00, 0x3D, 0xD8, 0x00, 0xDE]  // A£😀
        #expect(try TextEncoding.utf16.utf8(little).get() == [0xEF, 0xBB, 0xBF] + Array("A£😀".utf8))
        #expect(try TextEncoding.utf16BigEndian.utf8([0x00, 0x41]).get() == [0xEF, 0xBB, 0xBF, 0x41])
        #expect(Self.problem(TextEncoding.utf16.utf8([0x41, 0x00])) == .init(message: "there is no UTF-16 byte-order mark to say which byte comes first", byteOffset: 0))
        #expect(Self.problem(TextEncoding.utf16LittleEndian.utf8([0x41, 0x00, 0x42]))?.byteOffset == 2)
        // An unpaired surrogate is half a character.
        if case .failure(let problem) = TextEncoding.utf16LittleEndian.utf8([0x41, 0x00, 0x3D, 0xD8, 0x42, 0x00]) {
            #expect(problem.byteOffset == 2)
        } else {
            Issue.record("an unpaired surrogate was read")
        }
    }

    static func problem(_ result: Result<[UInt8], TextEncoding.Problem>) -> TextEncoding.Problem? {
        if case .failure(let problem) = result { return problem }
        return nil
    }

    @Test func theDoorConvertsButKeepsTheHashAndSizeOfTheSavedBytes() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("e.csv", Data(Self.windows1252))
        let sources = SourceFiles()
        let file = try sources.open(path, role: "finance export", format: .text(.windows1252))
        #expect(file.line(1) == "St Mary’s,£185.00 – hire")
        #expect(file.sha256 == SourceFile.sha256(of: Self.windows1252))
        #expect(file.sizeOnDisk == Self.windows1252.count)
        #expect(file.convertedFrom == .windows1252)
        #expect(sources.opened.map(\.role) == ["finance export (read as Windows-1252)"])
    }

    @Test func aByteTheNamedEncodingLacksIsLocatedInTheConvertedText() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("e.csv", Data(Array("a,b\r\nc£,".utf8.map { $0 == 0xC2 ? 0x41 : $0 }) + [0x9D]))
        #expect(throws: FileError.self) { try SourceFiles().open(path, role: "x", format: .text(.windows1252)) }
        do {
            _ = try SourceFiles().open(path, role: "x", format: .text(.windows1252))
        } catch {
            #expect(error.message == "\(path) is not Windows-1252 text: byte 0x9D has no character in Windows-1252")
            #expect(error.location == SourceLocation(file: path, line: 2, column: 6))
        }
    }

    @Test func anExportNotInUTF8WithNoEncodingInItsRulesGetsOneErrorNamingTheEncoding() throws {
        let folder = try TemporaryFolder()
        let header = Array("Date,Invoice,Amount\n".utf8)
        let path = try folder.write("e.csv", Data(header + Array("05/01/2022,INV-1,".utf8) + [0xA3] + Array("185.00\n".utf8)))
        let rulesText = """
            column date  Date
            column reference  Invoice
            column amount  Amount
            paid-from  assets:bank
            map
              account  expenses:cctv
            """
        let rules = ImportRulesReader.read(text: rulesText, name: "r.rules").rules
        let reading = FinanceExport.read(path: path, rules: rules)
        #expect(reading.diagnostics.count == 1)
        let problem = try #require(reading.diagnostics.first)
        #expect(problem.code == .badEncoding)
        #expect(problem.location == SourceLocation(file: path, line: 2, column: 18))
        #expect(problem.message == "the export \(path) is not UTF-8: it looks like Windows-1252 or Latin-1 (byte 0xA3 is £ there)")
        #expect(problem.hint == "add the line encoding windows-1252 (or latin-1) to the rules (r.rules), or save the export as CSV UTF-8")
        // With the line, the same file reads.
        let named = ImportRulesReader.read(text: "encoding  windows-1252\n" + rulesText, name: "r.rules").rules
        let converted = FinanceExport.read(path: path, rules: named, sources: SourceFiles())
        #expect(converted.diagnostics.isEmpty)
        #expect(converted.rows.first?.amount == Money(pence: 18_500))
    }

    @Test func anUnknownEncodingInTheRulesIsAnErrorWithTheNamesThereAre() {
        let (_, problems) = ImportRulesReader.read(text: "encoding  windows-1251\n", name: "r.rules")
        let problem = problems.first { $0.code == .badValue }
        #expect(problem?.message == "unknown encoding \"windows-1251\"")
        #expect(problem?.hint?.contains("windows-1252") == true)
        #expect(problem?.location == SourceLocation(file: "r.rules", line: 1, column: 11))
    }
}

extension TextEncodingTests {
    @Test func utf8NamedAsWindows1252IsRefusedRatherThanGarbled() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("e.csv", "Supplier,Amount\nCafé,£1.00\n")
        #expect(throws: FileError.self) { try SourceFiles().open(path, role: "x", format: .text(.windows1252)) }
        // ASCII is the same in both: read.
        let ascii = try folder.write("a.csv", "Supplier,Amount\nCafe,1.00\n")
        #expect(try SourceFiles().open(ascii, role: "x", format: .text(.windows1252)).line(2) == "Cafe,1.00")
    }

    @Test func aUTF16ExportWithNoEncodingLineIsToldWhichLineToAdd() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("e.csv", Data([0xFF, 0xFE] + Array("D,I,A\n".utf8).flatMap { [$0, 0] }))
        let rules = ImportRulesReader.read(text: "column date  D\ncolumn reference  I\ncolumn amount  A\npaid-from  assets:bank\nmap\n  account  expenses:cctv\n",
                                           name: "r.rules").rules
        let reading = FinanceExport.read(path: path, rules: rules)
        #expect(reading.diagnostics.map(\.hint) == ["add the line encoding utf-16 to the rules (r.rules), or save the export as CSV UTF-8"])
        let named = ImportRulesReader.read(text: "encoding utf-16\ncolumn date  D\ncolumn reference  I\ncolumn amount  A\npaid-from  assets:bank\nmap\n  account  expenses:cctv\n",
                                           name: "r.rules").rules
        #expect(FinanceExport.read(path: path, rules: named).diagnostics.isEmpty)
    }
}

extension TextEncodingTests {
    @Test func aFileThatIsNotTheSingleByteEncodingNamedIsRefused() throws {
        let folder = try TemporaryFolder()
        // Windows-1252's ’ (0x92) named Latin-1 would be an invisible control character.
        let latin = try folder.write("l.csv", Data(Self.windows1252))
        #expect(throws: FileError.self) { try SourceFiles().open(latin, role: "x", format: .text(.latin1)) }
        // UTF-8 mixed into Windows-1252 text: a second program's line.
        let mixed = try folder.write("m.csv", Data(Array("Caf".utf8) + [0xE9] + Array("\nCafé\n".utf8)))
        do {
            _ = try SourceFiles().open(mixed, role: "x", format: .text(.windows1252))
            Issue.record("mixed encodings were read")
        } catch {
            #expect(error.message == "\(mixed) mixes two encodings: UTF-8 here, Windows-1252 elsewhere")
            #expect(error.location?.line == 2)
        }
        // UTF-16 named Windows-1252 is named for what it is.
        let wide = try folder.write("w.csv", Data([0xFF, 0xFE, 0x41, 0x00]))
        do {
            _ = try SourceFiles().open(wide, role: "x", format: .text(.windows1252))
            Issue.record("UTF-16 was read as Windows-1252")
        } catch {
            #expect(error.message == "\(wide) is in UTF-16 (little-endian), not Windows-1252")
        }
    }

    @Test func encodingUTF8InTheRulesStillGetsTheOneErrorNamingTheEncoding() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("e.csv", Data(Array("Date,Invoice,Amount\n05/01/2022,INV-1,".utf8) + [0xA3] + Array("1.00\n".utf8)))
        let rules = ImportRulesReader.read(text: "encoding utf-8\ncolumn date  Date\ncolumn reference  Invoice\ncolumn amount  Amount\npaid-from  assets:bank\nmap\n  account  expenses:cctv\n",
                                           name: "r.rules").rules
        #expect(FinanceExport.read(path: path, rules: rules).diagnostics.map(\.code) == [.badEncoding])
    }
}
