import Foundation
import GrantLedgerTestSupport
@testable import GrantLedgerCore
import PropertyBased
import Testing
@testable import GrantLedgerXlsx

/// Spreadsheets read `_xHHHH_` in a cell's string as the character U+HHHH; libxlsxwriter writes it
/// as it is. Text that happens to contain one (`_x0041_`) is escaped at the cell boundary so it reads
/// back unchanged: without that, openpyxl and Excel show `A`.
@Suite("Text that looks like an XML escape")
struct EscapedTextTests {
    @Test func theUnderscoreStartingAnEscapeIsItselfEscaped() {
        #expect(VisibleText.cellText("_x0041_") == "_x005F_x0041_")
        #expect(VisibleText.cellText("_x0041_x0042_") == "_x005F_x0041_x005F_x0042_")
        #expect(VisibleText.cellText("_x005F_") == "_x005F_x005F_")
        for plain in ["", "a_b", "_x00G1_", "_x004_", "x0041_", "snake_case_x", "£1,000"] {
            #expect(VisibleText.cellText(plain) == plain, "\(plain)")
        }
    }

    /// On random text made of the pieces of escapes, decoding what is written (left to right, as
    /// Excel and openpyxl do) gives the text back.
    @Test func decodingWhatIsWrittenGivesTheTextBack() async {
        let pieces = ["_", "x", "X", "0", "4", "1", "5", "F", "a", "_x", "_x0041_", "_x005F_", "é", " "]
        await propertyCheck(count: 500, input: Gen.int(in: 0...1_000_000_000)) { seed in
            var rng = SplitMix64(seed: UInt64(seed))
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined()
            #expect(Self.decoded(VisibleText.cellText(text)) == text, "\(text.debugDescription)")
        }
    }

    /// Through openpyxl: shared strings (the normal mode) read back as given. (A literal `_x005F_`
    /// is left out here: openpyxl deletes every `x005F_` it finds rather than decoding left to
    /// right, so no writing of it survives openpyxl; the decoder test above covers it.)
    @Test(.enabled(if: Requirement.workbookOracle.shouldRun)) func openpyxlReadsTheOriginalTextBack() throws {
        try Requirement.workbookOracle.require()
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let texts = ["_x0041_", "a_x0041_x0042_b", "snake_x_case", "plain", "_x000D_ is a carriage return"]
        let path = scratch.file("escapes.xlsx")
        let writer = try WorkbookWriter(path: path, properties: SampleWorkbook.properties,
                                        options: WorkbookOptions(constantMemory: false))
        let sheet = try writer.addWorksheet(named: "Text")
        for (row, text) in texts.enumerated() { try sheet.writeText(text, at: CellRef(row: row, column: 0)) }
        try writer.close()
        let script = """
            import json, sys
            from openpyxl import load_workbook
            ws = load_workbook(sys.argv[1])["Text"]
            json.dump([ws.cell(row=r + 1, column=1).value for r in range(int(sys.argv[2]))], sys.stdout)
            """
        let output = try runTool(["python3", "-c", script, path, "\(texts.count)"])
        let strings = try XlsxPackage(path: path).text("xl/sharedStrings.xml")
        #expect(try JSONDecoder().decode([String].self, from: output) == texts, "\(String(decoding: output, as: UTF8.self)) \(strings)")
    }

    /// Constant-memory mode writes inline strings, which Excel decodes the same way: escaped too.
    @Test func inlineStringsAreEscapedToo() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("inline.xlsx")
        let writer = try WorkbookWriter(path: path, properties: SampleWorkbook.properties)
        try writer.addWorksheet(named: "Text").writeText("_x0041_", at: CellRef(row: 0, column: 0))
        try writer.close()
        let sheet = try XlsxPackage(path: path).text("xl/worksheets/sheet1.xml")
        #expect(sheet.contains("_x005F_x0041_") && !sheet.contains(">_x0041_<"))
    }

    /// The reading rule: each `_xHHHH_`, left to right, is the character U+HHHH.
    static func decoded(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               let value = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)...(i + 5)])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                out.append(scalar)
                i += 7
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }
}
