import Testing
@testable import GrantLedgerCore

@Suite("Reconciling the ledger with a finance-system statement")
struct ReconcilerTests {
    static func spend(_ date: String, _ ref: String, _ amount: String, line: String = "cctv") -> String {
        """
        \(date) * Secure Vision Ltd | work   ; grant:ss4, ref:\(ref)
            expenses:\(line)   \(amount)   ; line:\(line)
            assets:bank

        """
    }

    static let rulesText = """
        column date         Date
        column amount       Amount
        column reference    Invoice
        column cost-centre  CC
        date-format     DD/MM/YYYY
        paid-from       assets:bank
        date-tolerance  3
        map cost-centre C1
          grant    ss4
          line     cctv
          account  expenses:cctv
        map cost-centre L1
          grant    ss4
          line     lighting
          account  expenses:lighting
        """

    static func audit(_ transactions: String, _ csv: String, year: FinancialYear? = nil) -> AuditResult {
        let (ledger, diagnostics) = LedgerLoader.load(text: LedgerText.declarations + transactions, name: "t.ledger", checks: LedgerCheck.audit)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(DiagnosticRenderer().render(diagnostics))")
        let rules = ImportRulesReader.read(text: rulesText, name: "r.rules").rules
        let export = FinanceExport.read(text: "Date,Invoice,CC,Amount\n" + csv, name: "s.csv", rules: rules)
        #expect(export.diagnostics.isEmpty)
        return Auditor.audit(ledger: ledger, checkFindings: diagnostics, statement: (export.rows, rules, "s.csv"), financialYear: year)
    }

    static func summary(_ result: AuditResult) -> [String] {
        result.findings.map { "\($0.code.rawValue) \($0.reference ?? "-") \($0.grant ?? "-")/\($0.line ?? "-") \($0.location?.file ?? ""):\($0.location?.line ?? 0)" }
    }

