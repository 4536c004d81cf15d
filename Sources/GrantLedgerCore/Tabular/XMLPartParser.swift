import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a workbook part's reader does with the XML's events: element names are local (`c`, not
/// `x:c`), attributes keep their written names (`r:id`), text comes in pieces.
protocol XMLPartHandler: AnyObject {
    func start(_ name: String, _ attributes: [String: String])
    func text(_ text: String)
    func end(_ name: String)
    /// Set to stop reading (a sheet past its limits): the parse ends and this is the problem.
    var stop: XlsxPartProblem? { get }
}

/// Reads one XML part of a workbook with Foundation's `XMLParser` (libxml2 on Linux), event by event.
///
/// Why `XMLParser` and not XMLCoder: a sheet is read cell by cell into records, never into a tree
/// of decoded types, and `XMLParser` streams (about a second for a million cells here) where
/// XMLCoder builds the whole tree first; and XMLCoder trims the blanks around text by default,
/// while a shared string written `<t xml:space="preserve"> Newark </t>` must keep them. `XMLParser`
/// gives every character of text as written, entities decoded, CDATA included.
///
/// Its traps, handled here: invalid UTF-8 in an element or attribute name crashes it (so a part
/// must be valid UTF-8 before it is parsed); given `Data` whole, libxml2 refuses a document over 10 MB (after
/// delivering every event), so the bytes are given as a stream; as a stream, a document cut short
/// (`<a>` with no `</a>`) parses "successfully", so the root element must be seen to close; and a
/// document type declaration (where entities, and so entity-expansion bombs, live) is refused
/// before parsing, as no workbook part has one.
final class XMLPartParser: NSObject, XMLParserDelegate {
    private weak var handler: XMLPartHandler?
    private var depth = 0
    private var rootClosed = false
    private var failed: (line: Int, column: Int)?

    private init(handler: XMLPartHandler) { self.handler = handler }

    /// Reads `bytes` (the part `name`) into `handler`; the problem when it is not a well-formed XML
    /// document or the handler stopped.
    static func parse(_ bytes: [UInt8], part name: String, into handler: XMLPartHandler) -> XlsxPartProblem? {
        // Invalid UTF-8 in a name reaches FoundationXML's element callback, which traps on it
        // (found by fuzzing): a workbook's XML is UTF-8, so anything else is refused first.
        if let bad = bytes.withUnsafeBufferPointer({ $0.firstInvalidUTF8Offset() }) {
            return XlsxPartProblem("\(name) is not valid UTF-8 (at byte \(bad + 1))")
        }
        if hasDocumentType(bytes) {
            return XlsxPartProblem("\(name) declares a document type, which no workbook part has (it could hide an entity bomb)")
        }
        let reader = XMLPartParser(handler: handler)
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        let finished = parser.parse()
        if let stop = handler.stop { return stop }
        if let at = reader.failed ?? (finished && parser.parserError == nil ? nil : (parser.lineNumber, parser.columnNumber)) {
            return XlsxPartProblem("\(name) is not well-formed XML (at its line \(at.line), column \(at.column))")
        }
        guard reader.rootClosed else { return XlsxPartProblem("\(name) is cut short: its XML never ends") }
        return nil
    }

    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)

    /// Whether the prolog (before the first element) holds `<!DOCTYPE`.
    static func hasDocumentType(_ bytes: [UInt8]) -> Bool {
        var index = 0
        let lessThan = UInt8(ascii: "<"), bang = UInt8(ascii: "!"), question = UInt8(ascii: "?")
        while index + 1 < bytes.count {
            guard bytes[index] == lessThan else { index += 1; continue }
            let next = bytes[index + 1]
            if next == question {
                index += 2
                while index + 1 < bytes.count && !(bytes[index] == question && bytes[index + 1] == UInt8(ascii: ">")) { index += 1 }
            } else if next == bang {
                guard bytes[index...].starts(with: commentOpen) else { return true }
                index += 4
                while index + 2 < bytes.count && !bytes[index...].starts(with: commentClose) { index += 1 }
            } else {
                return false
            }
            index += 1
        }
        return false
    }

    // MARK: - XMLParserDelegate

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if rootClosed { failed = failed ?? (parser.lineNumber, parser.columnNumber) }
        depth += 1
        handler?.start(elementName, attributeDict)
        if handler?.stop != nil { parser.abortParsing() }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        depth -= 1
        if depth == 0 { rootClosed = true }
        handler?.end(elementName)
        if handler?.stop != nil { parser.abortParsing() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        handler?.text(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        handler?.text(String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        failed = failed ?? (parser.lineNumber, parser.columnNumber)
    }

    func parser(_ parser: XMLParser, validationErrorOccurred validationError: Error) {
        failed = failed ?? (parser.lineNumber, parser.columnNumber)
    }
}
