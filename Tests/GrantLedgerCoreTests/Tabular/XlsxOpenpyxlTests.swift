import Foundation
import GrantLedgerTestSupport
@testable import GrantLedgerCore
import Testing

/// A workbook written by another program, openpyxl (as `make test-deps` installs it): shared
/// strings, a computed float, a date with its number format, a boolean, a formula with no cached
/// value, a second sheet. Skipped where python3 cannot import openpyxl, except under CI.
enum Openpyxl {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Runs python3 with `arguments`; its standard output, or a failure.
    @discardableResult
    static func python(_ arguments: [String]) throws -> String {
        let result = try ToolProcess.onPath(["python3"] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "python3 exited \(result.status): \(String(decoding: result.stderr, as: UTF8.self))")
        }
        return String(decoding: result.stdout, as: UTF8.self)
    }
}

@Suite("Xlsx workbook written by openpyxl", .enabled(if: Requirement.openpyxl.shouldRun))
struct XlsxOpenpyxlTests {
    static let script = """
        import sys, datetime, openpyxl
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "AP Lines"
        sheet.append(["reference", "amount", "date", "paid", "note"])
        sheet.append(["INV-1", 2310, datetime.date(2023, 4, 1), True, "  Newark  "])
        sheet.append(["INV-2", 0.1 + 0.2, datetime.datetime(2024, 2, 29, 18, 0), False, None])
        sheet["A4"] = "INV-3"
        sheet["B4"] = "=B2*1.2"
        sheet["F4"] = "extra"
        other = book.create_sheet("Areas")
        other.append(["area", "population"])
        other.append(["Ashfield", 126300])
        book.save(sys.argv[1])
        """

    @Test func readsWhatOpenpyxlWrote() throws {
        try Requirement.openpyxl.require()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-openpyxl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("export.xlsx").path
        try Openpyxl.python(["-c", Self.script, path])
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let workbook = try XlsxWorkbook.read(bytes: bytes, file: "export.xlsx").get()
        #expect(workbook.sheetNames == ["AP Lines", "Areas"])
        #expect(!workbook.date1904)
        let (records, problems) = workbook.records(sheet: "ap lines")
        #expect(problems.isEmpty)
        #expect(XlsxFixture.texts(records) == [
            ["reference", "amount", "date", "paid", "note"],
            ["INV-1", "2310", "45017", "TRUE", "  Newark  "],
            // openpyxl writes a float's 16 significant digits ("%.16g"), not its shortest text.
            ["INV-2", "0.3", "45351.75", "FALSE", ""],
            ["INV-3", "", "", "", "", "extra"],
        ])
        #expect(records[1].fields.map(\.kind) == [.text, .number, .number, .boolean, .text])
        #expect(try SpreadsheetNumber.pence(records[2].fields[1].text).get() == Money(pence: 30))
        #expect(try SpreadsheetNumber.day(records[1].fields[2].text, date1904: false).get() == Day(year: 2023, month: 4, day: 1))
        #expect(try SpreadsheetNumber.day(records[2].fields[2].text, date1904: false).get() == Day(year: 2024, month: 2, day: 29))
        #expect(records[3].fields.last?.cell == "F4")
        let areas = workbook.records(sheet: "Areas")
        #expect(XlsxFixture.texts(areas.0) == [["area", "population"], ["Ashfield", "126300"]])
    }
}
