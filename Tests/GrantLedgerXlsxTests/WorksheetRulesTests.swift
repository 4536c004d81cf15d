import CXlsxWriter
import Foundation
import GrantLedgerCore
import Testing
@testable import GrantLedgerXlsx

/// Misuse and bad input become `WorkbookError`s with a useful message, never a trap.
@Suite("Worksheet rules and errors")
struct WorksheetRulesTests {
    /// Runs `body` on a fresh sheet of a workbook that is then discarded.
    private func withSheet(
        constantMemory: Bool = true, _ body: (WorkbookWriter, Worksheet) throws -> Void
    ) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let writer = try WorkbookWriter(path: scratch.file("book.xlsx"), properties: SampleWorkbook.properties,
                                        options: WorkbookOptions(constantMemory: constantMemory))
        defer { writer.discard() }
        try body(writer, try writer.addWorksheet(named: "Sheet"))
    }

    @Test("constant-memory mode refuses a row above one already written; normal mode allows it")
    func rowOrder() throws {
        try withSheet { _, sheet in
            try sheet.writeText("later", at: CellRef(row: 5, column: 0))
            try sheet.writeText("same row is fine", at: CellRef(row: 5, column: 3))
            #expect(throws: WorkbookError.rowWrittenOutOfOrder(sheet: "Sheet", row: 4, lastRowWritten: 5)) {
                try sheet.writeMoney(Money(pence: 1), at: CellRef(row: 4, column: 0))
            }
            #expect(throws: WorkbookError.self) {
                try sheet.setAutofilter(CellArea(first: CellRef(row: 0, column: 0),
                                                  last: CellRef(row: 2, column: 1)))
            }
        }
        try withSheet(constantMemory: false) { _, sheet in
            try sheet.writeText("later", at: CellRef(row: 5, column: 0))
            try sheet.writeText("earlier", at: CellRef(row: 4, column: 0))
            try sheet.setAutofilter(CellArea(first: CellRef(row: 0, column: 0),
                                              last: CellRef(row: 2, column: 1)))
        }
    }

    @Test("bad sheet names carry libxlsxwriter's own message")
    func sheetNames() throws {
        try withSheet { writer, _ in
            #expect(throws: WorkbookError.library(
                operation: "sheet name 'Bad[name]'", code: LXW_ERROR_INVALID_SHEETNAME_CHARACTER.rawValue,
                message: String(cString: lxw_strerror(LXW_ERROR_INVALID_SHEETNAME_CHARACTER)))) {
                _ = try writer.addWorksheet(named: "Bad[name]")
            }
            #expect(throws: WorkbookError.self) { _ = try writer.addWorksheet(named: "sheet") }  // duplicate, any case
            #expect(throws: WorkbookError.self) { _ = try writer.addWorksheet(named: String(repeating: "x", count: 32)) }
            #expect(writer.sheetNames == ["Sheet"])
        }
    }

    @Test("cells off the grid are errors, not traps")
    func grid() throws {
        try withSheet { _, sheet in
            for cell in [CellRef(row: -1, column: 0), CellRef(row: 0, column: -1),
                         CellRef(row: 1_048_576, column: 0), CellRef(row: 0, column: 16_384)] {
                #expect(throws: WorkbookError.cellOutOfRange(row: cell.row, column: cell.column)) {
                    try sheet.writeText("x", at: cell)
                }
            }
            try sheet.writeText("last cell", at: CellRef(row: 1_048_575, column: 16_383))
        }
    }

    @Test("values a cell cannot hold faithfully are refused")
    func unrepresentableValues() throws {
        try withSheet { _, sheet in
            let cell = CellRef(row: 0, column: 0)
            #expect(throws: WorkbookError.self) { try sheet.writeNumber(.nan, at: cell) }
            #expect(throws: WorkbookError.self) { try sheet.writeNumber(.infinity, at: cell) }
            #expect(throws: WorkbookError.self) { try sheet.writeFormula("=1/0", cachedValue: .infinity, at: cell) }
            #expect(throws: WorkbookError.self) { try sheet.writeMoney(Money(pence: .max), at: cell) }
            #expect(throws: WorkbookError.self) { try sheet.writeInteger(Int.max, at: cell) }
            #expect(throws: WorkbookError.self) { try sheet.writeFormula("=", cachedValue: 0, at: cell) }
            // Text a cell cannot carry is written visibly instead: a NUL as <U+0000>, the 32,768th unit as "…".
            #expect(VisibleText.writable("nul\u{0}inside").text == "nul<U+0000>inside")
            #expect(VisibleText.writable(String(repeating: "x", count: 32_768)).text == String(repeating: "x", count: 32_766) + "…")
            try sheet.writeText("nul\u{0}inside", at: cell)
            try sheet.writeText(String(repeating: "x", count: 32_768), at: cell)
            #expect(throws: WorkbookError.dateOutOfRange("1900-02-28")) {
                try sheet.writeDate(try #require(Day(year: 1900, month: 2, day: 28)), at: cell)
            }
            try sheet.writeMoney(Money(pence: 1 << 53), at: cell)
        }
    }

    @Test("charts must have series over sheets that exist")
    func chartValidation() throws {
        try withSheet { _, sheet in
            let here = sheet.area(CellArea(column: 0, rows: 0...1))
            let corner = CellRef(row: 0, column: 0)
            #expect(throws: WorkbookError.self) {
                try sheet.insertChart(ChartModel(kind: .bar, title: "", series: [], anchor: corner))
            }
            let elsewhere = SheetArea(sheet: "Nowhere", area: here.area)
            #expect(throws: WorkbookError.self) {
                try sheet.insertChart(ChartModel(kind: .bar, title: "", series: [.init(name: "", categories: here, values: elsewhere)],
                                                 anchor: corner))
            }
            let series = ChartModel.Series(name: "", categories: here, values: here)
            #expect(throws: WorkbookError.self) {
                try sheet.insertChart(ChartModel(kind: .bar, title: "", series: [series], anchor: corner, widthScale: 0))
            }
        }
    }

    @Test("defined names are validated by the library and need an existing scope")
    func definedNames() throws {
        try withSheet { writer, _ in
            for bad in ["Not valid", "", "1st", "FY2019", "AB12", "R1C1", "r", "C", "RC", "Pot-2", "a=b"] {
                #expect(throws: WorkbookError.self, "\(bad)") { try writer.defineName(bad, formula: "=Sheet!$A$1") }
            }
            #expect(throws: WorkbookError.self) { try writer.defineName("Pot", formula: "=1", scope: "Missing") }
            for good in ["Pot", "_total", "\\odd", "Floor.Ashfield", "FY2019_20", "Rate", "Ré", "XFE1"] {
                try writer.defineName(good, formula: "Sheet!$A$1")
            }
        }
    }

    @Test("after close, every call reports that the workbook is closed")
    func closed() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let writer = try WorkbookWriter(path: scratch.file("book.xlsx"), properties: SampleWorkbook.properties)
        let sheet = try writer.addWorksheet(named: "S")
        try writer.close()
        #expect(throws: WorkbookError.closed) { try sheet.writeText("late", at: CellRef(row: 0, column: 0)) }
        #expect(throws: WorkbookError.closed) { try sheet.freezePanes(rows: 1) }
        #expect(throws: WorkbookError.closed) { _ = try writer.addWorksheet(named: "T") }
        #expect(throws: WorkbookError.closed) { try writer.close() }
        writer.discard()  // harmless
        #expect(try scratch.contents() == ["book.xlsx"])
    }

    @Test("1970-01-01 is a creation date one second past midnight: libxlsxwriter would substitute the clock for 0")
    func epochCreationDate() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var properties = SampleWorkbook.properties
        properties.created = Day(daysSinceEpoch: 0)
        try WorkbookWriter.write(to: scratch.file("book.xlsx"), properties: properties) { book in
            try book.addWorksheet(named: "S").writeText("x", at: CellRef(row: 0, column: 0))
        }
        let core = try XlsxPackage(path: scratch.file("book.xlsx")).text("docProps/core.xml")
        #expect(core.contains("1970-01-01T00:00:01Z"), "the day asked for, never the clock")
    }

    @Test("styles are shared: the same style value maps to one format")
    func styleReuse() throws {
        try withSheet { writer, _ in
            let a = try writer.format(for: .money)
            let b = try writer.format(for: CellStyle(numberFormat: CellStyle.moneyFormat))
            let c = try writer.format(for: CellStyle.money.bolded())
            #expect(a == b)
            #expect(a != c)
            #expect(try writer.format(for: .plain) == nil)
            #expect(try writer.format(for: nil) == nil)
        }
    }

    @Test("errors describe themselves for the command line")
    func descriptions() {
        #expect(WorkbookError.rowWrittenOutOfOrder(sheet: "Spend", row: 1, lastRowWritten: 9).description
            == "sheet 'Spend': row 2 written after row 10; in constant-memory mode rows must be written top to bottom")
        #expect(WorkbookError.library(operation: "x", code: 1, message: "Memory error.").description
            == "x: Memory error. (libxlsxwriter error 1)")
    }
}
