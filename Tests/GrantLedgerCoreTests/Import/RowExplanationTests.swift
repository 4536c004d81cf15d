import Testing
@testable import GrantLedgerCore

/// `import --explain-row`'s reasoning (`FinanceExport.explain`): every rule tried in file order,
/// the condition that failed and on what cell, which rule gave each field, a skip, and what the row
/// became; a line that is no data row is refused with where the data rows are.
@Suite("Explaining one row")
struct RowExplanationTests {
    static let rulesText = """
        column date         Date
        column amount       Amount
        column reference    Ref
        column supplier     Supplier
        column cost-centre  CC
        column account      Code
        paid-from  assets:bank
        skip account 9210
        \(RuleMatcherTests.exceptionAboveItsRule)
        map supplier matches ^Secure
          class  capital
        """
    static let rules = ImportRulesReader.read(text: rulesText, name: "r.rules").rules
    static let export = """
        Date,Ref,Supplier,CC,Code,Service Area,Amount
        01/10/2022,M1,Secure Vision Ltd,CS2105,4110,Community Safety Youth,"1,250.00"

        01/10/2022,V1,Secure Vision Ltd,CS2105,9210,Community Safety,250.00
        01/10/2022,X1,Brightway,CS9999,5210,Parks,40.00
        01/10/2022,B1,Brightway,CS2105,5210,Community Safety,31/02
        """

    static func explain(_ line: Int) -> Result<RowExplanation, FinanceExport.ExplainFailure> {
        FinanceExport.explain(text: Self.export, name: "e.csv", rules: Self.rules, line: line)
    }

    /// Each trial as `line: yes`, or `line: no COLUMN=CELL` naming the condition that failed.
    static func trials(_ explanation: RowExplanation) -> [String] {
        explanation.trials.map { trial in
            guard let failure = trial.failure else { return "\(trial.rule.location.line): yes" }
            return "\(trial.rule.location.line): no \(failure.condition.text) on \(failure.cell ?? "nil")"
        }
    }

    @Test func aMatchedRowSaysEachRuleAndWhoGaveEachField() throws {
        let explanation = try Self.explain(2).get()
        #expect(explanation.line == 2)
        #expect(explanation.text.hasPrefix("01/10/2022,M1,"))
        #expect(Self.trials(explanation) == ["8: no account is 9210 on 4110", "9: yes", "11: yes", "14: yes", "19: yes"])
        #expect(explanation.skippedBy == nil)
        let givers = explanation.fields.map { "\($0.field.rawValue)=\($0.value)@\(explanation.trials[$0.trial].rule.location.line)" }
        #expect(givers == ["grant=pcc-nwps@14", "line=nwps@14", "account=expenses:nwps@14", "area=mansfield@11",
                           "initiative=nwps-mansfield-youth@9", "class=capital@19"])
        // The Mansfield rule matched but its initiative was already given by the exception above it.
        #expect(explanation.trials[2].gave == [.area])
        #expect(explanation.trials[2].alreadyGiven == [.initiative])
        #expect(explanation.trials[3].alreadyGiven == [.area])
        guard case .posting(let row) = explanation.outcome else {
            Issue.record("a clean, mapped row becomes a posting")
            return
        }
        #expect(row.amount == Money(pence: 125_000))
        #expect(explanation.posting?.text
                == "2022-10-01 £1,250.00 expenses:nwps grant:pcc-nwps line:nwps area:mansfield initiative:nwps-mansfield-youth class:capital")
    }

    @Test func aSkippedRowNamesTheSkipThatDroppedIt() throws {
        let explanation = try Self.explain(4).get()
        #expect(explanation.skippedBy == 0)
        #expect(Self.trials(explanation).first == "8: yes")
        #expect(Self.trials(explanation)[1] == "9: no \"Service Area\" contains Youth on Community Safety",
                "the second condition is the one that failed")
        guard case .skipped = explanation.outcome else {
            Issue.record("a row a skip matches is skipped, whatever the map rules say")
            return
        }
        #expect(explanation.posting == nil)
    }

    @Test func anUnmappedRowSaysWhyEachRuleFailedAndIsAnError() throws {
        let explanation = try Self.explain(5).get()
        #expect(Self.trials(explanation) == ["8: no account is 9210 on 5210", "9: no cost-centre is CS2105 on CS9999",
                                             "11: no cost-centre is CS2105 on CS9999",
                                             "14: no \"Service Area\" prefix \"Community Safety\" on Parks",
                                             "19: no supplier matches ^Secure on Brightway"])
        #expect(explanation.fields.isEmpty)
        guard case .problems(let problems) = explanation.outcome else {
            Issue.record("a row no rule gives an account cannot be imported")
            return
        }
        #expect(problems.codes == [.unmappedRow])
        #expect(problems.first?.location == SourceLocation(file: "e.csv", line: 5, column: 25), "at the cost centre")
    }

    @Test func aBadCellIsTheRowsProblemAfterItsCoding() throws {
        let explanation = try Self.explain(6).get()
        #expect(explanation.fields.map(\.field) == [.grant, .line, .account, .area, .initiative])
        guard case .problems(let problems) = explanation.outcome else {
            Issue.record("a bad amount is a problem")
            return
        }
        #expect(problems.codes == [.badAmount])
    }

    @Test func aLineThatIsNoDataRowIsRefusedWithWhereTheRowsAre() {
        let cases: [(Int, String)] = [
            (1, "line 1 of e.csv is its heading row, not a data row"),
            (3, "line 3 of e.csv is blank"),
            (7, "e.csv has no row on line 7: its last row is on line 6"),
            (0, "there is no line 0: lines are numbered from 1"),
        ]
        for (line, message) in cases {
            guard case .failure(.notADataRow(let said, let hint)) = Self.explain(line) else {
                Issue.record("line \(line) is no data row")
                continue
            }
            #expect(said == message)
            #expect(hint == "give the line of a data row as an editor numbers it: 2 to 6")
        }
    }

    @Test func aRaggedRowIsExplainedAsUnreadableWithoutTryingTheRules() throws {
        let text = "Date,Ref,Supplier,CC,Code,Service Area,Amount\n01/10/2022,R1,S,CS2105,5210,x,1,250.00\n"
        let explanation = try FinanceExport.explain(text: text, name: "e.csv", rules: Self.rules, line: 2).get()
        #expect(explanation.trials.isEmpty)
        guard case .problems(let problems) = explanation.outcome else {
            Issue.record("a ragged row is a problem")
            return
        }
        #expect(problems.codes == [.raggedRow])
    }

    @Test func anExportWhoseColumnsAreMissingIsNotExplained() {
        let text = "Date,Ref,Supplier,CC,Code,Area,Amount\n01/10/2022,R1,S,CS2105,5210,x,1.00\n"
        guard case .failure(.unreadable(let problems)) = FinanceExport.explain(text: text, name: "e.csv", rules: Self.rules, line: 2) else {
            Issue.record("no row can be coded without the columns the rules test")
            return
        }
        #expect(problems.codes == [.missingExportColumn])
    }
}
