/// An .xlsx workbook read from its bytes: its sheets, its date system, and any sheet's rows as the
/// same located records the CSV reader gives (`records(sheet:origin:)`), so the readers of area
/// data and finance exports read either.
///
/// The bytes are the ones the input door read (`SourceFiles`), never the file opened again, so the
/// SHA-256 the Provenance sheet shows is of what was parsed. Nothing here trusts the file: a zip
/// bomb, a damaged or truncated zip, a missing part, XML that is not well formed, a sheet past a
/// spreadsheet's size or a cell the reader refuses is a located `bad-xlsx` problem, never a crash.
///
/// Parts read: `_rels/.rels` (where the workbook is; `xl/workbook.xml` without it), the workbook
/// (its sheets in order and `date1904`), its relationships (each sheet's part, relative or
/// absolute), the shared strings when there are any, and the one sheet asked for.
public struct XlsxWorkbook: Sendable {
    /// The file as the user named it, in every diagnostic.
    public let file: String
    /// The sheets in workbook order (hidden ones too).
    public let sheetNames: [String]
    /// Whether date serials count from 1904-01-01 (old Mac workbooks) rather than 1900.
    public let date1904: Bool

    let sheetTargets: [SheetTarget]
    let sharedStringsPart: String?
    let directory: ZipDirectory
    /// What is left of the unpacking budget after the workbook's own parts.
    let budget: Int

    /// Where a sheet's rows are, or why it has none to read.
    enum SheetTarget: Sendable {
        case part(String)
        case notAWorksheet(kind: String)
        case missing
    }

    /// The workbook in `source` (bytes from the input door).
    public static func read(_ source: SourceFile) -> Result<XlsxWorkbook, XlsxError> {
        read(bytes: source.bytes, file: source.name)
    }

    /// The workbook in `bytes`; `file` names it in diagnostics.
    public static func read(bytes: [UInt8], file: String) -> Result<XlsxWorkbook, XlsxError> {
        if let problem = notAZip(bytes) { return .failure(problem.error(file)) }
        do throws(XlsxPartProblem) {
            let directory = try ZipDirectory(bytes: bytes)
            var budget = ZipDirectory.unpackingBudget(forFileOf: bytes.count)
            let workbookPart = try officeDocument(directory, budget: &budget)
            guard let entry = directory.entry(workbookPart) else {
                let ods = directory.entry("content.xml") != nil && directory.entry("mimetype") != nil
                throw XlsxPartProblem(
                    ods ? "it is an OpenDocument spreadsheet (.ods), not an Excel workbook (.xlsx)"
                        : "it is a zip file but not an Excel workbook: it has no \(workbookPart)",
                    hint: "save it from a spreadsheet program as an Excel Workbook (.xlsx)")
            }
            let contents = try directory.contents(of: entry, budget: &budget)
            let workbook = try WorkbookPart(contents, part: workbookPart)
            let relationshipsPart = XlsxRelationships.folder(of: workbookPart) + "_rels/"
                + String(workbookPart.split(separator: "/").last ?? "") + ".rels"
            var relationships = XlsxRelationships()
            if let rels = directory.entry(relationshipsPart) {
                relationships = try XlsxRelationships(try directory.contents(of: rels, budget: &budget),
                                                      part: relationshipsPart, source: workbookPart)
            }
            let targets = workbook.sheets.map { sheet -> SheetTarget in
                guard let id = sheet.relationship, let link = relationships.byID[id], let target = link.target else { return .missing }
                if !link.type.isEmpty && !link.type.hasSuffix("/worksheet") {
                    return .notAWorksheet(kind: String(link.type.split(separator: "/").last ?? "sheet"))
                }
                return .part(target)
            }
            let shared = relationships.first(ofType: "sharedStrings")?.target
                ?? (directory.entry(XlsxRelationships.folder(of: workbookPart) + "sharedStrings.xml") != nil
                    ? XlsxRelationships.folder(of: workbookPart) + "sharedStrings.xml" : nil)
            return .success(XlsxWorkbook(file: file, sheetNames: workbook.sheets.map(\.name), date1904: workbook.date1904,
                                         sheetTargets: targets, sharedStringsPart: shared, directory: directory, budget: budget))
        } catch {
            return .failure(error.error(file))
        }
    }

