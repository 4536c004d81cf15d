/// What a hint can offer for an id that names nothing in the books: found where the ids are known
/// (`Suggestion.closest`, the one matcher), worded where the option's name is. The id meant; else
/// the ids there are, when few enough to read in a line; else how many, and the report that lists
/// them, so a hint never runs to ten thousand names.
public enum SuggestedName: Hashable, Sendable {
    /// The one near the id given.
    case near(String)
    /// None near; these are all there are (at most `mostListed`, perhaps none).
    case known([String])
    /// None near, and this many: too many to list in a hint.
    case many(Int)

    /// The most ids a hint lists.
    public static let mostListed = 12

    public init(_ word: String, among candidates: [String]) {
        if let near = Suggestion.closest(to: word, in: candidates) {
            self = .near(near)
        } else if candidates.count <= Self.mostListed {
            self = .known(candidates)
        } else {
            self = .many(candidates.count)
        }
    }

    /// `did you mean X?`; else `the grants are: a, b` (`there are no grants: …` and how one is
    /// declared, when none are); else `there are 40 grants: grantledger report grants lists them`,
    /// or, with no report to list them, how each is declared, to look for in the books.
    public func hint(_ plural: String, listedBy command: String?, declaredAs declaration: String) -> String {
        switch self {
        case .near(let id): "did you mean \(id)?"
        case .known(let ids) where ids.isEmpty: "there are no \(plural): they are declared as: \(declaration)"
        case .known(let ids): "the \(plural) are: " + ids.joined(separator: ", ")
        case .many(let count):
            "there are \(Thousands.grouped(count)) \(plural): " + (command.map { "grantledger \($0) lists them" } ?? "each is declared as: \(declaration)")
        }
    }
}
