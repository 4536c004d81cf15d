import Testing
@testable import GrantLedgerCore

/// Spend on a grant with lines must name one: a finding at the posting's amount, and never for
/// the award's income, the bank's side, match funding or a grant without lines.
@Suite("Spend without a line")
struct SpendLineChecksTests {
    static let books = """
        funder f  F
        grant g  G
          funder  f
          period  2022-07-01..2023-09-30
          award   £1,000.00
          line cctv      £600.00  CCTV
          line lighting  £400.00  Lighting
        grant plain  A grant without lines
          funder  f
          period  2022-07-01..2023-09-30
          award   £500.00
        account assets:bank
        account income:grants
        account expenses:work

        2022-07-15 Award   ; grant:g
            assets:bank     £1,000.00
            income:grants

        """

    static func found(_ transactions: String) -> [Diagnostic] {
        LedgerText.load(books + transactions).diagnostics.filter { $0.code == .spendWithoutLine }
    }

    @Test func spendWithNoLineIsOneFindingAtItsAmount() throws {
        let text = """
            2022-08-01 Cameras   ; grant:g
                expenses:work  £250.00
                assets:bank

            """
        let all = LedgerText.load(Self.books + text).diagnostics
        #expect(all.map(\.code) == [.spendWithoutLine], "\(DiagnosticRenderer().render(all))")
        let problem = try #require(all.first)
        #expect(problem.severity == .finding)
        #expect(ExitStatus(all) == .findings)
        #expect(problem.message == "spend of £250.00 on grant g is on none of its lines")
        #expect(problem.hint == "add line:ID, one of: cctv, lighting")
        #expect(problem.location == SourceLocation(file: "test.ledger", line: 20, column: 20))
        #expect(problem.length == "£250.00".utf8.count)
    }

    @Test func anInferredAmountIsPointedAtByItsAccount() throws {
        let found = Self.found("""
            2022-08-01 Refund of cameras   ; grant:g
                assets:bank  £40.00
                expenses:work

            """)
        let problem = try #require(found.first)
        #expect(found.count == 1)
        #expect(problem.message == "spend of -£40.00 on grant g is on none of its lines")
        #expect(problem.location == SourceLocation(file: "test.ledger", line: 21, column: 5))
        #expect(problem.length == "expenses:work".utf8.count)
    }

    @Test func spendOnALineIsNone() {
        #expect(Self.found("""
            2022-08-01 Cameras   ; grant:g
                expenses:work  £250.00   ; line:cctv
                assets:bank

            2022-08-02 Lamps   ; grant:g, line:lighting
                expenses:work  £100.00
                assets:bank

            """).isEmpty)
    }

    @Test func aGrantWithoutLinesHasNoneToName() {
        #expect(LedgerText.load(Self.books + """
            2022-08-01 Cameras   ; grant:plain
                expenses:work  £250.00
                assets:bank

            """).diagnostics.isEmpty)
    }

    @Test func theAwardTheBankAndMatchFundingAreNotSpend() {
        // The books' own award (income and bank, tagged grant:g) is in every case above; here
        // partners' match funding, which names the grant with match:, not grant:.
        #expect(LedgerText.load(Self.books + """
            2022-08-01 Partner's share of the cameras
                expenses:work  £250.00   ; match:g
                assets:bank

            """).diagnostics.isEmpty)
    }

    @Test func eachPostingIsItsOwnFinding() {
        let found = Self.found("""
            2022-08-01 Cameras and lamps   ; grant:g
                expenses:work  £250.00
                expenses:work  £100.00   ; line:lighting
                expenses:work  £50.00
                assets:bank

            """)
        #expect(found.map(\.location?.line) == [20, 22])
    }

    @Test func aWrongLineIsTheReadersErrorAlone() {
        // unknown-line already says it; the check, which needs the transactions whole, does not run.
        let codes = LedgerText.codes(Self.books + """
            2022-08-01 Cameras   ; grant:g, line:ctv
                expenses:work  £250.00
                assets:bank

            """)
        #expect(codes == [.unknownLine])
    }

    @Test func aGrantOfManyLinesIsToldWhereToSeeThem() {
        let lines = (1...13).map { "  line l\($0)  £1.00  Line \($0)" }.joined(separator: "\n")
        let text = """
            funder f  F
            grant many  Many lines
              funder  f
              period  2022-07-01..2023-09-30
              award   £13.00
            \(lines)
            account assets:bank
            account expenses:work

            2022-08-01 Spend   ; grant:many
                expenses:work  £1.00
                assets:bank
            """
        let found = LedgerText.load(text).diagnostics.filter { $0.code == .spendWithoutLine }
        #expect(found.first?.hint == "add line:ID naming one of its 13 lines (grantledger report lines --grant many lists them)")
    }
}
