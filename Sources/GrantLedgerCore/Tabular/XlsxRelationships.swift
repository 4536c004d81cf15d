import Foundation

/// A part's relationships (`xl/_rels/workbook.xml.rels`): what each `r:id` points at.
struct XlsxRelationships {
    struct Relationship {
        let type: String
        /// The part it points at, resolved against the source part's folder (`xl/worksheets/sheet1.xml`);
        /// nil for an external target (a link to another file).
        let target: String?
    }

    private(set) var byID: [String: Relationship] = [:]

    /// The relationships of the part `source` (`xl/workbook.xml`), read from `bytes`.
    init(_ bytes: [UInt8], part: String, source: String) throws(XlsxPartProblem) {
        let handler = Handler(folder: Self.folder(of: source))
        if let problem = XMLPartParser.parse(bytes, part: part, into: handler) { throw problem }
        byID = handler.relationships
    }

    init() {}

    /// The first relationship whose type ends `/name` (`officeDocument`, `sharedStrings`).
    func first(ofType name: String) -> Relationship? {
        byID.sorted { $0.key < $1.key }.first { $0.value.type.hasSuffix("/" + name) }?.value
    }

    /// `xl/` for `xl/workbook.xml`; empty for a part at the top.
    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// `worksheets/sheet1.xml` against `xl/` is `xl/worksheets/sheet1.xml`; `/xl/…` is from the top;
    /// `..` steps up (never above the top).
    static func resolve(_ target: String, from folder: String) -> String {
        let whole = target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
        var parts: [Substring] = []
        for piece in whole.split(separator: "/", omittingEmptySubsequences: true) {
            if piece == "." { continue }
            if piece == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(piece)
        }
        return parts.joined(separator: "/")
    }

    /// The package's part names are percent-encoded URIs (`sheet%201.xml`); most writers never
    /// need it, but a name decoded wrongly would be "missing".
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        return text.removingPercentEncoding ?? text
    }

    private final class Handler: XMLPartHandler {
        let folder: String
        var relationships: [String: Relationship] = [:]
        var stop: XlsxPartProblem?

        init(folder: String) { self.folder = folder }

        func start(_ name: String, _ attributes: [String: String]) {
            guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
            let external = attributes["TargetMode"] == "External"
            let resolved = external ? nil : XlsxRelationships.resolve(XlsxRelationships.percentDecoded(target), from: folder)
            if relationships[id] == nil {
                relationships[id] = Relationship(type: attributes["Type"] ?? "", target: resolved)
            }
        }

        func text(_ text: String) {}
        func end(_ name: String) {}
    }
}
