/// A body that gives grants: the PCC's office, the Home Office, a council.
public struct Funder: Hashable, Sendable {
    public let id: String
    public let name: String
    public let location: SourceLocation
}
