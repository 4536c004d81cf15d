/// An allocation the board agreed: a grant's line (or its award) shared across areas, as written
/// in the books once the decision is made:
///
///     allocation nwps-2021-22-agreed  NWPS 2021-22 as agreed by the board
///       grant     pcc-nwps-2021-22
///       line      nwps
///       agreed    2020-12-10
///       scenario  examples/scenarios/nwps-2021-22-thirds.scenario
///       area ashfield  £43,230.00
///       …
///
/// Each area's share is its budget from the line: `report areas` sets its spend against it, and
/// next year's allocation reads it as last year's (`previous  allocation:ID`).
public struct AgreedAllocation: Hashable, Sendable {
    public let id: String
    public let name: String
    public var grantID: String?
    public var lineID: String?
    public var lineLocation: SourceLocation?
    public var agreed: Day?
    /// How it was worked out, as written (a scenario file, a paper): a record, not read.
    public var scenario: String?
    public var shares: [Share] = []
    public let location: SourceLocation

    public struct Share: Hashable, Sendable {
        public let areaID: String
        public let amount: Money
        public let location: SourceLocation
    }

    public init(id: String, name: String, location: SourceLocation) {
        self.id = id
        self.name = name
        self.location = location
    }

    /// The shares added up; nil past what a total can hold.
    public var total: Money? { try? Money.sum(shares.map(\.amount)) }
}
