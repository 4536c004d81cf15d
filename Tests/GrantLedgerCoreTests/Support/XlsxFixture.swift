import Foundation
@testable import GrantLedgerCore
import ZIPFoundation

/// Small .xlsx workbooks built in memory from inline XML with ZIPFoundation, so a test reads like
/// the sheet it reads.
enum XlsxFixture {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let worksheetType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"

    /// A zip of `parts` (name, contents), deflated unless `stored`.
    static func zip(_ parts: [(String, String)], stored: Bool = false) -> [UInt8] {
        zipBytes(parts.map { ($0.0, Array($0.1.utf8)) }, stored: stored)
    }

    static func zipBytes(_ parts: [(String, [UInt8])], stored: Bool = false) -> [UInt8] {
        // swiftlint:disable:next force_try
        let archive = try! Archive(accessMode: .create)
        for (name, bytes) in parts {
            let data = Data(bytes)
            // swiftlint:disable:next force_try
            try! archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                  modificationDate: Date(timeIntervalSince1970: 1_700_000_000),
                                  compressionMethod: stored ? .none : .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(archive.data ?? Data())
    }

    /// `<worksheet><sheetData>…</sheetData></worksheet>`
    static func sheet(_ rows: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"\(main)\"><sheetData>\(rows)</sheetData></worksheet>"
    }

    /// `<sst>` of plain strings (each in a `<t>`, spaces preserved) or raw `<si>` bodies.
    static func sharedStrings(_ items: [String], raw: Bool = false) -> String {
        let body = items.map { raw ? "<si>\($0)</si>" : "<si><t xml:space=\"preserve\">\(escaped($0))</t></si>" }.joined()
        return "<?xml version=\"1.0\"?>\n<sst xmlns=\"\(main)\" count=\"\(items.count)\" uniqueCount=\"\(items.count)\">\(body)</sst>"
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The parts of a workbook with `sheets` (name and sheet XML) in order, optional shared
    /// strings, and targets written relative (`worksheets/sheet1.xml`) or absolute (`/xl/…`).
    static func parts(sheets: [(String, String)], shared: String? = nil, date1904: Bool = false,
                      absoluteTargets: Bool = false) -> [(String, String)] {
        let sheetList = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(escaped(sheet.0))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        let workbook = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="\(main)" xmlns:r="\(relationshipsNamespace)">\(date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>")<sheets>\(sheetList)</sheets></workbook>
            """
        var links = sheets.indices.map { index in
            let target = (absoluteTargets ? "/xl/" : "") + "worksheets/sheet\(index + 1).xml"
            return "<Relationship Id=\"rId\(index + 1)\" Type=\"\(worksheetType)\" Target=\"\(target)\"/>"
        }
        if shared != nil {
            links.append("<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
        }
        let rels = "<?xml version=\"1.0\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(links.joined())</Relationships>"
        let root = """
            <?xml version="1.0"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """
        var parts: [(String, String)] = [("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
                                         ("_rels/.rels", root), ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels)]
        if let shared { parts.append(("xl/sharedStrings.xml", shared)) }
        for (index, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet.1)) }
        return parts
    }

    /// A whole workbook's bytes.
    static func workbook(sheets: [(String, String)], shared: String? = nil, date1904: Bool = false,
                         absoluteTargets: Bool = false) -> [UInt8] {
        zip(parts(sheets: sheets, shared: shared, date1904: date1904, absoluteTargets: absoluteTargets))
    }

    /// One sheet called `Sheet1` of `rows`.
    static func workbook(rows: String, shared: [String]? = nil) -> [UInt8] {
        workbook(sheets: [("Sheet1", sheet(rows))], shared: shared.map { sharedStrings($0) })
    }

    /// The rows of `bytes`' sheet (the first when nil), and the problems.
    static func read(_ bytes: [UInt8], sheet: String? = nil, file: String = "book.xlsx") -> ([CSVRecord], [Diagnostic]) {
        switch XlsxWorkbook.read(bytes: bytes, file: file) {
        case .success(let workbook): return workbook.records(sheet: sheet)
        case .failure(let error): return ([], [error.diagnostic])
        }
    }

    /// The texts of each record.
    static func texts(_ records: [CSVRecord]) -> [[String]] { records.map { $0.fields.map(\.text) } }
}
