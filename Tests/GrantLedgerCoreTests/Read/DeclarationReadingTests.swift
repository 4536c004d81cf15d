import Testing
@testable import GrantLedgerCore

/// Declarations read from ledger text into the model.
@Suite("Reading declarations")
struct DeclarationReadingTests {
    static let bassetlaw = """
        ; Safer Streets round 4, as in ledgers/README.md
        funder home-office  Home Office

        area nottinghamshire  Nottinghamshire (county)
          type    county
        area bns-csp  Bassetlaw, Newark and Sherwood CSP
          type    csp
          within  nottinghamshire
        area bassetlaw  Bassetlaw
          type    district                      ; district | unitary | city | county | csp | force
          within  bns-csp
          gss     E07000171

        initiative bns-cctv  Town-centre CCTV upgrade
          lead    Bassetlaw District Council    ; lead agency, free text
          area    bassetlaw
          grant   ss4-bns

        grant ss4-bns  Safer Streets round 4 - Bassetlaw, Newark and Sherwood
          funder     home-office
          recipient  Bassetlaw, Newark and Sherwood CSP
          period     2022-07-01..2023-09-30
          award      £750,000.00
          deadline   2023-09-30                 ; last day spend may be dated
          tranche    2022-23  £500,000.00  by 2023-03-31   ; cannot move between years
          tranche    2023-24  £250,000.00  by 2023-09-30
          match      50%                        ; match funding required
          capital    £400,000.00
          revenue    £350,000.00
          claims     arrears quarterly
          line cctv      £300,000.00  CCTV cameras and monitoring
          line lighting  £150,000.00  Street lighting
          line doors     £300,000.00  Security doors ; for 1,200 homes

        bid ss4-bns-bid  Safer Streets round 4 - Bassetlaw, Newark and Sherwood
          fund       Safer Streets Fund
          round      4
          applicant  Bassetlaw, Newark and Sherwood CSP
          requested  £750,000.00
          grant      ss4-bns                    ; the grant the award became
          2022-01-20  draft
          2022-02-24  submitted
          2022-06-30  awarded  £750,000.00

        account assets:bank:bns-csp             ; every account used must be declared
        account expenses:safer-streets:cctv
        account liabilities:creditors
        account equity:opening
        account income:grants:home-office
        """

    @Test func theReadmeExampleReadsCleanly() {
        let (_, diagnostics) = LedgerText.load(Self.bassetlaw)
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
    }

    @Test func aGrantWithEveryField() throws {
        let ledger = LedgerText.load(Self.bassetlaw).ledger
        let grant = try #require(ledger.grants.first)
        #expect(ledger.grantIndex["ss4-bns"] == 0)
        #expect(grant.id == "ss4-bns")
        #expect(grant.name == "Safer Streets round 4 - Bassetlaw, Newark and Sherwood")
        #expect(grant.funderID == "home-office")
        #expect(grant.recipient == "Bassetlaw, Newark and Sherwood CSP")
        #expect(grant.period?.description == "2022-07-01..2023-09-30")
        #expect(grant.award == Money(pence: 75_000_000))
        #expect(grant.deadline?.description == "2023-09-30")
        #expect(grant.spendDeadline?.description == "2023-09-30")
        #expect(grant.matchBasisPoints == 5000)
        #expect(grant.capitalCap == Money(pence: 40_000_000))
        #expect(grant.revenueCap == Money(pence: 35_000_000))
        #expect(grant.claims == ClaimSchedule(timing: .arrears, frequency: .quarter, withinDays: nil))
        #expect(grant.location == GrantLedgerCore.SourceLocation(file: "test.ledger", line: 19, column: 7))
        #expect(grant.awardLocation == GrantLedgerCore.SourceLocation(file: "test.ledger", line: 23, column: 14))

        #expect(grant.tranches.map(\.financialYear.description) == ["2022-23", "2023-24"])
        #expect(grant.tranches.map(\.cap) == [Money(pence: 50_000_000), Money(pence: 25_000_000)])
        #expect(grant.tranches.map(\.spendBy.description) == ["2023-03-31", "2023-09-30"])

        #expect(grant.lines.map(\.id) == ["cctv", "lighting", "doors"])
        #expect(grant.lines.map(\.name) == ["CCTV cameras and monitoring", "Street lighting", "Security doors"])
        #expect(grant.lines.map(\.budget.pence) == [30_000_000, 15_000_000, 30_000_000])
        #expect(grant.lines.map(\.location.line) == [31, 32, 33])
        #expect(grant.lines.first?.location.column == 8)
        #expect(grant.lineIndex("lighting") == 1)
        #expect(grant.lineIndex("nope") == nil)
    }

