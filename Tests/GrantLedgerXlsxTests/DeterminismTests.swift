import Foundation
import GrantLedgerCore
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

    @Test("fast compression changes how hard the parts are packed, never what they hold")
    func compressionChangesOnlyThePacking() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let fast = scratch.file("fast.xlsx")
        let standard = scratch.file("standard.xlsx")
        // Rows enough for deflate's levels to differ visibly.
        for (path, compression) in [(fast, WorkbookOptions.Compression.fast), (standard, .standard)] {
            try WorkbookWriter.write(to: path, properties: SampleWorkbook.properties,
                                     options: WorkbookOptions(compression: compression)) { book in
                let sheet = try book.addWorksheet(named: "Spend")
                for row in 0..<2000 {
                    try sheet.writeRow([.text("Supplier \(row % 97)"), .text("INV-\(row)"),
                                        .money(Money(pence: Int64(row * 7919 % 1_000_003)))], row: row)
                }
            }
        }
        let a = try XlsxPackage(path: fast)
        let b = try XlsxPackage(path: standard)
        #expect(a.entries == b.entries)
        // Level 1 packs the sheet less tightly than zlib's default: the choice reached minizip.
        let fastSize = try Data(contentsOf: URL(fileURLWithPath: fast)).count
        let standardSize = try Data(contentsOf: URL(fileURLWithPath: standard)).count
        #expect(fastSize > standardSize)
    }

    @Test("a different creation date changes only the document properties")
    func creationDateIsTheOnlyClock() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var properties = SampleWorkbook.properties
        let paths = [scratch.file("a.xlsx"), scratch.file("b.xlsx")]
        for (index, path) in paths.enumerated() {
            properties.created = Day(daysSinceEpoch: 20_000 + Int32(index))
            try WorkbookWriter.write(to: path, properties: properties) { book in
                try book.addWorksheet(named: "S").writeText("x", at: CellRef(row: 0, column: 0))
            }
        }
        let a = try XlsxPackage(path: paths[0])
        let b = try XlsxPackage(path: paths[1])
        let differing = Set(a.entries.keys).union(b.entries.keys).filter { a.entries[$0] != b.entries[$0] }
        #expect(differing == ["docProps/core.xml"])
        #expect(try a.text("docProps/core.xml").contains("2024-10-04T00:00:00Z"))
    }
}
