/// A declaration being read: its fields arrive on the indented lines that follow it.
enum Declaration {
    case funder(Funder)
    case area(Area)
    case initiative(Initiative)
    case grant(Grant)
    case bid(Bid)
    case claim(GrantClaim)
    case allocation(AgreedAllocation)
    case commitment(Commitment)
    case shape(ProfileShape)
    case account(Account)
}

/// An id named in a declaration's field (a grant's funder, an area's parent), checked once all
/// files are read, since declarations may come in any order.
struct PendingReference {
    enum Kind { case funder, area, grant, initiative }
    let kind: Kind
    let id: String
    let location: SourceLocation
    let excerpt: String
}