    @Test func theSpendDeadlineDefaultsToTheEndOfThePeriod() throws {
        let ledger = LedgerText.load("""
            funder f  F
            grant g  G
              funder  f
              period  2019-20
              award   £10.00
            """).ledger
        let grant = try #require(ledger.grants.first)
        #expect(grant.deadline == nil)
        #expect(grant.spendDeadline?.description == "2020-03-31")
        #expect(grant.matchBasisPoints == nil)
        #expect(grant.lines.isEmpty)
    }

    @Test(arguments: [("50%", 5000), ("20%", 2000), ("12.5%", 1250), ("0.25%", 25), ("100%", 10_000), ("0%", 0),
                      ("7.05%", 705)] as [(String, Int64)])
    func matchIsExactInBasisPoints(_ written: String, _ basisPoints: Int64) {
        let (ledger, diagnostics) = LedgerText.load("""
            funder f  F
            grant g  G
              funder  f
              period  2019-20
              award   £10.00
              match   \(written)
            """)
        #expect(diagnostics.isEmpty)
        #expect(ledger.grants.first?.matchBasisPoints == basisPoints)
    }

    @Test(arguments: ["101%", "50", "fifty%", "5.555%", "-5%", "%", ".5%", "1000%", "50 %"])
    func matchRejects(_ written: String) {
        let diagnostics = LedgerText.load("""
            funder f  F
            grant g  G
              funder  f
              period  2019-20
              award   £10.00
              match   \(written)
            """).diagnostics
        #expect(diagnostics.codes == [.badValue])
    }

    @Test func bidHistory() throws {
        let ledger = LedgerText.load(Self.bassetlaw).ledger
        let bid = try #require(ledger.bids.first)
        #expect(ledger.bidIndex["ss4-bns-bid"] == 0)
        #expect(bid.fund == "Safer Streets Fund")
        #expect(bid.round == "4")
        #expect(bid.applicant == "Bassetlaw, Newark and Sherwood CSP")
        #expect(bid.requested == Money(pence: 75_000_000))
        #expect(bid.grantID == "ss4-bns")
        #expect(bid.history.map(\.status) == [.draft, .submitted, .awarded])
        #expect(bid.history.map(\.date.description) == ["2022-01-20", "2022-02-24", "2022-06-30"])
        #expect(bid.history.map(\.amount) == [nil, nil, Money(pence: 75_000_000)])
        #expect(bid.status == .awarded)
        #expect(bid.awarded == Money(pence: 75_000_000))
        #expect(bid.date(of: .submitted)?.description == "2022-02-24")
        #expect(bid.date(of: .rejected) == nil)
        #expect(bid.history.last?.location == GrantLedgerCore.SourceLocation(file: "test.ledger", line: 43, column: 15))
    }

    @Test func aBidWithoutHistoryIsADraft() {
        let bid = LedgerText.load("""
            bid b  A bid
              requested  £5.00
            """).ledger.bids.first
        #expect(bid?.status == .draft)
        #expect(bid?.awarded == nil)
    }

