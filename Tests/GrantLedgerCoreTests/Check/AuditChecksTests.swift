import Testing
@testable import GrantLedgerCore

/// The funders' conditions `audit` checks: each with books that break it and books that do not.
@Suite("Audit checks: tranches, match funding, capital and revenue, bids, duplicates")
struct AuditChecksTests {
    static func books(_ fields: String, _ transactions: String, bid: String = "") -> String {
        """
        funder ho  Home Office
        grant ss4  Safer Streets round 4
          funder  ho
          period  2022-07-01..2023-09-30
          award   £1,000.00
        \(fields.isEmpty ? "  ; no conditions" : fields)
          line cctv      £600.00  CCTV
          line lighting  £400.00  Lighting
        \(bid)
        account assets:bank
        account expenses:cctv
        account expenses:match
        account income:partners

        \(transactions)
        """
    }

    static func spend(_ date: String, _ amount: String, ref: String = "INV", tags: String = "line:cctv, class:capital") -> String {
        """
        \(date) * Secure Vision Ltd | cameras   ; grant:ss4, ref:\(ref)-\(date)-\(amount)
            expenses:cctv  \(amount)   ; \(tags)
            assets:bank

        """
    }

    /// The audit checks' findings for `text`, which must read without errors.
    static func findings(_ text: String) -> [Diagnostic] {
        let (_, diagnostics) = LedgerLoader.load(text: text, name: "t.ledger", checks: LedgerCheck.audit)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(DiagnosticRenderer().render(diagnostics))")
        return diagnostics
    }

    static let tranches = "  tranche  2022-23  £400.00  by 2023-03-31\n  tranche  2023-24  £600.00  by 2023-09-30"

    @Test func tranchesRespected() {
        #expect(Self.findings(Self.books(Self.tranches, Self.spend("2022-10-03", "£400.00") + Self.spend("2023-09-30", "£200.00"))).isEmpty)
    }

    @Test func trancheOverspent() throws {
        let found = Self.findings(Self.books(Self.tranches, Self.spend("2022-10-03", "£300.00") + Self.spend("2023-03-31", "£100.01")))
        #expect(found.codes == [.trancheOverspent])
        #expect(found.first?.message == "grant ss4 spent £400.01 in 2022-23 against a tranche of £400.00: £0.01 over")
        #expect(found.first?.location?.line == 6)
    }

    @Test func spendAfterItsTranchesDate() {
        let fields = "  tranche  2022-23  £400.00  by 2023-02-28\n  tranche  2023-24  £600.00  by 2023-09-30"
        let found = Self.findings(Self.books(fields, Self.spend("2023-02-28", "£10.00") + Self.spend("2023-03-01", "£10.00")))
        #expect(found.codes == [.spendOutsideTranche])
        #expect(found.first?.message.hasPrefix("spend dated 2023-03-01 is after 2023-02-28") == true)
    }

    @Test func spendInAYearWithNoTranche() {
        let fields = "  tranche  2022-23  £1,000.00  by 2023-03-31"
        let found = Self.findings(Self.books(fields, Self.spend("2023-04-03", "£10.00")))
        #expect(found.codes == [.spendOutsideTranche])
        #expect(found.first?.message.contains("falls in 2023-24, a year with no tranche") == true)
    }

    static func match(_ amount: String) -> String {
        """
        2023-03-31 * Partner | own spend   ; ref:M-\(amount)
            expenses:match  \(amount)   ; match:ss4
            income:partners

        """
    }

    @Test func matchFundingAtItsShare() {
        #expect(Self.findings(Self.books("  match  50%", Self.spend("2022-10-03", "£500.00") + Self.match("£250.00"))).isEmpty)
        // No spend yet: no match due.
        #expect(Self.findings(Self.books("  match  50%", "")).isEmpty)
        // 20% of £333.33 is £66.666: £66.67 is enough, £66.66 is not.
        #expect(Self.findings(Self.books("  match  20%", Self.spend("2022-10-03", "£333.33") + Self.match("£66.67"))).isEmpty)
    }

    @Test func matchFundingShort() {
        let found = Self.findings(Self.books("  match  20%", Self.spend("2022-10-03", "£333.33") + Self.match("£66.66")))
        #expect(found.codes == [.matchFundingShort])
        #expect(found.first?.message == "grant ss4 needs match funding of 20% of its spend: £333.33 spent needs £66.67, £66.66 recorded, £0.01 short")
    }

