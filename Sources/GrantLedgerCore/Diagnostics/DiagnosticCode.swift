/// Every problem grantledger reports, by a stable name. Each has a reproducer in
/// `Tests/ErrorCatalogue/` checked against its expected output.
public enum DiagnosticCode: String, CaseIterable, Sendable {
    // Reading
    case fileNotFound = "file-not-found"
    case badEncoding = "bad-encoding"
    case includeNotFound = "include-not-found"
    case includeCycle = "include-cycle"
    case unknownDirective = "unknown-directive"
    case unknownField = "unknown-field"
    case missingField = "missing-field"
    case badSyntax = "bad-syntax"
    case badAmount = "bad-amount"
    case badDate = "bad-date"
    case impossibleDate = "impossible-date"
    case badPeriod = "bad-period"
    case badValue = "bad-value"
    case badAccount = "bad-account"
    case duplicateID = "duplicate-id"
    // References
    case unknownAccount = "unknown-account"
    case unknownFunder = "unknown-funder"
    case unknownGrant = "unknown-grant"
    case unknownLine = "unknown-line"
    case unknownArea = "unknown-area"
    case unknownInitiative = "unknown-initiative"
    case lineWithoutGrant = "line-without-grant"
    case areaCycle = "area-cycle"
    // Transactions
    case unbalancedTransaction = "unbalanced-transaction"
    case tooFewPostings = "too-few-postings"
    case multipleMissingAmounts = "multiple-missing-amounts"
    case amountOverflow = "amount-overflow"
    case balanceAssertionFailed = "balance-assertion-failed"
    // Grants and bids
    case linesExceedAward = "lines-exceed-award"
    case spendOutsidePeriod = "spend-outside-period"
    case illegalBidStatus = "illegal-bid-status"
    // Findings
    case unallocatedAward = "unallocated-award"
    case lineOverspent = "line-overspent"
    case awardExceedsRequest = "award-exceeds-request"

    public var severity: Severity {
        switch self {
        case .unallocatedAward, .lineOverspent, .awardExceedsRequest: return .finding
        default: return .error
        }
    }
}
