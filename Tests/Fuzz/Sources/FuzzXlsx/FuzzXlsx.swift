import FuzzSupport
import GrantLedgerCore

/// The .xlsx reader (`XlsxWorkbook`, then `AreaTable` on its first sheet, every indicator read).
/// The input's first byte says what the rest is: a whole file (zip and all); a worksheet's XML in
/// a sound workbook with fixed shared strings; or the shared strings' XML beside a fixed sheet that
/// uses them. Promises: every problem is located, and none shows a line of the binary file.
let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
let fixedSheet = Array("""
    <worksheet xmlns="\(main)"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>\
    <c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>126300</v></c>\
    <c r="C2" t="s"><v>4</v></c></row></sheetData></worksheet>
    """.utf8)
let fixedShared = Array("""
    <sst xmlns="\(main)"><si><t>area</t></si><si><t>population</t></si><si><t>crime</t></si><si><t>Ashfield</t></si>\
    <si><t>11,545</t></si></sst>
    """.utf8)

func workbook(sheet: [UInt8], shared: [UInt8]) -> [UInt8] {
    let workbook = Array("""
        <workbook xmlns="\(main)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="Areas" sheetId="1" r:id="rId1"/></sheets></workbook>
        """.utf8)
    let rels = Array("""
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        </Relationships>
        """.utf8)
    return StoredZip.make([("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels),
                           ("xl/sharedStrings.xml", shared), ("xl/worksheets/sheet1.xml", sheet)])
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXlsx(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let rest = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let bytes: [UInt8]
    switch data[0] % 3 {
    case 0: bytes = rest
    case 1: bytes = workbook(sheet: rest, shared: fixedShared)
    default: bytes = workbook(sheet: fixedSheet, shared: rest)
    }
    let source = SourceFile(name: "input.xlsx", bytes: bytes)
    let (table, problems) = AreaTable.parse(workbook: source)
    var all = problems
    if let table {
        for column in table.columns where !column.text.isEmpty { all += table.numbers(named: column.text).1 }
    }
    let sources = SourceFiles()
    sources.add(source)
    let renderer = DiagnosticRenderer(sources: sources)
    for problem in all where problem.omitted == 0 {
        expect(problem.location != nil, "an unlocated problem: \(problem.message)")
        // The location's line and the hint: never a line of the file with a caret under it.
        let lines = renderer.render(problem).split(separator: "\n").count
        expect(lines == (problem.hint == nil ? 1 : 2), "a line of the workbook shown: \(renderer.render(problem))")
    }
    return 0
}
