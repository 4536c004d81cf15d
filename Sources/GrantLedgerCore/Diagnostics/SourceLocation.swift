/// Where a problem is: a file as the user named it, a 1-based line and a 1-based byte column.
/// Columns are counted in bytes while reading (fast); the renderer converts them to characters.
public struct SourceLocation: Hashable, Comparable, Sendable {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
