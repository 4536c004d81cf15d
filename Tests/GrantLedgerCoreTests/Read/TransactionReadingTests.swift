import Testing
@testable import GrantLedgerCore

/// Transactions, postings, inferred amounts and tags.
@Suite("Reading transactions")
struct TransactionReadingTests {
    static func load(_ transactions: String) -> (ledger: Ledger, diagnostics: [Diagnostic]) {
        LedgerText.load(LedgerText.declarations + transactions)
    }

    /// The postings of transaction `index` as (account, pence).
    static func postings(_ ledger: Ledger, _ index: Int = 0) -> [(String, Int64)] {
        ledger.postings(of: ledger.transactions[index]).map { (ledger.account(of: $0).name, $0.amount.pence) }
    }

    @Test func aTransactionWithAnInferredAmount() throws {
        let (ledger, diagnostics) = Self.load("""
            2022-10-31 * (BDC-14) Bassetlaw District Council | CCTV cameras, first phase   ; grant:ss4, ref:BDC-2210-014
                expenses:cctv     £48.25   ; line:cctv
                assets:bank                ; amount inferred
            """)
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
        let transaction = try #require(ledger.transactions.first)
        #expect(transaction.date.description == "2022-10-31")
        #expect(transaction.status == .cleared)
        #expect(ledger.code(of: transaction) == "BDC-14")
        #expect(ledger.description(of: transaction) == "Bassetlaw District Council | CCTV cameras, first phase")
        #expect(ledger.payee(of: transaction) == "Bassetlaw District Council")
        #expect(ledger.note(of: transaction) == "CCTV cameras, first phase")
        #expect(ledger.location(of: transaction).line == 23)
        let postings = Array(ledger.postings(of: transaction))
        #expect(Self.postings(ledger).map(\.0) == ["expenses:cctv", "assets:bank"])
        #expect(Self.postings(ledger).map(\.1) == [4825, -4825])
        #expect(postings.map(\.amountInferred) == [false, true])
        #expect(postings.map(\.sourceLine) == [24, 25])
        #expect(postings.map(\.column) == [5, 5])
        #expect(ledger.location(of: postings[1]) == GrantLedgerCore.SourceLocation(file: "test.ledger", line: 25, column: 5))
        #expect(ledger.transaction(of: postings[0]).date == transaction.date)
    }

    @Test func statusAndCodeAreOptional() throws {
        let (ledger, diagnostics) = Self.load("""
            2022-10-01 Payee only
                expenses:cctv  £1.00
                assets:bank  -£1.00

            2022-10-02 ! Pending
                expenses:cctv  £1.00
                assets:bank

            2022-10-03 *Not a status: the star is part of the description
                expenses:cctv  £1.00
                assets:bank
            """)
        #expect(diagnostics.isEmpty)
        #expect(ledger.transactions.map(\.status) == [.none, .pending, .none])
        #expect(ledger.transactions.map(ledger.code(of:)) == [nil, nil, nil])
        #expect(ledger.note(of: ledger.transactions[0]) == nil)
        #expect(ledger.description(of: ledger.transactions[2]) == "*Not a status: the star is part of the description")
    }

