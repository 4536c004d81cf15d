import Testing
@testable import GrantLedgerCore

/// The reconciliation at its edges: a statement's repeat of a payment a week later, and a rules
/// period that misses the statement.
@Suite("Reconciling at the edges")
struct StatementEdgesTests {
    @Test func aStatementRepeatAWeekLaterIsBothANearDuplicateAndARowTheLedgerLacks() throws {
        let result = ReconcilerTests.audit(ReconcilerTests.spend("2022-10-03", "A", "£100.00"),
                                           "03/10/2022,A,C1,100.00\n10/10/2022,A,C1,100.00\n")
        let codes = Set(result.findings.map(\.code))
        #expect(codes == [.nearDuplicatePayment, .unmatchedStatementRow])
        // The Differences table holds the repeat, so its gaps add up to the totals' gap.
        let table = AuditReport.render(result, format: .table)
        #expect(table.contains("statement only"))
        #expect(table.contains("near duplicate"))
        let r = try #require(result.reconciliation)
        #expect(r.total.difference == Money(pence: 10_000))
        #expect(r.unmatchedStatement.map(\.amount) == [Money(pence: 10_000)])
        // In the reconciliation's section, not among the internal checks.
        #expect(table.contains("Internal checks (") && table.contains("): no findings"))
    }

    @Test func aRulesPeriodThatMissesTheStatementIsAFindingNotClean() throws {
        let ledger = ReconcilerTests.spend("2022-10-03", "A", "£100.00")
        let (books, diagnostics) = LedgerLoader.load(text: LedgerText.declarations + ledger, name: "t.ledger", checks: LedgerCheck.audit)
        let rules = ImportRulesReader.read(text: ReconcilerTests.rulesText + "\nperiod  2019-20\n", name: "r.rules").rules
        let export = FinanceExport.read(text: "Date,Invoice,CC,Amount\n03/10/2022,A,C1,90.00\n", name: "s.csv", rules: rules)
        let result = Auditor.audit(ledger: books, checkFindings: diagnostics, statement: (export.rows, rules, "s.csv"), financialYear: nil)
        #expect(result.findings.map(\.code) == [.statementOutsideDates])
        #expect(result.status != .clean)
        #expect(result.findings.first?.message.hasPrefix("1 of the statement's rows is dated outside the dates compared (2019-04-01 to 2020-03-31, the rules' period (r.rules:") == true)
        // Dates asked for leave rows out on purpose: no finding for those.
        let asked = Auditor.audit(ledger: books, checkFindings: diagnostics, statement: (export.rows, rules, "s.csv"),
                                  financialYear: FinancialYear(startYear: 2021))
        #expect(asked.findings.isEmpty)
    }
}
