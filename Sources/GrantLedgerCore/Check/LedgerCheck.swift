/// A check is a pure function from a ledger to the problems it finds (beancount's design): easy to
/// test one at a time, and the `check` and `audit` commands run them all.
public struct LedgerCheck: Sendable {
    public let name: String
    /// Checks over transactions are skipped when reading failed, since dropped transactions would
    /// make their findings misleading.
    public let needsCompleteTransactions: Bool
    public let run: @Sendable (Ledger) -> [Diagnostic]

    public init(name: String, needsCompleteTransactions: Bool, run: @escaping @Sendable (Ledger) -> [Diagnostic]) {
        self.name = name
        self.needsCompleteTransactions = needsCompleteTransactions
        self.run = run
    }

    /// The checks `grantledger check` runs, in order.
    public static let standard: [LedgerCheck] = [
        LedgerCheck(name: "area-nesting", needsCompleteTransactions: false, run: AreaChecks.noCycles),
        LedgerCheck(name: "dates", needsCompleteTransactions: false, run: SpreadsheetDateChecks.run),
        LedgerCheck(name: "grant-lines", needsCompleteTransactions: false, run: GrantChecks.linesWithinAward),
        LedgerCheck(name: "profiles", needsCompleteTransactions: false, run: ProfileChecks.run),
        LedgerCheck(name: "forecasts", needsCompleteTransactions: false, run: ForecastEntryChecks.run),
        LedgerCheck(name: "commitments", needsCompleteTransactions: false, run: CommitmentChecks.run),
        LedgerCheck(name: "variance-notes", needsCompleteTransactions: true, run: VarianceNoteChecks.run),
        LedgerCheck(name: "bids", needsCompleteTransactions: false, run: BidChecks.statusHistory),
        LedgerCheck(name: "claims", needsCompleteTransactions: false, run: ClaimChecks.run),
        LedgerCheck(name: "allocations", needsCompleteTransactions: false, run: AllocationChecks.run),
        LedgerCheck(name: "tranche-dates", needsCompleteTransactions: false, run: TrancheChecks.declarations),
        LedgerCheck(name: "spend-period", needsCompleteTransactions: false, run: SpendChecks.withinGrantPeriod),
        LedgerCheck(name: "line-budgets", needsCompleteTransactions: true, run: SpendChecks.withinLineBudget),
        LedgerCheck(name: "spend-lines", needsCompleteTransactions: true, run: SpendLineChecks.run),
        LedgerCheck(name: "balance-assertions", needsCompleteTransactions: true, run: BalanceAssertionCheck.run),
        nearDuplicates,
    ]

    /// The same payment again within a fortnight (`NearDuplicatePaymentCheck`).
    static let nearDuplicates = LedgerCheck(name: "near-duplicates", needsCompleteTransactions: true,
                                            run: NearDuplicatePaymentCheck.run)

    /// What `grantledger audit` runs: the standard checks and the funders' conditions (tranches,
    /// match funding, capital and revenue caps, bids against grants, duplicate entries). Kept out
    /// of `check`, which runs on every save and must stay fast on a million transactions. Beside the
    /// duplicates check, near-duplicates leaves to it the pairs it reports (one finding per pair).
    public static let audit: [LedgerCheck] = standard.map { check in
        check.name != nearDuplicates.name ? check
            : LedgerCheck(name: check.name, needsCompleteTransactions: true, run: NearDuplicatePaymentCheck.besideExactCopies)
    } + [
        LedgerCheck(name: "tranches", needsCompleteTransactions: true, run: TrancheChecks.run),
        LedgerCheck(name: "match-funding", needsCompleteTransactions: true, run: MatchFundingChecks.run),
        LedgerCheck(name: "capital-revenue", needsCompleteTransactions: true, run: SpendClassChecks.run),
        LedgerCheck(name: "bid-grants", needsCompleteTransactions: false, run: BidChecks.grantConsistency),
        LedgerCheck(name: "claim-amounts", needsCompleteTransactions: true, run: ClaimChecks.amounts),
        LedgerCheck(name: "duplicates", needsCompleteTransactions: true, run: DuplicateTransactionCheck.run),
    ]
}