    /// Where the package says its workbook is (`_rels/.rels`), else `xl/workbook.xml`.
    private static func officeDocument(_ directory: ZipDirectory, budget: inout Int) throws(XlsxPartProblem) -> String {
        let fallback = "xl/workbook.xml"
        guard let rels = directory.entry("_rels/.rels") else { return fallback }
        let relationships = try XlsxRelationships(try directory.contents(of: rels, budget: &budget), part: "_rels/.rels", source: "")
        return relationships.first(ofType: "officeDocument")?.target ?? fallback
    }

    /// What a file that is not a zip at all is, when it can be told.
    private static func notAZip(_ bytes: [UInt8]) -> XlsxPartProblem? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return nil }
        let save = "open it in a spreadsheet program and save it as an Excel Workbook (.xlsx)"
        if bytes.isEmpty { return XlsxPartProblem("the file is empty, not an Excel workbook", hint: save) }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return XlsxPartProblem("it is an Excel 97-2003 workbook (.xls) or a password-protected one, not an .xlsx workbook",
                                   hint: save + ", without a password")
        }
        // Text: no control characters but tab and line ends in its first bytes.
        if !bytes.prefix(4096).contains(where: { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) || $0 == 0x7F }) {
            return XlsxPartProblem("it is text, not an Excel workbook (a CSV file named .xlsx?)",
                                   hint: "name a CSV file with the extension .csv, or save the workbook as .xlsx")
        }
        return XlsxPartProblem("it is not an Excel workbook (.xlsx): it does not start as a zip file does", hint: save)
    }

    /// The sheet named `name` (exactly, else ignoring case), or the first sheet when `name` is nil;
    /// nil when there is no such sheet.
    public func sheetName(matching name: String?) -> String? {
        sheetIndex(matching: name).map { sheetNames[$0] }
    }

    func sheetIndex(matching name: String?) -> Int? {
        guard let name else { return sheetNames.isEmpty ? nil : 0 }
        return sheetNames.firstIndex(of: name) ?? sheetNames.firstIndex { $0.lowercased() == name.lowercased() }
    }

    /// The problem with asking for a sheet the workbook does not have (or any, when it has none),
    /// at `origin` (where the sheet was named) when there is one.
    func unknownSheet(_ name: String?, origin: SettingOrigin?) -> Diagnostic {
        let listed = sheetNames.map { quoted($0) }.joined(separator: ", ")
        let message = name.map { "\(file) has no sheet \(quoted($0))" } ?? "\(file) has no sheets"
        let hint = name.map {
            Suggestion.hint($0, in: sheetNames, known: "its sheets are " + (listed.isEmpty ? "none" : listed), quote: true)
        } ?? "save the workbook again from a spreadsheet program"
        guard let origin else {
            return Diagnostic(.badXlsx, message, hint: hint, at: SourceLocation(file: file, line: 1, column: 1), excerpt: "")
        }
        return Diagnostic(.badXlsx, message, hint: hint, origin: origin)
    }
}

/// `xl/workbook.xml`: the sheets in order, each with its relationship id, and the date system.
struct WorkbookPart {
    struct Sheet {
        let name: String
        let relationship: String?
    }

    let sheets: [Sheet]
    let date1904: Bool

    init(_ bytes: [UInt8], part: String) throws(XlsxPartProblem) {
        let handler = Handler()
        if let problem = XMLPartParser.parse(bytes, part: part, into: handler) { throw problem }
        guard !handler.sheets.isEmpty else { throw XlsxPartProblem("\(part) lists no sheets") }
        sheets = handler.sheets
        date1904 = handler.date1904
    }

    private final class Handler: XMLPartHandler {
        var sheets: [Sheet] = []
        var date1904 = false
        var stop: XlsxPartProblem?

        func start(_ name: String, _ attributes: [String: String]) {
            switch name {
            case "workbookPr":
                date1904 = ["1", "true"].contains(attributes["date1904"]?.lowercased() ?? "")
            case "sheet":
                // `r:id`, whatever the prefix of the relationships namespace is.
                let id = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") && $0.key != "xml:id" }?.value
                let name = attributes["name"] ?? ""
                if sheets.contains(where: { $0.name.lowercased() == name.lowercased() }) {
                    stop = XlsxPartProblem("the workbook names two sheets \(quoted(name))")
                }
                sheets.append(Sheet(name: name, relationship: id))
            default:
                break
            }
        }

        func text(_ text: String) {}
        func end(_ name: String) {}
    }
}
