/// An application for funding and its dated history from draft to decision.
public struct Bid: Hashable, Sendable {
    public let id: String
    public let name: String
    public var fund: String?
    public var round: String?
    public var applicant: String?
    public var requested: Money?
    public var grantID: String?
    public var history: [BidEvent] = []
    public let location: SourceLocation

    public init(id: String, name: String, location: SourceLocation) {
        self.id = id
        self.name = name
        self.location = location
    }

    public var status: BidStatus { history.last?.status ?? .draft }
    public var awarded: Money? { history.last(where: { $0.amount != nil })?.amount }
    public func date(of status: BidStatus) -> Day? { history.last(where: { $0.status == status })?.date }
}

public struct BidEvent: Hashable, Sendable {
    public let date: Day
    public let status: BidStatus
    public let amount: Money?
    public let location: SourceLocation
    /// Where the step's date is written (`location` is its status word's).
    public var dateLocation: SourceLocation?
}

public enum BidStatus: String, CaseIterable, Sendable {
    case draft, submitted, awarded
    case partAwarded = "part-awarded"
    case rejected, withdrawn

    /// The moves a bid may make; anything else is an error in the books.
    public func canMove(to next: BidStatus) -> Bool {
        switch (self, next) {
        case (.draft, .submitted), (.draft, .withdrawn): return true
        case (.submitted, .awarded), (.submitted, .partAwarded), (.submitted, .rejected), (.submitted, .withdrawn): return true
        default: return false
        }
    }

    public var carriesAmount: Bool { self == .awarded || self == .partAwarded }
}
