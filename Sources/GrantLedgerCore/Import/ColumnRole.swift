/// What a column of a finance-system export means to the ledger. The rules file names the export's
/// own heading for each (`column date  Posting Date`); every other column is ignored.
public enum ColumnRole: String, CaseIterable, Sendable {
    case date
    case amount
    case reference
    case supplier
    case description
    case costCentre = "cost-centre"
    case account

    /// The roles every rules file must name: without them a row cannot become a transaction.
    public static let required: [ColumnRole] = [.date, .amount, .reference]

    /// Roles a `map` or `skip` rule may test. Dates and amounts are never codes.
    public var canBeTested: Bool { self != .date && self != .amount }
}
