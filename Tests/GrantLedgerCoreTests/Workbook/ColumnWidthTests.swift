import Testing
@testable import GrantLedgerCore

@Suite("Column widths and wrapped lines")
struct ColumnWidthTests {
    @Test func wrappedLines() {
        #expect(ColumnWidth.lines("", width: 10) == 1)
        #expect(ColumnWidth.lines("short", width: 10) == 1)
        #expect(ColumnWidth.lines("one two three four five six", width: 10) == 3)  // 10 letters a line
        // A word longer than the line is broken across lines.
        #expect(ColumnWidth.lines(String(repeating: "x", count: 31), width: 10) == 4)
        #expect(ColumnWidth.lines("Spent before 2019-20", width: 15, bold: true) == 2)
    }

    @Test func widthsFitFiguresAndHeadingWords() {
        #expect(ColumnWidth.needed(by: .money(Money(pence: 123_456_789))) == Double("£1,234,567.89".count) + 2)
        #expect(ColumnWidth.needed(by: .text("a title", .title)) == nil)
        let heading = ColumnWidth.needed(by: .text("Allocated to lines", .header)) ?? 0
        #expect(heading > 11 && heading < 13)  // "Allocated", bold, and padding
    }

    @Test func builderMakesWrappedRowsTallAndAlignsFigureHeadings() {
        var sheet = SheetBuilder()
        sheet.add([.text("Name", .header), .text("Award", .header)])
        sheet.add([.text(String(repeating: "word ", count: 30), .wrapped), .money(Money(pence: 100))])
        let rows = sheet.sheetRows
        #expect(rows[0].cells[1].look.headsFigures)
        #expect(!rows[0].cells[0].look.headsFigures)
        #expect((rows[1].height ?? 0) >= 45)
        #expect(rows[0].height == nil)
    }
}
