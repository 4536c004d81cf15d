import Testing
@testable import GrantLedgerCore

/// A rule's conditions, `COLUMN [is|contains|prefix|matches] VALUE`: how each reads, which cells
/// each holds for and which it does not, quoted headings and values, and every mistake located.
@Suite("Rule conditions")
struct RuleConditionTests {
    static let columns = """
        column date         Date
        column amount       Amount
        column reference    Ref
        column supplier     Supplier
        column description  Text
        column cost-centre  CC
        column account      Code
        paid-from  assets:bank

        """

    /// The rules, which must read without problems.
    static func rules(_ rules: String) -> ImportRules {
        let (read, problems) = ImportRulesReader.read(text: columns + rules, name: "r.rules")
        #expect(problems.isEmpty, "\(DiagnosticRenderer().render(problems))")
        return read
    }

    static let header = "Date,Ref,Supplier,Text,CC,Code,Service Area,Amount\n"

    /// The references of the rows `rules` map (every row is given an account by the last rule).
    static func mapped(_ rules: String, _ rows: [String]) -> [String] {
        let text = header + rows.enumerated().map { "01/10/2022,R\($0.offset + 1),\($0.element),1.00" }.joined(separator: "\n")
        let reading = FinanceExport.read(text: text, name: "e.csv", rules: Self.rules(rules + "\nmap\n  account  expenses:other\n"))
        #expect(reading.diagnostics.isEmpty, "\(DiagnosticRenderer().render(reading.diagnostics))")
        return reading.rows.filter { $0.value(.area) == "hit" }.map(\.reference)
    }

    /// Rows of supplier, description, cost centre, account and service area.
    static let rows = [
        "Secure Vision Ltd,CCTV cameras Worksop,CS2101,4110,Community Safety East",
        "Secure Vision Ltd,cctv repair,CS2102,4110,Community Safety West",
        "Brightway Lighting,Street lighting,CS2110,5210,Youth Services",
        "Vision Works,Lighting CCTV mast,XCS2101,41100,Community Safety",
    ]

    @Test func isIsTheWholeCellExactlyAndTheDefault() {
        #expect(Self.mapped("map cost-centre CS2101\n  area hit", Self.rows) == ["R1"])
        #expect(Self.mapped("map cost-centre is CS2101\n  area hit", Self.rows) == ["R1"])
        #expect(Self.mapped("map supplier \"Secure Vision Ltd\"\n  area hit", Self.rows) == ["R1", "R2"])
        #expect(Self.mapped("map supplier \"secure vision ltd\"\n  area hit", Self.rows).isEmpty, "case-sensitive")
        #expect(Self.mapped("map supplier Secure\n  area hit", Self.rows).isEmpty, "not a part of the cell")
    }

    @Test func containsIsTheValueAnywhereCaseSensitive() {
        #expect(Self.mapped("map description contains CCTV\n  area hit", Self.rows) == ["R1", "R4"])
        #expect(Self.mapped("map description contains cctv\n  area hit", Self.rows) == ["R2"])
        #expect(Self.mapped("map cost-centre contains CS2101\n  area hit", Self.rows) == ["R1", "R4"])
        #expect(Self.mapped("map description contains \"lighting CCTV\"\n  area hit", Self.rows).isEmpty)
    }

    @Test func prefixIsTheStartOfTheCell() {
        #expect(Self.mapped("map cost-centre prefix CS21\n  area hit", Self.rows) == ["R1", "R2", "R3"])
        #expect(Self.mapped("map account prefix 411\n  area hit", Self.rows) == ["R1", "R2", "R4"])
        #expect(Self.mapped("map description prefix CCTV\n  area hit", Self.rows) == ["R1"], "not in the middle (R4)")
        #expect(Self.mapped("map description prefix cctv\n  area hit", Self.rows) == ["R2"])
    }

    @Test func matchesIsARegularExpressionFoundAnywhere() {
        #expect(Self.mapped("map cost-centre matches ^CS210[1-7]$\n  area hit", Self.rows) == ["R1", "R2"])
        #expect(Self.mapped("map cost-centre matches CS210[1-7]\n  area hit", Self.rows) == ["R1", "R2", "R4"], "unanchored: anywhere")
        #expect(Self.mapped("map description matches cctv\n  area hit", Self.rows) == ["R2"], "case-sensitive")
        #expect(Self.mapped("map description matches (?i)cctv\n  area hit", Self.rows) == ["R1", "R2", "R4"])
        #expect(Self.mapped("map account matches \"^(4110|5210)$\"\n  area hit", Self.rows) == ["R1", "R2", "R3"])
    }

