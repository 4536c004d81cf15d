import Testing
@testable import GrantLedgerCore

/// Claims to a funder as the books record them: one per period of the grant's claims schedule, its
/// steps in order, and the receipts tagged with it.
@Suite("Claims in the ledger")
struct ClaimChecksTests {
    static let grant = """
        funder ho  Home Office
        account assets:bank
        account expenses:cctv
        account income:grants

        grant ss4  Safer Streets round 4
          funder  ho
          period  2022-07-01..2023-03-31
          award   £1,000.00
          claims  arrears quarterly within 20 days
          line cctv  £1,000.00  CCTV cameras

        2022-08-03 * Secure Vision Ltd | cameras   ; grant:ss4, line:cctv, ref:INV-1
            expenses:cctv  £300.00
            assets:bank

        2022-08-20 * Secure Vision Ltd | more cameras   ; grant:ss4, line:cctv, ref:INV-2
            expenses:cctv  £100.00
            assets:bank

        2022-11-03 * Secure Vision Ltd | cameras   ; grant:ss4, line:cctv, ref:INV-3
            expenses:cctv  £250.00
            assets:bank

        """

    static func books(_ claims: String) -> String { grant + claims }

    @Test func aClaimReadsWithItsStepsAndItsReceipts() throws {
        let (ledger, diagnostics) = LedgerText.load(Self.books("""
            claim ss4 2022-23-q2
              prepared-by  A. Officer
              2022-10-05  draft
              2022-10-10  submitted  £400.00
              2022-10-30  part-paid
              2022-11-20  paid

            2022-10-30 * Home Office | claim, first part   ; grant:ss4, claim:2022-23-Q2
                assets:bank  £300.00
                income:grants

            2022-11-20 * Home Office | claim, the rest   ; grant:ss4
                assets:bank  £100.00
                income:grants  ; claim:2022-23-Q2

            """))
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
        let claim = try #require(ledger.claims.first)
        // Written 2022-23-q2, named as the schedule names it.
        #expect(claim.id == "ss4 2022-23-Q2")
        #expect(claim.preparedBy == "A. Officer" && claim.checkedBy == nil)
        #expect(claim.history.map(\.status) == [.draft, .submitted, .partPaid, .paid])
        #expect(claim.claimed == Money(pence: 40_000))
        let figures = try #require(ClaimFigures.all(ledger).first)
        #expect(figures.eligible == Money(pence: 40_000), "£300 + £100 dated in Q2")
        // The first receipt's tag is the transaction's (both postings); the second's is the income posting's.
        #expect(figures.received == Money(pence: 40_000))
        #expect(figures.owed == .zero)
        #expect(figures.standing(on: Day.parse("2022-11-01")!) == "part-paid")
    }

    @Test func whatIsOwedAndWhereAClaimStands() throws {
        let (ledger, _) = LedgerText.load(Self.books("""
            claim ss4 2022-23-Q3
              2023-01-10  submitted  £250.00

            """))
        let claims = ClaimFigures.all(ledger)
        #expect(claims.map(\.due.period.description) == ["2022-23-Q2", "2022-23-Q3", "2022-23-Q4"])
        // Q2 was never made and its 20 days ran out on 20 October; Q3 is owed in full; Q4 can be made from April.
        let day = Day.parse("2023-02-01")!
        #expect(claims.map { $0.standing(on: day) } == ["overdue", "submitted", "not yet due"])
        #expect(claims[1].owed == Money(pence: 25_000))
        #expect(claims[0].owed == .zero && claims[0].claimed == nil)
    }

    @Test func aRejectedClaimIsOwedNothingAndAnAdvanceClaimIsLateOnceItsPeriodStarts() throws {
        let (ledger, _) = LedgerText.load(Self.books("""
            claim ss4 2022-23-Q3
              2023-01-10  submitted  £250.00
              2023-02-10  rejected

            """))
        let claims = ClaimFigures.all(ledger)
        #expect(claims[1].standing(on: Day.parse("2023-02-11")!) == "rejected" && claims[1].owed == .zero)
        // Struck before it was rejected, the same claim is owed in full.
        let before = ClaimFigures.all(ledger, through: Day.parse("2023-01-31")!)
        #expect(before[1].standing(on: Day.parse("2023-01-31")!) == "submitted" && before[1].owed == Money(pence: 25_000))
        let advance = LedgerText.load(Self.books("").replacingOccurrences(of: "claims  arrears quarterly within 20 days",
                                                                          with: "claims  advance quarterly")).ledger
        let day = Day.parse("2022-12-01")!
        // Q2 was due by 1 July and Q3 by 1 October: overdue; Q4's is to make by 1 January.
        #expect(ClaimFigures.all(advance).map { $0.standing(on: day) } == ["overdue", "overdue", "to make"])
    }

