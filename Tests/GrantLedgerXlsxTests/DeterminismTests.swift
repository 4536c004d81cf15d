import Foundation
import Testing
@testable import GrantLedgerXlsx

@Suite("Byte-identical output")
struct DeterminismTests {
    @Test("the same workbook written twice, a second apart, is the same bytes",
          arguments: [true, false])
    func sameBytesTwice(constantMemory: Bool) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let options = WorkbookOptions(constantMemory: constantMemory)
        let first = scratch.file("first.xlsx")
        let second = scratch.file("second.xlsx")
        try SampleWorkbook.write(to: first, options: options)
        // Past a whole second, so any wall-clock timestamp that leaked into the file would differ.
        Thread.sleep(forTimeInterval: 1.1)
        try SampleWorkbook.write(to: second, options: options)
        let a = try Data(contentsOf: URL(fileURLWithPath: first))
        let b = try Data(contentsOf: URL(fileURLWithPath: second))
        #expect(a.count > 1000)
        #expect(a == b)
    }

    @Test("a different creation date changes only the document properties")
    func creationDateIsTheOnlyClock() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var properties = SampleWorkbook.properties
        let paths = [scratch.file("a.xlsx"), scratch.file("b.xlsx")]
        for (index, path) in paths.enumerated() {
            properties.created = WorkbookDate(daysSinceUnixEpoch: 20_000 + index)
            try WorkbookWriter.write(to: path, properties: properties) { book in
                try book.addWorksheet(named: "S").writeText("x", at: CellAddress(row: 0, column: 0))
            }
        }
        let a = try XlsxPackage(path: paths[0])
        let b = try XlsxPackage(path: paths[1])
        let differing = Set(a.entries.keys).union(b.entries.keys).filter { a.entries[$0] != b.entries[$0] }
        #expect(differing == ["docProps/core.xml"])
        #expect(try a.text("docProps/core.xml").contains("2024-10-04T00:00:00Z"))
    }
}
