/// A place money is spent in or allocated to. Areas nest (`within`): districts in a community safety
/// partnership, partnerships in a county, so reports can roll spend up.
public struct Area: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case district, unitary, city, county, csp, force
    }

    public let id: String
    public let name: String
    public var kind: Kind?
    public var parentID: String?
    public var gssCode: String?
    public let location: SourceLocation
}
