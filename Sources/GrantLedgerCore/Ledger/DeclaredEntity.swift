/// Something declared once under an id, so duplicates and references can be reported in one way.
public protocol DeclaredEntity {
    var id: String { get }
    var location: SourceLocation { get }
}

extension Funder: DeclaredEntity {}
extension Area: DeclaredEntity {}
extension Initiative: DeclaredEntity {}
extension Grant: DeclaredEntity {}
extension Bid: DeclaredEntity {}
extension GrantClaim: DeclaredEntity {}
extension AgreedAllocation: DeclaredEntity {}
