import Foundation
import GrantLedgerCore
import Testing
@testable import GrantLedgerXlsx

/// Writes the sample workbook and reads the package back through Python's zipfile, asserting on the
/// XML a spreadsheet program would parse. Both storage modes: inline strings (constant memory) and
/// the shared-string table.
@Suite("Workbook content read back")
struct WorkbookContentTests {
    static let modes = [WorkbookOptions(constantMemory: true), WorkbookOptions(constantMemory: false)]
    static let summary = "xl/worksheets/sheet1.xml"
    static let spend = "xl/worksheets/sheet2.xml"

    private func readSample(_ options: WorkbookOptions) throws -> XlsxPackage {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("committee.xlsx")
        try SampleWorkbook.write(to: path, options: options)
        return try XlsxPackage(path: path)
    }

    @Test("sheet names, in order", arguments: modes)
    func sheetNames(options: WorkbookOptions) throws {
        let workbook = try readSample(options).text("xl/workbook.xml")
        let summary = try #require(workbook.range(of: "<sheet name=\"Summary\""))
        let spend = try #require(workbook.range(of: "<sheet name=\"Spend data\""))
        #expect(summary.lowerBound < spend.lowerBound)
    }

    @Test("text that looks like a formula is stored as a string, never as a formula", arguments: modes)
    func injectedTextStaysText(options: WorkbookOptions) throws {
        let book = try readSample(options)
        #expect(try book.stringValue(of: "B2", inSheet: Self.summary) == SampleWorkbook.injected)
        #expect(try book.stringValue(of: "B3", inSheet: Self.summary) == SampleWorkbook.otherLeaders[0])
        #expect(try book.stringValue(of: "B4", inSheet: Self.summary) == SampleWorkbook.otherLeaders[1])
        #expect(try book.stringValue(of: "B5", inSheet: Self.summary) == SampleWorkbook.otherLeaders[2])

        let sheet = try book.text(Self.summary)
        let formulas = XlsxPackage.elements("f", in: sheet).map(XlsxPackage.unescape)
        #expect(formulas == ["SUM(C2:C4)", "C5/3", "IF(C5>600000,\"Amber\",\"Green\")"])
        for formula in formulas {
            #expect(!formula.contains("HYPERLINK"))
            #expect(!formula.contains("A1:A2"))
        }
        let b2 = try #require(XlsxPackage.cell("B2", in: sheet))
        #expect(!b2.contains("<f>"))
    }

    @Test("formulas carry the program's result as their cached value", arguments: modes)
    func formulaCachedValues(options: WorkbookOptions) throws {
        let sheet = try readSample(options).text(Self.summary)
        let total = try #require(XlsxPackage.cell("C5", in: sheet))
        #expect(total.contains("<f>SUM(C2:C4)</f><v>399750</v>"))
        let third = try #require(XlsxPackage.cell("C6", in: sheet))
        #expect(third.contains("<f>C5/3</f><v>133250</v>"))
        let status = try #require(XlsxPackage.cell("C7", in: sheet))
        #expect(status.contains("t=\"str\""))
        #expect(status.hasSuffix("<v>Green</v></c>"))
    }

    @Test("money is pounds under the £ format; dates are serials under a date format", arguments: modes)
    func moneyAndDates(options: WorkbookOptions) throws {
        let book = try readSample(options)
        let sheet = try book.text(Self.summary)
        #expect(try #require(XlsxPackage.cell("C3", in: sheet)).contains("<v>270750</v>"))
        #expect(try book.numberFormat(of: "C3", inSheet: Self.summary) == CellStyle.moneyFormat)
        #expect(try book.numberFormat(of: "C5", inSheet: Self.summary) == "£#,##0.00;[Red]-£#,##0.00")
        // 2019-04-01 is Excel day 43556.
        #expect(try #require(XlsxPackage.cell("D2", in: sheet)).contains("<v>43556</v>"))
        #expect(try book.numberFormat(of: "D2", inSheet: Self.summary) == "dd/mm/yyyy")
        #expect(try book.numberFormat(of: "A2", inSheet: Self.summary) == "General")
    }