    @Test func areasNest() throws {
        let ledger = LedgerText.load(Self.bassetlaw).ledger
        #expect(ledger.areas.map(\.id) == ["nottinghamshire", "bns-csp", "bassetlaw"])
        #expect(ledger.areas.map(\.kind) == [.county, .csp, .district])
        #expect(ledger.areas.map(\.parentID) == [nil, "nottinghamshire", "bns-csp"])
        #expect(ledger.areas[2].gssCode == "E07000171")
        #expect(ledger.areas[2].name == "Bassetlaw")
        #expect(ledger.areaIndex["bassetlaw"] == 2)
    }

    @Test func initiatives() throws {
        let ledger = LedgerText.load(Self.bassetlaw).ledger
        let initiative = try #require(ledger.initiatives.first)
        #expect(initiative.id == "bns-cctv")
        #expect(initiative.name == "Town-centre CCTV upgrade")
        #expect(initiative.lead == "Bassetlaw District Council")
        #expect(initiative.areaID == "bassetlaw")
        #expect(initiative.grantID == "ss4-bns")
        #expect(ledger.initiativeIndex["bns-cctv"] == 0)
    }

    @Test func accountsTakeTheirKindFromTheFirstSegment() {
        let ledger = LedgerText.load(Self.bassetlaw).ledger
        let kinds = Dictionary(uniqueKeysWithValues: ledger.accounts.map { ($0.name, $0.kind) })
        #expect(kinds == [
            "assets:bank:bns-csp": .assets, "expenses:safer-streets:cctv": .expenses,
            "liabilities:creditors": .liabilities, "equity:opening": .equity, "income:grants:home-office": .income,
        ])
        #expect(ledger.funders.map(\.id) == ["home-office"])
        #expect(ledger.funders.first?.name == "Home Office")
    }

    @Test(arguments: ["account cash", "account expense:cctv", "account expenses::cctv", "account :expenses", "account expenses:"])
    func badAccounts(_ line: String) {
        #expect(LedgerText.codes(line) == [.badAccount])
    }

    @Test func referencesBetweenDeclarationsMayComeInAnyOrder() {
        let diagnostics = LedgerText.load("""
            area district  District
              within  county
            grant g  G
              funder  f
              period  2019-20
              award   £10.00
              line a  £10.00  A
            area county  County
            funder f  F
            """).diagnostics
        #expect(diagnostics.isEmpty)
    }

    @Test func unknownReferencesInFields() {
        let diagnostics = LedgerText.load("""
            funder home-office  Home Office
            area district  District
              within  countyy
            initiative i  I
              area   nowhere
              grant  nope
            grant g  G
              funder  home-ofice
              period  2019-20
              award   £10.00
            """).diagnostics
        #expect(diagnostics.codes == [.unknownArea, .unknownArea, .unknownGrant, .unknownFunder])
        #expect(diagnostics.first(.unknownFunder)?.hint?.contains("did you mean home-office?") == true)
    }

    @Test func duplicateIDsWithinAKind() {
        let diagnostics = LedgerText.load("""
            funder f  F
            funder f  F again
            area f  An area may share an id with a funder
            area f  But not with another area
            account assets:bank
            account assets:bank
            grant g  G
              funder  f
              period  2019-20
              award   £5.00
              line a  £5.00  A
              line a  £5.00  A again
            """).diagnostics
        #expect(diagnostics.codes == [.duplicateID, .duplicateID, .duplicateID, .duplicateID])
        #expect(diagnostics.map(\.location?.line).sorted { ($0 ?? 0) < ($1 ?? 0) } == [2, 4, 6, 12])
        #expect(diagnostics.allSatisfy { $0.hint?.contains("first declared at test.ledger:") == true })
    }

    @Test func unknownFields() {
        let diagnostics = LedgerText.load("""
            funder f  F
              colour  blue
            area a  A
              colour  blue
            initiative i  I
              colour  blue
            grant g  G
              funder  f
              period  2019-20
              award   £10.00
              colour  blue
            bid b  B
              requested  £1.00
              colour  blue
            account assets:bank
              colour  blue
            """).diagnostics
        #expect(diagnostics.codes == Array(repeating: .unknownField, count: 6))
        #expect(diagnostics.allSatisfy { $0.location?.column == 3 && $0.length == 6 })
    }

    @Test func missingFieldsAndNames() {
        let diagnostics = LedgerText.load("""
            grant g  G
              period  2019-20
            bid b  B
              2022-01-01  draft
            funder f
            area a  A
              gss
            """).diagnostics
        #expect(diagnostics.codes == [.missingField, .missingField, .missingField, .missingField])
        #expect(diagnostics.first?.message == "grant g has no funder, award")
    }

    @Test func aBadFieldValueIsReportedOnceNotAlsoAsMissing() {
        // The award and period are written, just wrongly: one error each, no "has no award".
        let diagnostics = LedgerText.load("""
            funder f  F
            grant g  G
              funder  f
              period  2019-2
              award   1,00
            bid b  B
              requested  £5.0.0
            """).diagnostics
        #expect(diagnostics.codes == [.badPeriod, .badAmount, .badAmount])
    }

    @Test(arguments: [
        ("  tranche  2022-23  £500.00", DiagnosticCode.badSyntax),
        ("  tranche  2022-24  £500.00  by 2023-03-31", .badPeriod),
        ("  tranche  2022-23  £500.0x  by 2023-03-31", .badAmount),
        ("  tranche  2022-23  £500.00  by 2023-02-30", .impossibleDate),
        ("  tranche  2022-23  £500.00  by 31/03/2023", .badDate),
        ("  tranche  2022-23  £500.00  on 2023-03-31", .badSyntax),
        ("  line cctv  £300.00", .badSyntax),
        ("  line cctv", .badSyntax),
        ("  line cctv  300,00  CCTV", .badAmount),
        ("  deadline  2023-09-31", .impossibleDate),
        ("  deadline  30/09/2023", .badDate),
        ("  period  2023-01-01..2022-01-01", .badPeriod),
        ("  period  2022-02-29..2023-01-01", .badPeriod),
        ("  capital  lots", .badAmount),
        ("  revenue  £99,999,999,999,999,999,999", .amountOverflow),
        ("  recipient", .missingField),
    ])
    func badGrantFields(_ field: String, _ code: DiagnosticCode) {
        // A period given here is the grant's only one (a second would be a field written twice).
        let period = field.hasPrefix("  period") ? "" : "  period  2022-23\n"
        let diagnostics = LedgerText.load("""
            funder f  F
            grant g  G
              funder  f
            \(period)  award   £1,000.00
            \(field)
            """).diagnostics
        #expect(diagnostics.codes == [code], "\(DiagnosticRenderer().render(diagnostics))")
    }

    @Test(arguments: [
        ("  2022-02-30  submitted", DiagnosticCode.impossibleDate),
        ("  2022-02-20  sent", .badValue),
        ("  2022-02-20  awarded", .missingField),
        ("  2022-02-20  submitted  £5.00", .badSyntax),
        ("  2022-02-20  awarded  £5.0x", .badAmount),
        ("  20220220  submitted", .badDate),
    ])
    func badBidEvents(_ line: String, _ code: DiagnosticCode) {
        let diagnostics = LedgerText.load("""
            bid b  B
              requested  £10.00
              2022-01-20  draft
            \(line)
            """).diagnostics
        #expect(diagnostics.codes == [code], "\(DiagnosticRenderer().render(diagnostics))")
    }

    @Test(arguments: ["grant", "grant  ", "grant bad/id  Name", "area £x  Name", "funder a:b  Name"])
    func declarationsNeedAnIdentifier(_ line: String) {
        #expect(LedgerText.codes(line) == [.badSyntax])
    }

    @Test func aBrokenDeclarationHeaderIsReportedOnceNotOncePerField() {
        // A typo in the keyword: one error, not one more for every indented field under it.
        let diagnostics = LedgerText.load("""
            grnat g  G
              funder  f
              period  2019-20
              award   £10.00

            grant h
              funder  f
              period  2019-20
            """).diagnostics
        #expect(diagnostics.codes == [.unknownDirective, .missingField])
    }
}