    @Test func agreeingSidesAreClean() throws {
        let result = Self.audit(Self.spend("2022-10-03", "A", "£100.00") + Self.spend("2022-10-04", "B", "£50.00", line: "lighting"),
                                "03/10/2022,A,C1,100.00\n04/10/2022,B,L1,50.00\n")
        #expect(result.findings.isEmpty)
        #expect(result.status == .clean)
        let r = try #require(result.reconciliation)
        #expect(r.isClean)
        #expect(r.matched.count == 2)
        #expect(r.lineTotals.map { "\($0.line ?? "") \($0.ledger) \($0.statement) \($0.difference)" }
                == ["cctv £100.00 £100.00 £0.00", "lighting £50.00 £50.00 £0.00"])
        #expect(r.total.ledger == Money(pence: 15_000))
    }

    @Test func everyKindOfDifferenceIsNamedByReferenceAndLine() throws {
        let ledger = Self.spend("2022-10-03", "A", "£100.00") + Self.spend("2022-10-04", "B", "£50.00", line: "lighting")
            + Self.spend("2022-10-05", "C", "£70.00") + Self.spend("2022-10-06", "D", "£20.00")
        let statement = """
            03/10/2022,A,C1,10.00
            04/10/2022,B,C1,50.00
            05/10/2022,C,C1,70.00
            05/10/2022,C,C1,70.00
            07/10/2022,E,C1,30.00

            """
        let result = Self.audit(ledger, statement)
        #expect(Self.summary(result) == [
            "amount-difference A ss4/cctv s.csv:2",
            "line-difference B ss4/cctv s.csv:3",
            "duplicate-statement-row C ss4/cctv s.csv:5",
            "unmatched-statement-row E ss4/cctv s.csv:6",
            "unmatched-ledger-spend D ss4/cctv t.ledger:33",
        ])
        #expect(result.status == .findings)
        let r = try #require(result.reconciliation)
        #expect(r.amountDifferences.first?.amountDifference == Money(pence: -9_000))
        // The line totals explain the whole gap: statement 230 against ledger 240.
        #expect(r.total.statement == Money(pence: 23_000))
        #expect(r.total.ledger == Money(pence: 24_000))
        #expect(r.lineTotals.reduce(Int64(0)) { $0 + $1.difference.pence } == r.total.difference.pence)
    }

    @Test func differentReferencesPairByExactAmountWithinTheTolerance() throws {
        let ledger = Self.spend("2022-10-03", "A", "£100.00") + Self.spend("2022-10-20", "B", "£60.00")
        let result = Self.audit(ledger, "06/10/2022,A-2022,C1,100.00\n24/10/2022,B-2022,C1,60.00\n")
        let r = try #require(result.reconciliation)
        #expect(r.matched.map(\.matchedBy) == [.dateAndAmount])
        #expect(r.matched.first?.ledger.reference == "A")
        // Four days apart is outside a tolerance of three.
        #expect(Self.summary(result) == ["unmatched-statement-row B-2022 ss4/cctv s.csv:3", "unmatched-ledger-spend B ss4/cctv t.ledger:27"])
    }

    @Test func aFinancialYearNarrowsBothSides() throws {
        let ledger = Self.spend("2022-10-03", "A", "£100.00") + Self.spend("2023-04-03", "B", "£60.00")
        let result = Self.audit(ledger, "03/10/2022,A,C1,100.00\n", year: FinancialYear(startYear: 2022))
        #expect(result.findings.isEmpty)
        // Given no dates, the statement's months are compared: April 2023 is not in an October statement.
        let months = Self.audit(ledger, "03/10/2022,A,C1,100.00\n")
        #expect(months.findings.isEmpty)
        #expect(months.reconciliation?.period?.words == "2022-10-01 to 2022-10-31, the months of the statement's first and last dates")
        // A statement's rows a month apart cover both months, and what the ledger has between them.
        let whole = Self.audit(ledger, "03/10/2022,A,C1,100.00\n30/04/2023,X,C1,1.00\n")
        #expect(whole.findings.map(\.code).sorted { $0.rawValue < $1.rawValue } == [.unmatchedLedgerSpend, .unmatchedStatementRow])
    }

    @Test func reportsInEveryFormat() {
        let result = Self.audit(Self.spend("2022-10-03", "A", "£100.00"), "03/10/2022,A,C1,109.00\n")
        let table = AuditReport.render(result, format: .table)
        #expect(table.contains("amount differs  A          ss4/cctv      £109.00  £100.00               £9.00  line 2         t.ledger:24"))
        #expect(table.contains("1 finding to look at."))
        let csv = AuditReport.render(result, format: .csv)
        #expect(csv.contains("finding,amount-difference,A,ss4,cctv,"))
        #expect(csv.contains("matched,reference,A,ss4,cctv,2022-10-03,109.00,100.00,9.00,s.csv:2:1,t.ledger:24:5,"))
        let json = AuditReport.render(result, format: .json)
        #expect(json.contains("\"amount_difference\": \"9.00\""))
        #expect(json.contains("\"status\": 1"))
    }
}

@Suite("Reconciliation never wraps a total")
struct ReconcilerOverflowTests {
    /// A statement amount that no total could hold exactly never reaches the reconciler: the reader
    /// refuses it where it stands (`AmountLimit`), so audit stops with exit 2 before any total is made.
    @Test func totalsTooLargeToHoldAreAnError() {
        let rules = ImportRulesReader.read(text: ReconcilerTests.rulesText, name: "r.rules").rules
        let export = FinanceExport.read(text: "Date,Invoice,CC,Amount\n03/10/2022,A,C1,\"92,233,720,368,547,758.07\"\n03/10/2022,B,C1,1.00\n",
                                        name: "s.csv", rules: rules)
        #expect(export.diagnostics.map(\.code) == [.amountPastLimit])
        #expect(export.diagnostics.first?.location == SourceLocation(file: "s.csv", line: 2, column: 18))
        #expect(ExitStatus(export.diagnostics) == .badInput)
        #expect(export.rows.map(\.reference) == ["B"])
    }
}
