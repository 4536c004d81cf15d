import GrantLedgerCore

/// A page header or footer in three parts, built from pieces so that text never turns into
/// one of Excel's `&` control codes by accident.
public struct HeaderFooter: Hashable, Sendable {
    public enum Piece: Hashable, Sendable {
        /// Literal text; any `&` is escaped as `&&`.
        case text(String)
        case pageNumber
        case pageCount
        case sheetName
    }

    public var left: [Piece]
    public var center: [Piece]
    public var right: [Piece]

    public init(left: [Piece] = [], center: [Piece] = [], right: [Piece] = []) {
        self.left = left
        self.center = center
        self.right = right
    }

    /// Excel's limit on a header or footer code, in characters; libxlsxwriter counts code points,
    /// Excel UTF-16 units, so both are held to it.
    public static let maxLength = 255

    /// How long `code` is by the stricter of the two counts.
    static func length(_ code: String) -> Int { max(code.unicodeScalars.count, code.utf16.count) }

    /// `text` cut to whole characters, with "…", so that written as a piece (each `&` doubled) it
    /// takes at most `room` characters; unchanged when it fits. Clipping is what Excel would make
    /// a person do; an error would refuse a title the rest of the program accepts.
    public static func clipped(_ text: String, toFit room: Int) -> String {
        clipped(text, toFit: room) { length(String($0)) + $0.unicodeScalars.filter { $0 == "&" }.count }
    }

    /// `text`, or its longest run of whole characters that fits `room` by `cost` with "…" after it:
    /// the one clipping rule for headers, footers and document properties.
    static func clipped(_ text: String, toFit room: Int, cost: (Substring) -> Int) -> String {
        if cost(Substring(text)) <= room { return text }
        var used = 1  // the ellipsis
        var end = text.startIndex
        for index in text.indices {
            let width = cost(text[index...index])
            if used + width > room { break }
            used += width
            end = text.index(after: index)
        }
        return room >= 1 ? String(text[..<end]) + "…" : ""
    }

    /// Excel's header/footer code, e.g. `&COFFICIAL&RPage &P of &N`.
    public var code: String {
        func render(_ pieces: [Piece]) -> String {
            pieces.map { piece in
                switch piece {
                case let .text(text): return VisibleText.cellText(text).replacingAll("&", with: "&&")
                case .pageNumber: return "&P"
                case .pageCount: return "&N"
                case .sheetName: return "&A"
                }
            }.joined()
        }
        var result = ""
        if !left.isEmpty { result += "&L" + render(left) }
        if !center.isEmpty { result += "&C" + render(center) }
        if !right.isEmpty { result += "&R" + render(right) }
        return result
    }
}

extension String {
    /// Foundation-free replace-all, for the one place it is needed.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
