/// A claim made to a grant's funder for one period of its claims schedule, as the books record it:
///
///     claim ss4-bns 2022-23-Q3
///       prepared-by  A. Officer, Finance Officer
///       checked-by   B. Manager, Head of Finance
///       2023-01-06  draft
///       2023-01-10  submitted  £221,823.16
///       2023-01-30  paid
///
/// What was claimed is the submitted amount; what was received is the income tagged `claim:PERIOD`
/// (with the grant's `grant:` tag) on the receipts, so the debtor (claimed, not yet received) is
/// always what the postings say.
public struct GrantClaim: Hashable, Sendable {
    public let grantID: String
    public let periodText: String
    /// Nil when the period is not a month, quarter or year as written (reported when read).
    public let period: FinancialPeriod?
    public var preparedBy: String?
    public var checkedBy: String?
    public var history: [ClaimEvent] = []
    /// The postings tagged with this claim, by index into `Ledger.postings`, in file order.
    public internal(set) var receipts: [Int32] = []
    public let location: SourceLocation
    public let periodLocation: SourceLocation

    /// The claim's id as messages name it: `ss4-bns 2022-23-Q3`.
    public var id: String { Self.key(grantID, periodText) }

    /// The id of a grant's claim for a period, as `Ledger.claimIndex` holds it.
    public static func key(_ grantID: String, _ period: CustomStringConvertible) -> String { "\(grantID) \(period.description)" }

    public var status: ClaimStatus? { history.last?.status }
    /// The amount last submitted; nil before the claim is submitted.
    public var claimed: Money? { history.last(where: { $0.status == .submitted })?.amount }
}

public struct ClaimEvent: Hashable, Sendable {
    public let date: Day
    public let status: ClaimStatus
    /// The amount claimed, on a submitted step only.
    public let amount: Money?
    public let location: SourceLocation
    /// Where the step's date is written (`location` is its status word's).
    public let dateLocation: SourceLocation
}

public enum ClaimStatus: String, CaseIterable, Sendable {
    case draft, submitted, paid
    case partPaid = "part-paid"
    case rejected

    /// The moves a claim may make: a rejected claim may be corrected and submitted again, and a
    /// part-paid one paid in full; anything else is an error in the books.
    public func canMove(to next: ClaimStatus) -> Bool {
        switch (self, next) {
        case (.draft, .submitted): return true
        case (.submitted, .paid), (.submitted, .partPaid), (.submitted, .rejected): return true
        case (.partPaid, .paid), (.rejected, .submitted), (.rejected, .draft): return true
        default: return false
        }
    }
}