    @Test("chart part exists, is a column chart over the named ranges, with a literal title", arguments: modes)
    func chart(options: WorkbookOptions) throws {
        let book = try readSample(options)
        let chart = try book.text("xl/charts/chart1.xml")
        #expect(chart.contains("<c:barChart><c:barDir val=\"col\"/>"))
        #expect(chart.contains("<c:f>'Spend data'!$A$2:$A$4</c:f>"))
        #expect(chart.contains("<c:f>'Spend data'!$B$2:$B$4</c:f>"))
        #expect(chart.contains("<a:t>=Allocation by area</a:t>"))
        #expect(chart.contains("formatCode=\"£#,##0\""))
        #expect(book.entries["xl/drawings/drawing1.xml"] != nil)
        #expect(try book.text(Self.spend).contains("<drawing r:id=\"rId1\"/>"))
        #expect(try book.text("[Content_Types].xml").contains("/xl/charts/chart1.xml"))
    }

    @Test("defined names: workbook-wide, sheet-local, print titles and the filter range", arguments: modes)
    func definedNames(options: WorkbookOptions) throws {
        let workbook = try readSample(options).text("xl/workbook.xml")
        #expect(workbook.contains("<definedName name=\"Allocations\">'Spend data'!$B$2:$B$4</definedName>"))
        #expect(workbook.contains("<definedName name=\"Pot\" localSheetId=\"1\">Summary!$C$3</definedName>"))
        #expect(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">Summary!$1:$1</definedName>"))
        #expect(workbook.contains("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">Summary!$A$1:$D$4</definedName>"))
    }

    @Test("print setup: landscape A4, one page wide, OFFICIAL header and footer with page numbers",
          arguments: modes)
    func printSetup(options: WorkbookOptions) throws {
        let sheet = try readSample(options).text(Self.summary)
        let start = try #require(sheet.range(of: "<pageSetup "))
        let pageSetup = String(sheet[start.lowerBound...].prefix { $0 != ">" })
        #expect(pageSetup.contains("orientation=\"landscape\""))
        #expect(pageSetup.contains("paperSize=\"9\""))
        #expect(pageSetup.contains("fitToHeight=\"0\""))
        // fitToWidth defaults to 1 in SpreadsheetML, so writers omit it; fitToPage switches fitting on.
        let fitToWidth = XlsxPackage.attribute("fitToWidth", in: pageSetup)
        #expect(fitToWidth == nil || fitToWidth == "1")
        #expect(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"))
        #expect(sheet.contains("<oddHeader>&amp;LGrants &amp;&amp; lines 2019-20&amp;COFFICIAL</oddHeader>"))
        #expect(sheet.contains("<oddFooter>&amp;L&amp;A&amp;COFFICIAL&amp;RPage &amp;P of &amp;N</oddFooter>"))
    }

