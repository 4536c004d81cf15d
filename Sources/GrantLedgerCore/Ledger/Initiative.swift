/// A piece of work that spends money: a post, a scheme, a night of action.
public struct Initiative: Hashable, Sendable {
    public let id: String
    public let name: String
    public var lead: String?
    public var areaID: String?
    public var grantID: String?
    public let location: SourceLocation
}
