/// The ledger's spend set beside the finance system's statement: which entries were paired and
/// how, what is on one side only, and the totals per grant line on both sides.
public struct Reconciliation: Sendable {
    public let statementFile: String
    public let rulesFile: String
    /// The grants compared: those the rules map statement rows to.
    public let grants: [String]
    /// The days compared, and why those (nil for a statement with no rows for the grants).
    public let period: StatementPeriod?
    public let dateTolerance: Int
    /// Every pair, clean or not.
    public let matched: [ReconciledPair]
    public let unmatchedLedger: [LedgerSpendItem]
    public let unmatchedStatement: [StatementItem]
    /// Statement rows that repeat another row of the statement which the ledger has once.
    public let repeatedStatement: [StatementItem]
    /// Per grant line, in the books' order of grants and lines.
    public let lineTotals: [LineTotal]
    /// The sums of `lineTotals`.
    public let total: LineTotal

    public var amountDifferences: [ReconciledPair] { matched.filter { !$0.amountDifference.isZero } }
    public var lineDifferences: [ReconciledPair] { matched.filter(\.lineDiffers) }
    /// True when both sides agree entry by entry.
    public var isClean: Bool {
        unmatchedLedger.isEmpty && unmatchedStatement.isEmpty && repeatedStatement.isEmpty
            && matched.allSatisfy { $0.amountDifference.isZero && !$0.lineDiffers }
    }
}

/// A spend posting of the ledger, as the reconciliation sees it.
public struct LedgerSpendItem: Hashable, Sendable {
    public let date: Day
    public let amount: Money
    public let reference: String?
    public let supplier: String?
    public let grant: String
    public let line: String?
    public let account: String
    public let location: SourceLocation
}

/// A row of the statement, coded by the rules.
public struct StatementItem: Hashable, Sendable {
    public let date: Day
    public let amount: Money
    public let reference: String
    public let supplier: String?
    public let description: String?
    public let grant: String
    public let line: String?
    public let costCentre: String?
    public let accountCode: String?
    public let location: SourceLocation
}

/// A ledger posting and a statement row taken to be the same payment.
public struct ReconciledPair: Hashable, Sendable {
    public enum MatchedBy: String, Sendable {
        /// Same reference.
        case reference
        /// References differ (or one is missing), but the amounts are equal and the dates close.
        case dateAndAmount = "date-and-amount"
    }

    public let ledger: LedgerSpendItem
    public let statement: StatementItem
    public let matchedBy: MatchedBy
    /// Statement minus ledger.
    public let amountDifference: Money
    /// The two sides charge different grant lines.
    public var lineDiffers: Bool { ledger.grant != statement.grant || ledger.line != statement.line }
}

/// Spend on one grant line by each side.
public struct LineTotal: Hashable, Sendable {
    public let grant: String
    /// nil for spend on the grant that names no line.
    public let line: String?
    public let ledger: Money
    public let statement: Money
    /// Statement minus ledger.
    public let difference: Money
}