    @Test(arguments: [
        ("claim ss4 2022-23-Q3\n  2023-01-10  paid\n", DiagnosticCode.illegalClaimStatus, "claim ss4 2022-23-Q3 starts as paid"),
        ("claim ss4 2022-23-Q3\n  2023-01-10  submitted  £250.00\n  2023-01-05  paid\n", .illegalClaimStatus,
         "claim ss4 2022-23-Q3 is paid on 2023-01-05, before it was submitted on 2023-01-10"),
        ("claim ss4 2022-23-Q3\n  2023-01-10  submitted  £250.00\n  2023-01-30  paid\n  2023-02-10  rejected\n", .illegalClaimStatus,
         "claim ss4 2022-23-Q3 cannot move from paid to rejected"),
        ("claim ss4 2022-23-Q3\n  2023-01-10  submitted\n", .missingField, "submitted needs the amount claimed"),
        ("claim ss4 2022-23-Q3\n  2023-01-10  submitted  £250.00\n  2023-01-30  paid  £250.00\n", .badSyntax,
         "only submitted carries an amount: what was paid is the income tagged claim:2022-23-Q3"),
        ("claim ss4 2022-23-Q3\n  2023-01-10  lodged\n", .badValue, "\"lodged\" is not a claim status"),
        ("claim ss4 2022-23-Q3\n  2022-12-20  submitted  £250.00\n", .illegalClaimStatus,
         "claim ss4 2022-23-Q3 is submitted on 2022-12-20, before its period ends on 2022-12-31"),
        ("claim ss4 2022-23-Q3\n  2023-01-10  submitted  -£250.00\n", .badValue, "a claim cannot be negative"),
        ("claim ss4 2022-23-Q3\n  1899-01-10  draft\n", .badDate, ""),
        ("claim ss4 2022-23-Q3\n\n2023-01-30 * Home Office | wrong side   ; grant:ss4, claim:2022-23-Q3\n    assets:bank  £1.00\n    expenses:cctv\n",
         .badValue, "this claim: tag is on no income posting, so it settles nothing"),
        ("claim ss4 2022-23-Q5\n", .badPeriod, "\"2022-23-Q5\" is not a month, quarter or financial year"),
        ("claim ss4 2022-10\n", .badPeriod, "grant ss4 has no claim for 2022-10: the grant is claimed by quarter"),
        ("claim ss4 2023-24-Q1\n", .badPeriod, "grant ss4 has no claim for 2023-24-Q1: it is not within the grant's period"),
        ("claim ss5 2022-23-Q3\n", .unknownGrant, "unknown grant \"ss5\""),
        ("claim ss4\n", .badSyntax, "a claim names its grant and its period"),
        ("claim ss4 2022-23-Q3  extra words\n", .badSyntax, "a claim is its grant and its period, and nothing more"),
        ("claim ss4 2022-23-Q3\n  2023-01-10  draft\nclaim ss4 2022-23-Q3\n", .duplicateID, "claim ss4 2022-23-Q3 is declared twice"),
        ("claim ss4 2022-23-Q3\n  prepared-by  A\n  prepared-by  B\n", .duplicateSetting, "prepared-by is given twice in this declaration"),
        ("claim ss4 2022-23-Q3\n  signed  A\n", .unknownField, "\"signed\" is not a field here"),
    ])
    func mistakesAreLocatedErrors(_ claims: String, _ code: DiagnosticCode, _ message: String) {
        let diagnostics = LedgerText.load(Self.books(claims)).diagnostics
        #expect(diagnostics.map(\.code) == [code], "\(DiagnosticRenderer().render(diagnostics))")
        #expect(diagnostics.first?.message.hasPrefix(message) == true, "\(diagnostics.first?.message ?? "")")
        #expect(diagnostics.first?.location != nil)
    }

