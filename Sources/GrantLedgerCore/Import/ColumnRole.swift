/// What a column of a finance-system export means to the ledger. The rules file names the export's
/// own heading for each (`column date  Posting Date`); every other column is ignored.
///
/// The amount comes in one of three shapes (`AmountShape`): one signed `amount` column; a `debit`
/// and `credit` pair; or `net`, `vat` and `gross`, any two of them.
public enum ColumnRole: String, CaseIterable, Sendable {
    case date
    case amount
    case debit
    case credit
    case net
    case vat
    case gross
    case reference
    case supplier
    case description
    case costCentre = "cost-centre"
    case account

    /// The roles every rules file must name, besides an amount in one of its shapes.
    public static let required: [ColumnRole] = [.date, .reference]

    /// Whether the column holds money: one of the amount shapes' columns.
    public var isAmount: Bool {
        switch self {
        case .amount, .debit, .credit, .net, .vat, .gross: return true
        default: return false
        }
    }

    /// Roles a `map` or `skip` rule may test. Dates and amounts are never codes.
    public var canBeTested: Bool { self != .date && !isAmount }
}