    @Test("layout: frozen header row, autofilter, column widths", arguments: modes)
    func layout(options: WorkbookOptions) throws {
        let sheet = try readSample(options).text(Self.summary)
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<autoFilter ref=\"A1:D4\"/>"))
        #expect(sheet.contains("<col min=\"1\" max=\"2\" width=\"40.7109375\" customWidth=\"1\"/>"))
    }

    @Test("document properties carry the fixed creation date and the custom provenance", arguments: modes)
    func properties(options: WorkbookOptions) throws {
        let book = try readSample(options)
        let core = try book.text("docProps/core.xml")
        #expect(core.contains("<dc:title>Community safety grants: committee pack</dc:title>"))
        #expect(core.contains("<dc:creator>grantledger</dc:creator>"))
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-11-25T00:00:00Z</dcterms:created>"))
        #expect(core.contains("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2025-11-25T00:00:00Z</dcterms:modified>"))
        #expect(try book.text("docProps/app.xml").contains("<Company>Office of the Police and Crime Commissioner</Company>"))
        let custom = try book.text("docProps/custom.xml")
        #expect(custom.contains("name=\"Tool version\"><vt:lpwstr>0.0.0-test</vt:lpwstr>"))
        #expect(custom.contains("name=\"As of\"><vt:lpwstr>2025-11-25</vt:lpwstr>"))
    }

    @Test("a bar chart puts the value title on its horizontal value axis and lists categories in row order")
    func barChartAxes() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("bar.xlsx")
        try WorkbookWriter.write(to: path, properties: SampleWorkbook.properties) { book in
            let sheet = try book.addWorksheet(named: "Areas")
            for (row, area) in ["Gedling", "Rushcliffe"].enumerated() {
                try sheet.writeRow([.text(area), .money(Money(pence: Int64(row + 1) * 100))], row: row)
            }
            try sheet.insertChart(
                ChartModel(kind: .bar, title: "By area", series: [
                    ChartModel.Series(name: "=not a reference", categories: sheet.area(CellArea(column: 0, rows: 0...1)),
                                      values: sheet.area(CellArea(column: 1, rows: 0...1))),
                ], valueAxisTitle: "Pounds", anchor: CellRef(row: 0, column: 3), widthScale: 1.5, heightScale: 1.2))
        }
        let chart = try XlsxPackage(path: path).text("xl/charts/chart1.xml")
        #expect(chart.contains("<c:barDir val=\"bar\"/>"))
        let catAx = try #require(chart.range(of: "<c:catAx>").map { chart[$0.lowerBound...] })
        let catAxEnd = try #require(catAx.range(of: "</c:catAx>"))
        let categoryAxis = catAx[..<catAxEnd.lowerBound]
        #expect(!categoryAxis.contains("<a:t>Pounds</a:t>"))
        // First row at the top, as in the table beside it.
        #expect(categoryAxis.contains("<c:orientation val=\"maxMin\"/>"))
        let valAx = try #require(chart.range(of: "<c:valAx>").map { chart[$0.lowerBound...] })
        let valAxEnd = try #require(valAx.range(of: "</c:valAx>"))
        #expect(valAx[..<valAxEnd.lowerBound].contains("<a:t>Pounds</a:t>"))
        // ...with the value axis kept at the bottom, where the reversed categories end.
        #expect(chart.contains("<c:crosses val=\"max\"/>"))
        #expect(chart.contains("<c:tx><c:v>=not a reference</c:v></c:tx>"))
        #expect(!chart.contains("<c:f>not a reference</c:f>"))
    }

    @Test("control characters and XML metacharacters survive as well-formed XML", arguments: modes)
    func awkwardText(options: WorkbookOptions) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("awkward.xlsx")
        let texts = ["<b>&amp;</b> \"quoted\" 'single'", "  padded  ", "tab\there", "£ € 日本", "bell\u{7}"]
        try WorkbookWriter.write(to: path, properties: SampleWorkbook.properties, options: options) { book in
            let sheet = try book.addWorksheet(named: "Text")
            for (row, text) in texts.enumerated() { try sheet.writeText(text, at: CellRef(row: row, column: 0)) }
        }
        // Every part must parse as XML for a spreadsheet program to open the file.
        let check = """
            import sys, zipfile, xml.dom.minidom
            with zipfile.ZipFile(sys.argv[1]) as z:
                for n in z.namelist():
                    if n.endswith(".xml") or n.endswith(".rels"):
                        xml.dom.minidom.parseString(z.read(n))
            """
        try runTool(["python3", "-c", check, path])
        let book = try XlsxPackage(path: path)
        for (row, text) in texts.enumerated().dropLast() {
            #expect(try book.stringValue(of: "A\(row + 1)", inSheet: "xl/worksheets/sheet1.xml") == text)
        }
    }
}