    @Test func aGrantWithoutASchedule() {
        let books = Self.books("claim ss4 2022-23-Q3\n").replacingOccurrences(of: "  claims  arrears quarterly within 20 days\n", with: "")
        let diagnostics = LedgerText.load(books).diagnostics
        #expect(diagnostics.map(\.code) == [.badValue])
        #expect(diagnostics.first?.message == "grant ss4 has no claims schedule, so it has no claim for 2022-23-Q3")
    }

    @Test func aReceiptTaggedWithAnUnknownClaimIsReportedOnceWhereTheTagIs() {
        let diagnostics = LedgerText.load(Self.books("""
            2022-10-30 * Home Office | claim   ; grant:ss4, claim:2022-23-Q2
                assets:bank  £300.00
                income:grants

            2022-10-31 * Home Office | claim   ; claim:2022-23-Q2
                assets:bank  £1.00
                income:grants

            """)).diagnostics.sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }
        #expect(diagnostics.map(\.code) == [.unknownClaim, .badValue], "\(DiagnosticRenderer().render(diagnostics))")
        #expect(diagnostics[0].message == "grant ss4 has no claim for 2022-23-Q2")
        #expect(diagnostics[0].location?.line == 24 && diagnostics[0].location?.column == 49, "\(String(describing: diagnostics[0].location))")
        #expect(diagnostics[1].message == "a claim: tag needs a grant: tag to say whose claim it settles")
    }

    @Test func auditHoldsClaimsToThePostings() {
        let diagnostics = LedgerLoader.load(text: Self.books("""
            claim ss4 2022-23-Q2
              2022-10-10  submitted  £450.00
              2022-10-30  paid

            claim ss4 2022-23-Q3
              2023-01-10  submitted  £250.00

            2022-10-30 * Home Office | claim Q2   ; grant:ss4, claim:2022-23-Q2
                assets:bank  £400.00
                income:grants

            2023-01-30 * Home Office | claim Q3   ; grant:ss4, claim:2022-23-Q3
                assets:bank  £260.00
                income:grants

            """), checks: LedgerCheck.audit).diagnostics.filter { $0.code == .claimMismatch }.map(\.message)
        #expect(diagnostics == [
            "claim ss4 2022-23-Q2 claimed £450.00, but the books hold £400.00 of grant ss4's spend dated 2022-07-01 to 2022-09-30",
            "claim ss4 2022-23-Q2 received £400.00 against £450.00 claimed",
            // Q3's £250.00 is its period's spend; £260.00 came in against it.
            "claim ss4 2022-23-Q3 received £260.00 against £250.00 claimed",
        ])
    }

    /// A posting's claim period is found by halving the schedule's periods (a long grant has
    /// hundreds of quarters): the one holding the date, none for a date in a gap or outside them.
    @Test func aPostingsPeriodIsFoundByHalving() throws {
        func day(_ text: String) throws -> Day { try #require(Day.parse(text)) }
        let periods = [try Period(start: day("2022-04-01"), end: day("2022-06-30")),
                       try Period(start: day("2022-07-01"), end: day("2022-09-30")),
                       try Period(start: day("2022-12-01"), end: day("2022-12-31"))]
        let places = [0, 1, 2]
        #expect(ClaimFigures.place(of: try day("2022-03-31"), among: places, periods) == nil)
        #expect(ClaimFigures.place(of: try day("2022-04-01"), among: places, periods) == 0)
        #expect(ClaimFigures.place(of: try day("2022-06-30"), among: places, periods) == 0)
        #expect(ClaimFigures.place(of: try day("2022-07-01"), among: places, periods) == 1)
        #expect(ClaimFigures.place(of: try day("2022-10-15"), among: places, periods) == nil, "in the gap")
        #expect(ClaimFigures.place(of: try day("2022-12-31"), among: places, periods) == 2)
        #expect(ClaimFigures.place(of: try day("2023-01-01"), among: places, periods) == nil)
        // Places name periods in another list: the answer is the place, not its position.
        #expect(ClaimFigures.place(of: try day("2022-12-05"), among: [1, 2], periods) == 2)
        #expect(ClaimFigures.place(of: try day("2022-05-05"), among: [], periods) == nil)
    }
}
