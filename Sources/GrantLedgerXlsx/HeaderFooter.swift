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

    /// Excel's header/footer code, e.g. `&COFFICIAL&RPage &P of &N`.
    public var code: String {
        func render(_ pieces: [Piece]) -> String {
            pieces.map { piece in
                switch piece {
                case let .text(text): return text.replacingAll("&", with: "&&")
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
