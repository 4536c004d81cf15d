import Foundation
@testable import GrantLedgerCore
import Testing

/// Workbooks that are not what they say: each is one located `bad-xlsx` problem (or `bad-text`),
/// never a crash or a hang.
@Suite("Xlsx workbook, hostile input")
struct XlsxHostileTests {
    typealias F = XlsxFixture

    /// The one container problem reading `bytes` gives, at `book.xlsx:1:1` with an empty excerpt.
    static func refusal(_ bytes: [UInt8], sheet: String? = nil) -> Diagnostic? {
        let (records, problems) = F.read(bytes, sheet: sheet)
        guard records.isEmpty, problems.count == 1, let problem = problems.first, problem.code == .badXlsx,
              problem.location == SourceLocation(file: "book.xlsx", line: 1, column: 1), problem.excerpt == "" else { return nil }
        return problem
    }

    static let good = F.workbook(rows: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"><v>12.5</v></c></row>", shared: ["area"])

    @Test func notAZipIsRefusedSayingWhatItIs() throws {
        let text = try #require(Self.refusal(Array("area,population\nAshfield,126300\n".utf8)))
        #expect(text.message == "it is text, not an Excel workbook (a CSV file named .xlsx?)")
        let old = try #require(Self.refusal([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)))
        #expect(old.message.contains("Excel 97-2003"))
        #expect(try #require(Self.refusal([])).message == "the file is empty, not an Excel workbook")
        #expect(Self.refusal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]) != nil)
    }

