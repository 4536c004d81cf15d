import Testing
@testable import GrantLedgerCore

@Suite("Import rules files")
struct ImportRulesReaderTests {
    static let good = """
        ; a comment
        column date         Posting Date
        column amount       Amount
        column reference    Invoice No
        column cost-centre  Cost Centre
        column account      Account Code
        date-format     DD/MM/YYYY
        paid-from       assets:bank        ; the bank
        date-tolerance  5 days
        skip account 9210   ; VAT
        map cost-centre CS2101 account 4110
          grant    g
          line     a
          account  expenses:work
          class    capital
        map
          area  notts

        """

    @Test func readsEveryPart() throws {
        let (rules, diagnostics) = ImportRulesReader.read(text: Self.good, name: "r.rules")
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
        #expect(rules.columns[.date]?.value == "Posting Date")
        #expect(rules.columns[.costCentre]?.origin?.location == SourceLocation(file: "r.rules", line: 5, column: 21))
        #expect(rules.dateFormat == .dayMonthYearSlash)
        #expect(rules.paidFrom?.value == "assets:bank")
        #expect(rules.dateTolerance == 5)
        #expect(rules.rules.count == 3)
        #expect(rules.rules[0].kind == .skip)
        #expect(rules.rules[1].conditions.map(\.role) == [.costCentre, .account])
        #expect(rules.rules[1].conditions.map(\.value) == ["CS2101", "4110"])
        #expect(rules.rules[1].fields[.spendClass]?.value == "capital")
        #expect(rules.rules[2].conditions.isEmpty)
        #expect(rules.grantIDs == ["g"])
    }

    @Test func everyProblemIsLocatedAndAllAreReported() {
        let text = """
            column dat  Posting Date
            column amount
            date-format  MM/DD/YY
            date-tolerance  a week
            frobnicate  yes
            skip
            map cost-centre CS1
              grant  g
              colour  red
              class  capex
              line   a  b
              grant  h
            """
        let (_, diagnostics) = ImportRulesReader.read(text: text, name: "r.rules")
        let found = DiagnosticRenderer.ordered(diagnostics).map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code.rawValue)" }
        #expect(found == [
            "1:1 missing-field", "1:1 missing-field", "1:1 missing-field", "1:1 missing-field",  // date, amount, reference, paid-from
            "1:8 unknown-field", "2:1 bad-syntax", "3:14 bad-value", "4:17 bad-value", "5:1 unknown-directive", "6:1 missing-field",
            "9:3 unknown-field", "10:10 bad-value", "11:13 bad-syntax", "12:3 duplicate-id",
        ])
        let unknown = diagnostics.first { $0.code == .unknownField && $0.location?.line == 1 }
        #expect(unknown?.hint?.hasPrefix("did you mean date?") == true)
    }

    @Test func aRulesFileNeedsAMapRule() {
        let text = "column date  D\ncolumn amount  A\ncolumn reference  R\npaid-from  assets:bank\n"
        let (_, diagnostics) = ImportRulesReader.read(text: text)
        #expect(diagnostics.codes == [.missingField])
        #expect(diagnostics.first?.message.contains("no map rule") == true)
    }

    @Test func idsAreCheckedAgainstTheBooks() throws {
        let (ledger, _) = LedgerText.load(LedgerText.declarations)
        let text = """
            column date  D
            column amount  A
            column reference  R
            column cost-centre  C
            paid-from  assets:bnak
            map cost-centre X
              grant  ss5
              area   bassetlw
              initiative  cctv
              account  expenses:cctv
            map cost-centre Y
              grant  ss4
              line   lights
              account  expenses:cctv
            map cost-centre Z
              grant  ss4
              line   cctv
              account  assets:bank
            """
        let (rules, problems) = ImportRulesReader.read(text: text, name: "r.rules")
        #expect(problems.isEmpty)
        let export = FinanceExport.read(text: "D,A,R,C\n01/10/2022,1.00,I1,X\n01/10/2022,1.00,I2,Y\n01/10/2022,1.00,I3,Z\n", name: "e.csv", rules: rules)
        #expect(export.diagnostics.isEmpty)
        let found = DiagnosticRenderer.ordered(rules.problems(against: ledger, rows: export.rows))
        #expect(found.map(\.code) == [.unknownAccount, .unknownGrant, .unknownArea, .unknownInitiative, .unknownLine, .badValue])
        #expect(found.map { $0.location?.line ?? 0 } == [5, 7, 8, 9, 13, 18])
        #expect(found[0].hint?.hasPrefix("did you mean assets:bank?") == true)
    }
}
