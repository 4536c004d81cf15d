import Testing
@testable import GrantLedgerCore

/// The rules bound to an export: for each field the first matching map rule that sets it gives it,
/// any matching skip drops the row, and a quoted heading the export lacks is an error at its
/// heading row naming the rules line.
@Suite("Rules bound to an export")
struct RuleMatcherTests {
    /// Mansfield's youth work above the rule for the rest of Mansfield, then a rule for every
    /// community safety row: the exception's initiative and Mansfield's area win by coming first.
    static let exceptionAboveItsRule = """
        map cost-centre CS2105 "Service Area" contains Youth
          initiative  nwps-mansfield-youth
        map cost-centre CS2105
          area        mansfield
          initiative  nwps-mansfield
        map "Service Area" prefix "Community Safety"
          grant       pcc-nwps
          line        nwps
          account     expenses:nwps
          area        nottinghamshire
        """

    static let rulesText = """
        column date         Date
        column amount       Amount
        column reference    Ref
        column cost-centre  CC
        column account      Code
        paid-from  assets:bank
        skip account 9210
        \(exceptionAboveItsRule)
        map account prefix 41
          class  capital
        map
          class    revenue
          account  expenses:other
        skip "Service Area" is Closed
        """
    static let rules = ImportRulesReader.read(text: rulesText, name: "r.rules").rules

    static func read(_ rows: String) -> FinanceExport.Reading {
        FinanceExport.read(text: "Date,Ref,CC,Code,Service Area,Amount\n" + rows, name: "e.csv", rules: rules)
    }

    @Test func theFirstMatchingRuleThatSetsAFieldGivesIt() throws {
        let reading = Self.read("""
            01/10/2022,Y1,CS2105,4110,Community Safety Youth,1.00
            01/10/2022,M1,CS2105,5210,Community Safety,2.00
            01/10/2022,N1,CS2199,5210,Community Safety,3.00
            01/10/2022,O1,CS9999,5210,Parks,4.00
            """)
        #expect(reading.diagnostics.isEmpty, "\(DiagnosticRenderer().render(reading.diagnostics))")
        let rows = Dictionary(uniqueKeysWithValues: reading.rows.map { ($0.reference, $0) })
        let youth = try #require(rows["Y1"])
        // The exception above its rule wins the initiative; the area comes from the next rule, not
        // the later "Community Safety" one (which every later-wins reading would give).
        #expect(youth.value(.initiative) == "nwps-mansfield-youth")
        #expect(youth.value(.area) == "mansfield")
        #expect(youth.grantLineText == "pcc-nwps/nwps")
        #expect(youth.value(.spendClass) == "capital", "the account rule comes before the every-row rule's class")
        #expect(youth.coding[.initiative]?.origin?.location.line == 9, "located at the rule that gave it")
        let mansfield = try #require(rows["M1"])
        #expect(mansfield.value(.initiative) == "nwps-mansfield")
        #expect(mansfield.value(.spendClass) == "revenue")
        #expect(mansfield.account == "expenses:nwps", "the first rule setting account, not the every-row one after it")
        #expect(rows["N1"]?.value(.area) == "nottinghamshire")
        #expect(rows["O1"]?.account == "expenses:other")
        #expect(rows["O1"]?.grantID == nil)
    }

    @Test func anyMatchingSkipDropsTheRowWhereverItIsInTheFile() {
        let reading = Self.read("""
            01/10/2022,V1,CS2105,9210,Community Safety,1.00
            01/10/2022,C1,CS2105,5210,Closed,1.00
            01/10/2022,K1,CS2105,5210,Community Safety,1.00
            """)
        #expect(reading.diagnostics.isEmpty)
        #expect(reading.skipped == 2, "the skip after every map rule counts too")
        #expect(reading.rows.map(\.reference) == ["K1"])
    }

    @Test func aQuotedHeadingTheExportLacksIsAnErrorAtItsHeadingRow() throws {
        let reading = FinanceExport.read(text: "Date,Ref,CC,Code,Service area name,Amount\n01/10/2022,K1,CS2105,5210,x,1.00\n",
                                         name: "e.csv", rules: Self.rules)
        #expect(reading.rows.isEmpty)
        #expect(reading.diagnostics.codes == [.missingExportColumn], "one error for the heading, however many rules test it")
        let problem = try #require(reading.diagnostics.first)
        #expect(problem.location == SourceLocation(file: "e.csv", line: 1, column: 1))
        #expect(problem.message == "the export has no column \"Service Area\" that a rule tests (named in r.rules:8, and lines 13, 23)")
        #expect(problem.hint?.hasPrefix("did you mean \"Service area name\"?") == true)
    }

    @Test func aPatternOfRulesMadeInCodeThatDoesNotCompileIsReportedNotTrapped() throws {
        var rules = Self.rules
        let origin = SettingOrigin(location: SourceLocation(file: "code", line: 1, column: 1), length: 3, excerpt: "x")
        rules.rules.insert(MappingRule(kind: .skip, conditions: [RuleCondition(column: .role(.account), test: .matches, value: "(", origin: origin)],
                                       location: origin.location, note: nil), at: 0)
        let reading = FinanceExport.read(text: "Date,Ref,CC,Code,Service Area,Amount\n01/10/2022,K1,CS2105,5210,x,1.00\n",
                                         name: "e.csv", rules: rules)
        #expect(reading.diagnostics.codes == [.badValue])
        #expect(reading.rows.isEmpty)
    }
}