    @Test func matchFundingIsNotSpend() throws {
        let (ledger, diagnostics) = LedgerText.load(Self.books("  match  50%", Self.match("£250.00")))
        #expect(diagnostics.isEmpty)
        let posting = try #require(ledger.postings.first)
        #expect(posting.matchGrant == 0)
        #expect(!ledger.isSpend(posting))
    }

    @Test func aPostingCannotBeBothSpendAndMatch() {
        let text = Self.books("  match  50%", """
            2023-03-31 * Partner | own spend   ; grant:ss4
                expenses:match  £10.00   ; match:ss4
                income:partners

            """)
        #expect(LedgerText.codes(text) == [.badValue])
    }

    @Test func matchNamingAnUnknownGrant() {
        let text = Self.books("", """
            2023-03-31 * Partner | own spend
                expenses:match  £10.00   ; match:ss5
                income:partners

            """)
        #expect(LedgerText.codes(text) == [.unknownGrant])
    }

    static let caps = "  capital  £500.00\n  revenue  £500.00"

    @Test func capitalAndRevenueWithinCaps() {
        let transactions = Self.spend("2022-10-03", "£500.00") + Self.spend("2022-10-04", "£100.00", tags: "line:cctv, class:revenue")
        #expect(Self.findings(Self.books(Self.caps, transactions)).isEmpty)
    }

    @Test func capitalCapExceeded() {
        let found = Self.findings(Self.books(Self.caps, Self.spend("2022-10-03", "£500.00") + Self.spend("2022-10-04", "£0.01")))
        #expect(found.codes == [.classCapExceeded])
        #expect(found.first?.message == "grant ss4 spent £500.01 as capital against a cap of £500.00: £0.01 over")
    }

    @Test func spendWithoutAClassOnACappedGrant() {
        #expect(Self.findings(Self.books(Self.caps, Self.spend("2022-10-03", "£5.00", tags: "line:cctv"))).codes == [.unclassifiedSpend])
        // Without caps, a missing class is not a finding.
        #expect(Self.findings(Self.books("", Self.spend("2022-10-03", "£5.00", tags: "line:cctv"))).isEmpty)
    }

    static func bid(_ history: String, grant: String = "ss4") -> String {
        """
        bid b  Bid
          requested  £1,000.00
          grant      \(grant)
          2022-02-24  submitted
        \(history)
        """
    }

    @Test func bidAgreesWithItsGrant() {
        #expect(Self.findings(Self.books("", "", bid: Self.bid("  2022-07-26  awarded  £1,000.00"))).isEmpty)
    }

    @Test func bidAwardDiffersFromTheGrant() {
        let found = Self.findings(Self.books("", "", bid: Self.bid("  2022-07-26  part-awarded  £900.00")))
        #expect(found.codes == [.bidGrantMismatch])
        #expect(found.first?.message == "bid b was awarded £900.00 but grant ss4 records an award of £1,000.00 (difference £100.00)")
    }

    @Test func aRejectedBidNamesAGrant() {
        let found = Self.findings(Self.books("", "", bid: Self.bid("  2022-07-26  rejected")))
        #expect(found.codes == [.bidGrantMismatch])
    }

    @Test func duplicateTransactions() {
        let twice = Self.spend("2022-10-03", "£5.00", ref: "A") + Self.spend("2022-10-03", "£5.00", ref: "A")
        let found = Self.findings(Self.books("", twice))
        #expect(found.codes == [.duplicateTransaction])
        #expect(found.first?.location?.line == 18)
        // Another reference, date or amount is another invoice.
        let different = Self.spend("2022-10-03", "£5.00", ref: "A") + Self.spend("2022-10-03", "£5.00", ref: "B")
            + Self.spend("2022-10-04", "£5.00", ref: "A") + Self.spend("2022-10-03", "£6.00", ref: "A")
        #expect(Self.findings(Self.books("", different)).isEmpty)
    }

    @Test func theAuditChecksIncludeTheStandardOnes() {
        #expect(Array(LedgerCheck.audit.prefix(LedgerCheck.standard.count)).map(\.name) == LedgerCheck.standard.map(\.name))
        #expect(LedgerCheck.audit.map(\.name).suffix(6) == ["tranches", "match-funding", "capital-revenue", "bid-grants", "claim-amounts",
                                                             "duplicates"])
    }

    @Test func theShippedLedgersPassTheAudit() {
        let root = #filePath.components(separatedBy: "/Tests/")[0]
        let (_, diagnostics) = LedgerLoader.load(paths: [root + "/ledgers"], checks: LedgerCheck.audit)
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
    }
}
