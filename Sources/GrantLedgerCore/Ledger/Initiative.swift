/// A piece of work that spends money: a post, a scheme, a night of action. It may carry a budget
/// of its own (what the partnership agreed to spend on it), with a period (its grant's when not
/// given) and a profile, so `report budget --rows initiatives` monitors it as a grant's line is.
public struct Initiative: Hashable, Sendable {
    public let id: String
    public let name: String
    public var lead: String?
    public var areaID: String?
    public var grantID: String?
    public var budget: Money?
    public var period: Period?
    /// As written (`profile  quarterly  even`); its `lineID` is the initiative's id.
    public var profile: ProfileDeclaration?
    /// Where its period is written, for pointing at it.
    public var periodLocation: SourceLocation?
    public let location: SourceLocation
}

extension Initiative {
    /// The period its budget runs over: its own, else its grant's.
    public func budgetPeriod(in ledger: Ledger) -> Period? {
        period ?? grantID.flatMap { ledger.grantIndex[$0] }.flatMap { ledger.grants[$0].period }
    }
}