    @Test func transactionTagsApplyToEveryPostingAndPostingTagsOverride() throws {
        let (ledger, diagnostics) = Self.load("""
            2022-10-31 Two lines in one invoice   ; grant:ss4, area:bassetlaw, class:capital, supplier:Acme
                expenses:cctv      £10.00   ; line:cctv, initiative:cctv-upgrade
                expenses:lighting  £20.00   ; line:lighting, area:notts, class:revenue, supplier:Bright Ltd
                assets:bank
            """)
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
        let postings = Array(ledger.postings)
        let grant = Int32(ledger.grantIndex["ss4"]!)
        #expect(postings.map(\.grant) == [grant, grant, grant])
        #expect(postings.map(\.grantLine) == [0, 1, -1])
        #expect(postings.map(\.area) == [Int32(ledger.areaIndex["bassetlaw"]!), Int32(ledger.areaIndex["notts"]!),
                                         Int32(ledger.areaIndex["bassetlaw"]!)])
        #expect(postings.map(\.initiative) == [0, -1, -1])
        #expect(postings.map(\.spendClass) == [.capital, .revenue, .capital])
        #expect(postings.map(ledger.supplier(of:)) == ["Acme", "Bright Ltd", "Acme"])
        #expect(postings.map(\.hasGrant) == [true, true, true])
        #expect(ledger.isSpend(postings[0]))
        #expect(!ledger.isSpend(postings[2]), "a posting to assets is not spend, even with a grant tag")
    }

    @Test func commentLinesUnderTheHeaderApplyToAllAndUnderAPostingToThatPosting() throws {
        let (ledger, diagnostics) = Self.load("""
            2022-10-31 Invoice
                ; grant:ss4, ref:INV-1
                ; supplier:Secure Vision Ltd
                expenses:cctv      £10.00
                ; line:cctv
                # line:lighting is ignored: # lines carry no tags
                expenses:lighting  £20.00
                    ; line:lighting, ref:INV-2
                assets:bank
            """)
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
        let postings = Array(ledger.postings)
        #expect(postings.map(\.grant) == [0, 0, 0])
        #expect(postings.map(\.grantLine) == [0, 1, -1])
        #expect(postings.map(ledger.reference(of:)) == ["INV-1", "INV-2", "INV-1"])
        #expect(postings.map(ledger.supplier(of:)) == ["Secure Vision Ltd", "Secure Vision Ltd", "Secure Vision Ltd"])
    }

    @Test func textThatIsNotATagIsLeftAsComment() {
        let (ledger, diagnostics) = Self.load("""
            2022-10-31 Invoice   ; paid late, see note: the supplier was slow, colour:blue
                expenses:cctv   £1.00   ; amount inferred: no, grant:ss4, line:cctv
                assets:bank             ; amount inferred: -£1.00
            """)
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
        #expect(ledger.postings.map(\.grant) == [0, -1])
        #expect(ledger.postings.map(\.grantLine) == [0, -1])
    }

    @Test func tabsSeparateAccountsFromAmounts() {
        let (ledger, diagnostics) = Self.load(
            "2022-10-31\tTabbed\t; grant:ss4\n\texpenses:cctv\t£5.00\t; line:cctv\n\tassets:bank\t-£5.00\n")
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
        #expect(Self.postings(ledger).map(\.0) == ["expenses:cctv", "assets:bank"])
        #expect(Self.postings(ledger).map(\.1) == [500, -500])
        #expect(ledger.postings.map(\.grantLine) == [0, -1])
    }

    @Test func anAccountNameMayContainSingleSpaces() {
        let (ledger, diagnostics) = LedgerText.load("""
            account assets:petty cash
            account expenses:tea and biscuits
            2022-10-31 Tea
                expenses:tea and biscuits  £3.50
                assets:petty cash
            """)
        #expect(diagnostics.isEmpty)
        #expect(Self.postings(ledger).map(\.0) == ["expenses:tea and biscuits", "assets:petty cash"])
    }

    @Test func crlfLineEndingsReadTheSameAsLF() {
        let text = LedgerText.declarations + """
            2022-10-31 Invoice   ; grant:ss4
                expenses:cctv   £1.00   ; line:cctv
                assets:bank
            """
        let lf = LedgerText.load(text)
        let crlf = LedgerText.load(text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
        #expect(lf.diagnostics.isEmpty)
        #expect(crlf.diagnostics.isEmpty)
        #expect(crlf.ledger.transactions.map(crlf.ledger.description(of:)) == lf.ledger.transactions.map(lf.ledger.description(of:)))
        #expect(crlf.ledger.postings.map(\.amount) == lf.ledger.postings.map(\.amount))
        #expect(crlf.ledger.postings.map(\.grantLine) == lf.ledger.postings.map(\.grantLine))
        #expect(crlf.ledger.grants.map(\.name) == lf.ledger.grants.map(\.name))
        #expect(crlf.ledger.grants.first?.lines.map(\.name) == ["CCTV cameras", "Street lighting"])
    }

    @Test func balanceAssertionsAreRead() {
        let (ledger, diagnostics) = Self.load("""
            2022-10-31 Opening
                assets:bank     £100.00 = £100.00
                income:grants
            2022-11-01 Spend
                expenses:cctv   £10.00
                assets:bank     =£90.00   ; an amount may be left out before an assertion
            """)
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
        #expect(ledger.postings.indices.map { ledger.assertions[Int32($0)] } == [Money(pence: 10_000), nil, nil, Money(pence: 9_000)])
        #expect(ledger.postings.map(\.hasAssertion) == [true, false, false, true])
        #expect(ledger.postings.map(\.amount.pence) == [10_000, -10_000, 1_000, -1_000])
    }

    @Test func unbalancedAndMalformedTransactions() {
        let diagnostics = Self.load("""
            2022-10-01 Unbalanced
                expenses:cctv  £10.00
                assets:bank   -£9.99

            2022-10-02 One posting
                expenses:cctv  £10.00

            2022-10-03 Two missing
                expenses:cctv  £10.00
                assets:bank
                income:grants

            2022-10-04 Bad amount: no second error for the balance
                expenses:cctv  £10,00
                assets:bank   -£9.00

            2022-02-30 No such day
                expenses:cctv  £10.00
                assets:bank

            2022-1-05 Bad date
                expenses:cctv  £10.00
                assets:bank

            2022-10-06 Text after the amount
                expenses:cctv  £10.00 or so
                assets:bank

            2022-10-07 Assertion without an amount
                expenses:cctv  £10.00 =
                assets:bank
            """).diagnostics
        #expect(diagnostics.codes == [.unbalancedTransaction, .tooFewPostings, .multipleMissingAmounts, .badAmount,
                                      .impossibleDate, .badDate, .badSyntax, .badAmount])
        #expect(diagnostics.first?.message == "the postings sum to £0.01, not zero")
        #expect(diagnostics.first(.multipleMissingAmounts)?.location?.line == 33)
    }

    @Test func totalsThatCannotBeHeldAreReportedNotDropped() {
        let huge = "£92,233,720,368,547,758.07"
        let diagnostics = Self.load("""
            2022-10-01 Overflowing total
                expenses:cctv  \(huge)
                expenses:cctv  \(huge)
                assets:bank

            2022-10-02 A total of exactly -2^63 pence, whose negation cannot be held
                assets:bank    -\(huge)
                assets:bank    -£0.01
                expenses:cctv
            """).diagnostics
        // Each amount is also past the spreadsheet limit, and says so where it stands.
        #expect(diagnostics.codes == [.amountOverflow, .amountPastLimit, .amountPastLimit, .amountOverflow, .amountPastLimit])
    }

    @Test func postingsReferToDeclarationsByIndex() {
        let (ledger, diagnostics) = Self.load("""
            2022-10-31 Unknown everything   ; grant:ss5, area:bassetlawe, initiative:cctv-upgrad
                expenses:cctvv   £1.00
                assets:bank
            2022-11-30 The same unknowns again   ; grant:ss5, area:bassetlawe, initiative:cctv-upgrad
                expenses:cctvv   £1.00
                assets:bank
            """)
        #expect(diagnostics.codes == [.unknownGrant, .unknownArea, .unknownInitiative, .unknownAccount])
        #expect(ledger.postings.allSatisfy { $0.grant == -1 && $0.area == -1 && $0.initiative == -1 })
        let account = diagnostics.first(.unknownAccount)
        #expect(account?.message == "account expenses:cctvv is not declared (used 2 times; shown at its first use)")
        #expect(account?.hint == "did you mean expenses:cctv? Or declare it: account expenses:cctvv")
        #expect(account?.location?.line == 24)
        #expect(diagnostics.first(.unknownArea)?.hint?.hasPrefix("did you mean bassetlaw? Or declare it") == true)
    }

    @Test func lineTagsNeedAGrantAndAKnownLine() {
        let diagnostics = Self.load("""
            2022-10-31 A line with no grant
                expenses:cctv   £1.00   ; line:cctv
                assets:bank
            2022-10-31 A line the grant does not have   ; grant:ss4
                expenses:cctv   £1.00   ; line:cctvv
                assets:bank
            2022-10-31 Another, far from any line   ; grant:ss4
                expenses:cctv   £1.00   ; line:zzzzzzzz
                assets:bank
            """).diagnostics
        #expect(diagnostics.codes == [.lineWithoutGrant, .unknownLine, .unknownLine])
        let lines = diagnostics.filter { $0.code == .unknownLine }
        #expect(lines.first?.hint == "did you mean line:cctv? its lines are: cctv, lighting")
        #expect(lines.last?.hint == "its lines are: cctv, lighting")
    }

    @Test(arguments: ["grant:", "area: ", "initiative:", "line:", "class:capitol"])
    func tagsWithBadValues(_ tag: String) {
        let diagnostics = Self.load("""
            2022-10-31 Tagged   ; \(tag)
                expenses:cctv   £1.00
                assets:bank
            """).diagnostics
        #expect(diagnostics.codes == [.badValue])
    }

    @Test func declarationsMayComeAfterTheirUse() {
        let (ledger, diagnostics) = LedgerText.load("""
            2022-10-31 Spend first   ; grant:g, line:a, area:x, initiative:i
                expenses:work  £5.00
                assets:bank

            account assets:bank
            account expenses:work
            area x  X
            initiative i  I
            funder f  F
            grant g  G
              funder  f
              period  2022-23
              award   £5.00
              line a  £5.00  A
            """)
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
        #expect(ledger.postings.map(\.grant) == [0, 0])
        #expect(ledger.postings.map(\.grantLine) == [0, 0])
        #expect(ledger.postings.map(\.area) == [0, 0])
        #expect(ledger.postings.map(\.initiative) == [0, 0])
    }

    @Test func anIndentedLineOutsideAnyEntry() {
        #expect(LedgerText.codes("    expenses:cctv  £1.00") == [.badSyntax])
        #expect(LedgerText.codes("    ; an indented comment is fine") == [])
        #expect(LedgerText.codes("  # so is this") == [])
    }

    @Test func aCommentAtTheMarginEndsATransaction() {
        let diagnostics = Self.load("""
            2022-10-31 Cut short
                expenses:cctv   £1.00
            ; a comment at the margin ends the entry
                assets:bank
            """).diagnostics
        #expect(diagnostics.codes == [.tooFewPostings, .badSyntax])
    }
}