    @Test func aTruncatedZipIsRefusedWherEverItIsCut() {
        let bytes = Self.good
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            #expect(Self.refusal(Array(bytes[..<cut])) != nil, "cut at \(cut) of \(bytes.count)")
        }
    }

    @Test func aZipThatIsNotAWorkbookSaysSo() throws {
        let other = try #require(Self.refusal(F.zip([("word/document.xml", "<document/>")])))
        #expect(other.message == "it is a zip file but not an Excel workbook: it has no xl/workbook.xml")
        let ods = try #require(Self.refusal(F.zip([("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<x/>")])))
        #expect(ods.message.contains("OpenDocument"))
    }

    @Test func aMissingSheetPartIsRefused() throws {
        let parts = F.parts(sheets: [("Data", F.sheet(""))]).filter { !$0.0.hasPrefix("xl/worksheets/") }
        let problem = try #require(Self.refusal(F.zip(parts)))
        #expect(problem.message == "sheet \"Data\" should be in xl/worksheets/sheet1.xml, which the file does not have: it is damaged")
    }

    @Test func malformedXMLIsRefusedNamingThePart() throws {
        let sheet = try #require(Self.refusal(F.workbook(sheets: [("S", "<worksheet><sheetData><row></sheetData></worksheet>")])))
        #expect(sheet.message.hasPrefix("xl/worksheets/sheet1.xml is not well-formed XML (at its line 1"))
        let cut = try #require(Self.refusal(F.workbook(sheets: [("S", "<worksheet><sheetData><row r=\"1\">")])))
        // libxml2 reports some cuts itself; the rest are caught by the root element never closing.
        #expect(cut.message.hasPrefix("xl/worksheets/sheet1.xml is not well-formed XML") || cut.message == "xl/worksheets/sheet1.xml is cut short: its XML never ends")
        for cut in ["<worksheet>", "<a>", "<?xml version=\"1.0\"?>", ""] {
            #expect(Self.refusal(F.workbook(sheets: [("S", cut)])) != nil, "\(cut)")
        }
        var parts = F.parts(sheets: [("S", F.sheet(""))])
        parts[2].1 = "<workbook><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets>"
        #expect(try #require(Self.refusal(F.zip(parts))).message.hasPrefix("xl/workbook.xml is"))
        parts[2].1 = "<workbook><sheets/></workbook>"
        #expect(try #require(Self.refusal(F.zip(parts))).message == "xl/workbook.xml lists no sheets")
        let shared = try #require(Self.refusal(F.workbook(sheets: [("S", F.sheet(""))], shared: "<sst><si><t>a</si></sst>")))
        #expect(shared.message.hasPrefix("xl/sharedStrings.xml is not well-formed XML"))
    }

    /// Found by FuzzXlsx: an attribute name of invalid UTF-8 crashed Foundation's XMLParser.
    @Test func invalidUTF8IsRefusedBeforeXMLParserSeesIt() throws {
        let sheet = Array("<worksheet xmlns=\"\(F.main)\"><sheetData><row r=\"1\"><c r".utf8) + [0xFF, 0xFF, 0xFF]
            + Array("=\"B1\"><v>1</v></c></row></sheetData></worksheet>".utf8)
        var parts = F.parts(sheets: [("S", "")]).map { ($0.0, Array($0.1.utf8)) }
        parts[parts.count - 1].1 = sheet
        let problem = try #require(Self.refusal(F.zipBytes(parts)))
        #expect(problem.message == "xl/worksheets/sheet1.xml is not valid UTF-8 (at byte 104)")
    }

    @Test func aDocumentTypeIsRefusedBeforeParsing() throws {
        let bomb = """
            <?xml version="1.0"?><!-- a comment --><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <worksheet xmlns="\(F.main)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>
            """
        let problem = try #require(Self.refusal(F.workbook(sheets: [("S", bomb)])))
        #expect(problem.message.contains("declares a document type"))
    }

    @Test func aZipBombIsRefusedBeforeItIsUnpacked() throws {
        // 40 MiB of one repeated row packs to about 100 KiB: far past 64 times the file's size.
        let row = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>"
        let rows = String(repeating: row, count: (40 << 20) / row.utf8.count)
        let bytes = F.workbook(sheets: [("S", F.sheet(rows))])
        #expect(bytes.count < 1 << 20)
        let problem = try #require(Self.refusal(bytes))
        #expect(problem.message.hasPrefix("xl/worksheets/sheet1.xml unpacks to more than the 15.9 MiB left to read (a workbook may unpack to 64 times its size, at most 512 MiB)"))
        #expect(problem.message.contains("zip bomb"))
    }

    @Test func aPartLargerThanItSaysIsStoppedWhereItPassesThatSize() throws {
        // The directory says the sheet unpacks to 10 bytes; it unpacks to more.
        var bytes = F.workbook(sheets: [("S", F.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))])
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        let directory = try #require(Self.find([0x50, 0x4B, 0x01, 0x02], then: name, in: bytes, nameAt: 46))
        bytes.replaceSubrange((directory + 24)..<(directory + 28), with: [10, 0, 0, 0])
        let problem = try #require(Self.refusal(bytes))
        #expect(problem.message == "xl/worksheets/sheet1.xml unpacks to more than the 10 bytes the zip says: it is damaged")
    }

    @Test func damagedContentsFailTheChecksum() throws {
        var bytes = F.zip(F.parts(sheets: [("S", F.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))]), stored: true)
        let value = Array("<v>1</v>".utf8)
        let at = try #require(Self.find(value, in: bytes))
        bytes[at + 3] = UInt8(ascii: "7")
        let problem = try #require(Self.refusal(bytes))
        #expect(problem.message == "xl/worksheets/sheet1.xml is damaged: its contents do not match the checksum the zip holds")
    }

    @Test func aDeflatedPartThatNeverEndsIsRefusedNotWaitedFor() throws {
        // The workbook part is one stored deflate block claiming 65,535 bytes, of which 3 are there:
        // ZIPFoundation's own extraction loops for ever on this.
        let name = Array("xl/workbook.xml".utf8)
        let data: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("abc".utf8)
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16 & 0xFFFF) }
        var zip = le32(0x0403_4B50) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0) + le32(0) + le32(data.count)
        zip += le32(1000) + le16(name.count) + le16(0) + name + data
        let directory = zip.count
        zip += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0) + le32(0) + le32(data.count)
        zip += le32(1000) + le16(name.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(0) + name
        let size = zip.count - directory
        zip += le32(0x0605_4B50) + le16(0) + le16(0) + le16(1) + le16(1) + le32(size) + le32(directory) + le16(0)
        let problem = try #require(Self.refusal(zip))
        #expect(problem.message == "xl/workbook.xml unpacks to more than the 1000 bytes the zip says: it is damaged")
        // Said to unpack to more than the block can give: the data runs out, and that is the end.
        var longer = zip
        for offset in [22, directory + 24] { longer.replaceSubrange(offset..<(offset + 4), with: le32(1 << 20)) }
        let cut = try #require(Self.refusal(longer))
        #expect(cut.message.hasPrefix("xl/workbook.xml is "), "\(cut.message)")
    }

    @Test func anEncryptedOrOddlyPackedPartIsRefused() throws {
        var bytes = F.zip(F.parts(sheets: [("S", F.sheet(""))]))
        let name = Array("xl/workbook.xml".utf8)
        let record = try #require(Self.find([0x50, 0x4B, 0x01, 0x02], then: name, in: bytes, nameAt: 46))
        var encrypted = bytes
        encrypted[record + 8] |= 1
        #expect(try #require(Self.refusal(encrypted)).message == "xl/workbook.xml is encrypted")
        bytes[record + 10] = 14
        #expect(try #require(Self.refusal(bytes)).message.contains("packed by method 14"))
    }

    @Test func aSheetPastASpreadsheetsSizeIsRefused() throws {
        let rows = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1048577\"><c r=\"A1048577\"><v>1</v></c></row>"
        let (records, problems) = F.read(F.workbook(rows: rows))
        #expect(records.count == 1)
        #expect(problems.map(\.message) == ["sheet \"Sheet1\" has a row 1048577, past row 1,048,576, the last a sheet has"])
        let wide = F.read(F.workbook(rows: "<row r=\"2\"><c r=\"XFD2\"><v>1</v></c><c r=\"XFE2\"><v>2</v></c></row>"))
        #expect(wide.1.map(\.message) == ["cell XFE2 of sheet \"Sheet1\" is past column XFD, the last a sheet has"])
        #expect(wide.1.first?.location == SourceLocation(file: "book.xlsx", line: 2, column: 1))
        #expect(wide.0.first?.fields.count == 16_384)
    }

    @Test func cellsOutOfPlaceAreLocatedErrors() {
        let rows = """
            <row r="7"><c r="D8"><v>1</v></c><c r="B7"><v>2</v></c><c r="B7"><v>3</v></c><c r="A7"><v>4</v></c>\
            <c r="7A"><v>5</v></c><c r="C7" t="s"><v>99999</v></c><c r="D7" t="zz"><v>1</v></c><c r="E7" t="b"><v>2</v></c>\
            <c r="F7"><v>12,5</v></c></row><row r="5"><c r="A5"><v>1</v></c></row>
            """
        let (records, problems) = F.read(F.workbook(sheets: [("AP Lines", F.sheet(rows))], shared: F.sharedStrings(["a"])))
        #expect(problems.map(\.message) == [
            "cell D8 of sheet \"AP Lines\" is written in row 7",
            "cell B7 of sheet \"AP Lines\" is written twice",
            "cell A7 of sheet \"AP Lines\" comes after B7: cells must be in column order",
            "a cell of row 7 of sheet \"AP Lines\" is called \"7A\", which is not a cell reference",
            "cell C7 of sheet \"AP Lines\" refers to shared string \"99999\", but the workbook has 1",
            "cell D7 of sheet \"AP Lines\" has the type \"zz\", which is not a cell type",
            "cell E7 of sheet \"AP Lines\" holds \"2\" as true or false, which is neither",
            "cell F7 of sheet \"AP Lines\" holds \"12,5\" as a number, which is not one",
            "row 5 of sheet \"AP Lines\" comes after row 7: rows must be in order, each once",
        ])
        #expect(problems.allSatisfy { $0.code == .badXlsx && $0.excerpt == "" })
        #expect(problems.map { $0.location?.line } == [7, 7, 7, 7, 7, 7, 7, 7, 5])
        #expect(problems.map { $0.location?.column } == [4, 2, 1, 1, 3, 4, 5, 6, 1])
        #expect(F.texts(records) == [["", "2"]], "the good cell is kept; the bad ones are left empty or out")
    }

    @Test func oneFarCellPerRowCannotAskForBillionsOfFields() throws {
        let rows = "<row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row>" + (2...40).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>1</v></c></row>" }.joined()
        let workbook = try XlsxWorkbook.read(bytes: F.workbook(rows: rows), file: "book.xlsx").get()
        let (records, problems) = workbook.records(sheet: nil, origin: nil, maximumFields: 16_384 * 10)
        #expect(records.count == 10)
        #expect(problems.map(\.message) == ["sheet \"Sheet1\" has more than 163,840 cells (rows × columns to the last used)"])
        #expect(XlsxSheetReader.defaultMaximumFields == 8_388_608)
    }

    /// Mangled copies of a good workbook: bytes flipped, runs zeroed, cut short. Each reads or is
    /// refused with located problems, and none crashes or hangs.
    @Test func mangledWorkbooksNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        let bytes = F.workbook(rows: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"><v>2</v></c></row>"
                               + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Ashfield</t></is></c><c r=\"B2\"><v>126300</v></c></row>",
                               shared: ["area"])
        for _ in 0..<400 {
            var mangled = bytes
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let at = Int.random(in: 0..<mangled.count, using: &generator)
                switch Int.random(in: 0...2, using: &generator) {
                case 0: mangled[at] = UInt8.random(in: 0...255, using: &generator)
                case 1: mangled[at] ^= 1 << UInt8.random(in: 0...7, using: &generator)
                default: for index in at..<min(mangled.count, at + 8) { mangled[index] = 0xFF }
                }
            }
            if Bool.random(using: &generator) { mangled = Array(mangled.prefix(Int.random(in: 0...mangled.count, using: &generator))) }
            let (_, problems) = F.read(mangled)
            #expect(problems.allSatisfy { [.badXlsx, .badText].contains($0.code) && $0.location != nil && $0.excerpt == "" })
        }
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        return (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// The offset of a record starting `signature` whose name (at `nameAt`) is `name`.
    static func find(_ signature: [UInt8], then name: [UInt8], in bytes: [UInt8], nameAt: Int) -> Int? {
        (0...(bytes.count - nameAt - name.count)).first {
            bytes[$0..<($0 + 4)].elementsEqual(signature) && bytes[($0 + nameAt)..<($0 + nameAt + name.count)].elementsEqual(name)
        }
    }
}
