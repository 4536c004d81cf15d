/// `xl/sharedStrings.xml`: the text of every string cell, by index. A string is its `<t>`, or the
/// runs of rich text (`<r><t>`) joined; phonetic guides (`<rPh>`, Japanese readings) are not part
/// of the text. Blanks are kept as written (`xml:space="preserve"`), and `_xHHHH_` is undone.
struct XlsxSharedStrings {
    private(set) var strings: [String] = []
    /// The text rule's verdict on each string, found once however many cells use it.
    private(set) var problems: [TextRule.Problem?] = []

    init() {}

    init(_ bytes: [UInt8], part: String) throws(XlsxPartProblem) {
        let handler = Handler()
        if let problem = XMLPartParser.parse(bytes, part: part, into: handler) { throw problem }
        strings = handler.strings
        problems = strings.map { TextRule.firstProblem(in: $0) }
    }

    var count: Int { strings.count }

    private final class Handler: XMLPartHandler {
        var strings: [String] = []
        var stop: XlsxPartProblem?
        private var current = ""
        private var inString = false
        private var phoneticDepth = 0
        private var inText = false

        func start(_ name: String, _ attributes: [String: String]) {
            switch name {
            case "si":
                inString = true
                current = ""
            case "rPh":
                phoneticDepth += 1
            case "t":
                inText = inString && phoneticDepth == 0
            default:
                break
            }
        }

        func text(_ text: String) {
            if inText { current += text }
        }

        func end(_ name: String) {
            switch name {
            case "si":
                strings.append(XlsxText.unescaped(current))
                inString = false
            case "rPh":
                phoneticDepth -= 1
            case "t":
                inText = false
            default:
                break
            }
        }
    }
}