    @Test func aQuotedHeadingTestsAnyColumnOfTheExport() {
        #expect(Self.mapped("map \"Service Area\" prefix \"Community Safety\"\n  area hit", Self.rows) == ["R1", "R2", "R4"])
        #expect(Self.mapped("map \"service area\" is \"Youth Services\"\n  area hit", Self.rows) == ["R3"], "headings ignore case, as role columns do")
        #expect(Self.mapped("map \"Service Area\" contains East account 4110\n  area hit", Self.rows) == ["R1"], "all conditions hold")
        #expect(Self.mapped("map \"Service Area\" contains East account 5210\n  area hit", Self.rows).isEmpty)
    }

    @Test func readsColumnTestAndValueWithTheirPlaces() throws {
        let rules = Self.rules("""
            map "Service Area" prefix "Community ""Safety""; East"  supplier O'Brien   ; a note
              area  a
            skip description matches ^VAT
            map supplier contains
              area  b
            """)
        let first = rules.rules[0].conditions
        #expect(first.map(\.column) == [.heading("Service Area"), .role(.supplier)])
        #expect(first.map(\.test) == [.prefix, .is])
        #expect(first.map(\.value) == ["Community \"Safety\"; East", "O'Brien"])
        #expect(rules.rules[0].note == "a note", "a ; inside quotes is not the comment")
        #expect(first[0].origin?.location == SourceLocation(file: "r.rules", line: 9, column: 5))
        #expect(first[0].columnOrigin?.length == "\"Service Area\"".utf8.count)
        #expect(first[0].text == "\"Service Area\" prefix \"Community \"\"Safety\"\"; East\"")
        #expect(rules.rules[1].conditions.map(\.test) == [.matches])
        // A test word with no value after it is the value, as it always was: `supplier contains`.
        #expect(rules.rules[2].conditions.map(\.test) == [.is])
        #expect(rules.rules[2].conditions.map(\.value) == ["contains"])
    }

    /// Each mistake, as `line:column code` (the column lines begin at line 9).
    static func located(_ rules: String) -> [(String, Diagnostic)] {
        let (_, problems) = ImportRulesReader.read(text: columns + rules, name: "r.rules")
        return DiagnosticRenderer.ordered(problems).map { ("\(($0.location?.line ?? 0) - 8):\($0.location?.column ?? 0) \($0.code.rawValue)", $0) }
    }

    @Test func aBadPatternIsABadValueAtItInTheCompilersWords() throws {
        let found = Self.located("map cost-centre matches CS(21\n  area a\nmap account matches \"[9-0]\"\n  area b\nmap\n  account  expenses:x")
        #expect(found.map(\.0) == ["1:25 bad-value", "3:21 bad-value"])
        #expect(found[0].1.message == "\"CS(21\" is not a regular expression: expected ')'")
        #expect(found[0].1.length == 5)
        #expect(found[0].1.hint?.contains("contains or prefix for plain text") == true)
        #expect(found[1].1.length == 7, "the quoted value, quotes and all")
        #expect(found[1].1.message.hasPrefix("\"[9-0]\" is not a regular expression: "))
    }

    @Test func everyOtherMistakeInAConditionIsLocated() {
        let found = Self.located("""
            map amount is 10.00
              area a
            map "Service Area
              area b
            map "Service Area"x is y
              area c
            map description contains ""
              area d
            map cost-centre
              area e
            skip costcentre CS1
            map
              account  expenses:x
            """)
        #expect(found.map(\.0) == ["1:5 unknown-field", "3:5 bad-syntax", "5:19 bad-syntax", "7:26 bad-value", "9:5 missing-field",
                                   "11:6 unknown-field"])
        #expect(found[0].1.message == "a rule tests a coded column or a quoted heading, not \"amount\"")
        #expect(found[5].1.hint?.hasPrefix("did you mean cost-centre?") == true)
    }
}
