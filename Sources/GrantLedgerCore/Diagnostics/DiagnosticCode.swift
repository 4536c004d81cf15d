/// Every problem grantledger reports, by a stable name. Each has a reproducer in
/// `Tests/ErrorCatalogue/` checked against its expected output.
public enum DiagnosticCode: String, CaseIterable, Sendable {
    // Reading
    case fileNotFound = "file-not-found"
    case notARegularFile = "not-a-regular-file"
    case fileTooLarge = "file-too-large"
    case readFailed = "read-failed"
    case folderTooLarge = "folder-too-large"
    case includeOutsideTree = "include-outside-tree"
    case badEncoding = "bad-encoding"
    /// Text the one rule (`TextRule`) refuses: a control character, U+FFFE/U+FFFF, or too long for a cell.
    case badText = "bad-text"
    /// An .xlsx workbook that cannot be read: not a zip, damaged, a zip bomb, a part missing or not
    /// well-formed XML (at `file:1:1`), or a cell the reader refuses (at its row and column).
    case badXlsx = "bad-xlsx"
    case includeNotFound = "include-not-found"
    case includeCycle = "include-cycle"
    case includeTooDeep = "include-too-deep"
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
    case unknownAllocation = "unknown-allocation"
    case lineWithoutGrant = "line-without-grant"
    case unknownClaim = "unknown-claim"
    case illegalClaimStatus = "illegal-claim-status"
    case areaCycle = "area-cycle"
    // Transactions
    case unbalancedTransaction = "unbalanced-transaction"
    case tooFewPostings = "too-few-postings"
    case multipleMissingAmounts = "multiple-missing-amounts"
    case amountOverflow = "amount-overflow"
    /// One amount past ±`Money.spreadsheetLimit`, or the sizes of a file's amounts adding up past it (`AmountLimit`).
    case amountPastLimit = "amount-past-limit"
    case totalPastLimit = "total-past-limit"
    case balanceAssertionFailed = "balance-assertion-failed"
    // Grants and bids
    case linesExceedAward = "lines-exceed-award"
    case spendOutsidePeriod = "spend-outside-period"
    case illegalBidStatus = "illegal-bid-status"
    /// A line's profile that cannot be read, or does not fit its grant's periods.
    case badProfile = "bad-profile"
    /// A profile whose amounts do not add up to the line's budget.
    case profileNotBudget = "profile-not-budget"
    /// A profile naming a shape no `shape` declares.
    case unknownShape = "unknown-shape"
    /// An officer's forecast entry that cannot be read, has no note, falls outside its grant's
    /// period or repeats another for the same line and day.
    case badForecast = "bad-forecast"
    // Findings
    case unallocatedAward = "unallocated-award"
    case lineOverspent = "line-overspent"
    /// Spend on a grant with budget lines whose posting names none of them (`SpendLineChecks`).
    case spendWithoutLine = "spend-without-line"
    case awardExceedsRequest = "award-exceeds-request"
    /// A month or quarter whose actual is off its line's profile by more than the grant's variance
    /// threshold, with no variance note for it.
    case varianceUnexplained = "variance-unexplained"
    // Audit: funders' conditions (findings)
    case trancheOverspent = "tranche-overspent"
    case spendOutsideTranche = "spend-outside-tranche"
    case matchFundingShort = "match-funding-short"
    case classCapExceeded = "class-cap-exceeded"
    case unclassifiedSpend = "unclassified-spend"
    case bidGrantMismatch = "bid-grant-mismatch"
    case duplicateTransaction = "duplicate-transaction"
    /// The same payment again within `NearDuplicatePayment.windowDays`: same payee (supplier on a
    /// statement), reference, account and amount, on another transaction or statement row.
    case nearDuplicatePayment = "near-duplicate-payment"
    case moneyAtRisk = "money-at-risk"
    case claimMismatch = "claim-mismatch"
    // Audit: reconciliation with the finance system (findings)
    case unmatchedStatementRow = "unmatched-statement-row"
    /// Statement rows dated outside the dates an audit compares: left out, and said to be.
    case statementOutsideDates = "statement-outside-dates"
    case unmatchedLedgerSpend = "unmatched-ledger-spend"
    case amountDifference = "amount-difference"
    case lineDifference = "line-difference"
    case duplicateStatementRow = "duplicate-statement-row"
    // Finance-system exports and import rules (errors)
    case emptyExport = "empty-export"
    case missingExportColumn = "missing-export-column"
    case unmappedRow = "unmapped-row"
    case duplicateRow = "duplicate-row"
    case referenceConflict = "reference-conflict"
    // Allocation
    case emptyAreaFile = "empty-area-file"
    case noAreas = "no-areas"
    case badCSVQuote = "bad-csv-quote"
    case missingAreaColumn = "missing-area-column"
    case badColumnName = "bad-column-name"
    case duplicateColumn = "duplicate-column"
    case raggedRow = "ragged-row"
    case badAreaName = "bad-area-name"
    case duplicateArea = "duplicate-area"
    case unknownIndicator = "unknown-indicator"
    case badIndicatorValue = "bad-indicator-value"
    case negativeIndicator = "negative-indicator"
    case zeroIndicatorTotal = "zero-indicator-total"
    case badWeight = "bad-weight"
    case duplicateWeight = "duplicate-weight"
    case noWeights = "no-weights"
    case weightsNotOne = "weights-not-one"
    case badPot = "bad-pot"
    case badRoundingUnit = "bad-rounding-unit"
    case potNotWholeUnits = "pot-not-whole-units"
    case badFloor = "bad-floor"
    case floorsExceedPot = "floors-exceed-pot"
    case badCap = "bad-cap"
    case capsBelowPot = "caps-below-pot"
    case badTopSlice = "bad-top-slice"
    case topSlicesExceedPot = "top-slices-exceed-pot"
    case badIndicatorDefinition = "bad-indicator-definition"
    case missingPreviousArea = "missing-previous-area"
    case badDamping = "bad-damping"
    case dampingInfeasible = "damping-infeasible"
    case dampingBandTooNarrow = "damping-band-too-narrow"
    // Writing (every output goes through OutputFile; each cause has its own code)
    case diskFull = "disk-full"
    case quotaExceeded = "quota-exceeded"
    case fileSizeLimit = "file-size-limit"
    case readOnlyFileSystem = "read-only-file-system"
    case permissionDenied = "permission-denied"
    case writeFailed = "write-failed"
    /// A folder to create (`init`'s books) that exists and holds something: new files are never
    /// mixed with files already there (`OutputFolder`).
    case folderNotEmpty = "folder-not-empty"
    /// A folder to create where a file, a pipe or a device is, or inside one (`OutputFolder`).
    case notAFolder = "not-a-folder"
    // Scenario files
    case duplicateSetting = "duplicate-setting"

    public var severity: Severity {
        switch self {
        case .unallocatedAward, .lineOverspent, .spendWithoutLine, .awardExceedsRequest, .varianceUnexplained,
             .trancheOverspent, .spendOutsideTranche, .matchFundingShort, .classCapExceeded, .unclassifiedSpend,
             .bidGrantMismatch, .duplicateTransaction, .nearDuplicatePayment, .moneyAtRisk, .claimMismatch,
             .unmatchedStatementRow, .unmatchedLedgerSpend, .amountDifference, .lineDifference, .duplicateStatementRow,
             .statementOutsideDates:
            return .finding
        default: return .error
        }
    }
}
