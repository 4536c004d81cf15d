import Foundation
import GrantLedgerTestSupport

/// Reads an .xlsx back with an independent implementation (Python's zipfile, which also checks
/// every entry's CRC), so the tests see the bytes a spreadsheet program would, not the writer's view.
struct XlsxPackage {
    let path: String
    /// Entry name → text (every part of a workbook without images is UTF-8 XML).
    let entries: [String: String]

    init(path: String) throws {
        self.path = path
        let script = """
            import json, sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as z:
                bad = z.testzip()
                if bad is not None:
                    sys.exit("corrupt entry: " + bad)
                json.dump({n: z.read(n).decode("utf-8") for n in z.namelist()}, sys.stdout)
            """
        let output = try runTool(["python3", "-c", script, path])
        entries = try JSONDecoder().decode([String: String].self, from: output)
    }

    func text(_ entry: String) throws -> String {
        guard let text = entries[entry] else { throw ToolError("no entry \(entry) in \(path)") }
        return text
    }

    /// The text a string cell shows, whether stored inline (`t="inlineStr"`, constant-memory mode)
    /// or in the shared-string table (`t="s"`); nil for any other kind of cell.
    func stringValue(of ref: String, inSheet sheet: String) throws -> String? {
        guard let cell = Self.cell(ref, in: try text(sheet)) else { return nil }
        if cell.contains("t=\"inlineStr\"") {
            return Self.textRuns(in: cell).joined()
        }
        if cell.contains("t=\"s\""), let index = Int(Self.elements("v", in: cell).first ?? "") {
            let items = Self.elements("si", in: try text("xl/sharedStrings.xml"))
            return items.indices.contains(index) ? Self.textRuns(in: items[index]).joined() : nil
        }
        return nil
    }

    /// The number format code applied to a cell, via its style index into `cellXfs`.
    func numberFormat(of ref: String, inSheet sheet: String) throws -> String? {
        guard let cell = Self.cell(ref, in: try text(sheet)) else { return nil }
        let styleIndex = Self.attribute("s", in: cell).flatMap(Int.init) ?? 0
        let styles = try text("xl/styles.xml")
        guard let xfsStart = styles.range(of: "<cellXfs"), let xfsEnd = styles.range(of: "</cellXfs>") else {
            return nil
        }
        let xfs = styles[xfsStart.upperBound..<xfsEnd.lowerBound]
            .components(separatedBy: "<xf ").dropFirst().map { "<xf " + $0 }
        guard xfs.indices.contains(styleIndex),
              let id = Self.attribute("numFmtId", in: xfs[styleIndex]) else { return nil }
        for numFmt in styles.components(separatedBy: "<numFmt ").dropFirst()
        where Self.attribute("numFmtId", in: "<numFmt " + numFmt) == id {
            return Self.attribute("formatCode", in: "<numFmt " + numFmt).map(Self.unescape)
        }
        return id == "0" ? "General" : "builtin:" + id
    }

    /// The first `name="value"` attribute in `xml`.
    static func attribute(_ name: String, in xml: String) -> String? {
        guard let start = xml.range(of: " \(name)=\"") else { return nil }
        let rest = xml[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// The contents of `<t>` / `<t xml:space="preserve">` runs, unescaped.
    static func textRuns(in xml: String) -> [String] {
        var runs: [String] = []
        var rest = xml[...]
        while let open = rest.range(of: "<t"), let gt = rest[open.upperBound...].firstIndex(of: ">") {
            let next = rest[open.upperBound]
            guard next == ">" || next == " " else { rest = rest[open.upperBound...]; continue }
            guard let close = rest.range(of: "</t>", range: rest.index(after: gt)..<rest.endIndex) else { break }
            runs.append(unescape(String(rest[rest.index(after: gt)..<close.lowerBound])))
            rest = rest[close.upperBound...]
        }
        return runs
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The text of every `<tag>` element (no attributes on the tag), in document order.
    static func elements(_ tag: String, in xml: String) -> [String] {
        var found: [String] = []
        var rest = xml[...]
        let open = "<\(tag)>"
        let close = "</\(tag)>"
        while let start = rest.range(of: open), let end = rest.range(of: close, range: start.upperBound..<rest.endIndex) {
            found.append(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// The XML of the `<c r="ref" ...>...</c>` element for one cell, or nil.
    static func cell(_ ref: String, in sheetXML: String) -> String? {
        guard let start = sheetXML.range(of: "<c r=\"\(ref)\"") else { return nil }
        let tail = sheetXML[start.lowerBound...]
        guard let openEnd = tail.firstIndex(of: ">") else { return nil }
        if tail[tail.index(before: openEnd)] == "/" { return String(tail[...openEnd]) }
        return tail.range(of: "</c>").map { String(tail[..<$0.upperBound]) }
    }
}

struct ToolError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs a command found on PATH; returns its standard output, or throws with its standard error.
@discardableResult
func runTool(_ arguments: [String]) throws -> Data {
    let result = try ToolProcess.onPath(arguments)
    guard result.status == 0 else {
        throw ToolError("\(arguments.prefix(2).joined(separator: " ")) exited \(result.status): "
            + String(decoding: result.stderr, as: UTF8.self) + String(decoding: result.stdout, as: UTF8.self))
    }
    return result.stdout
}
