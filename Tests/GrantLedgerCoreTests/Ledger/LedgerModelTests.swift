import Testing
@testable import GrantLedgerCore

@Suite("The ledger model")
struct LedgerModelTests {
    static func posting(assertion: Money?) -> Posting {
        Posting(account: 0, amount: Money(pence: 5), grant: -1, grantLine: -1, area: -1, initiative: -1,
                spendClass: nil, amountInferred: false, assertion: assertion,
                transaction: 0, sourceLine: 1, column: 5)
    }

    @Test func anAssertionOfZeroIsNotNoAssertion() {
        #expect(Self.posting(assertion: nil).assertion == nil)
        #expect(Self.posting(assertion: .zero).assertion == .zero)
        #expect(Self.posting(assertion: Money(pence: .min)).assertion == Money(pence: .min))
        #expect(!Self.posting(assertion: nil).hasGrant)
    }

    /// A million transactions hold three million postings: a new field must find room in the padding
    /// (`amountColumn` and `amountLength` did) or be weighed, not slip in unnoticed. Their texts are
    /// numbers in `Ledger.texts`, not Strings (which cost 16 bytes each and a reference count).
    @Test func aPostingPacksIntoSixtyFourBytes() {
        #expect(MemoryLayout<Posting>.stride == 64)
    }

    /// A transaction keeps numbers for its texts and its file, not Strings: 32 bytes, not 80.
    @Test func aTransactionPacksIntoThirtyTwoBytes() {
        #expect(MemoryLayout<Transaction>.stride == 32)
    }

    @Test(arguments: [
        ("Bassetlaw District Council | CCTV cameras", "Bassetlaw District Council", "CCTV cameras" as String?),
        ("Payee only", "Payee only", nil),
        ("Payee   |   note with | a bar", "Payee", "note with | a bar"),
        ("| just a note", "", "just a note"),
        ("", "", nil),
    ] as [(String, String, String?)])
    func payeeAndNote(_ description: String, _ payee: String, _ note: String?) {
        var ledger = Ledger()
        let transaction = Transaction(date: Day(daysSinceEpoch: 0), status: .none, codeText: TextStore.none,
                                      descriptionText: ledger.texts.add(description), postingRange: 0..<0, file: 0, line: 1)
        #expect(ledger.description(of: transaction) == description)
        #expect(ledger.payee(of: transaction) == payee)
        #expect(ledger.note(of: transaction) == note)
    }

    @Test func spendClassNames() {
        #expect(SpendClass.allCases.map(\.name) == ["capital", "revenue"])
    }

    @Test func sourceLocationsOrderByFileLineColumn() {
        let a = GrantLedgerCore.SourceLocation(file: "a", line: 2, column: 1)
        let b = GrantLedgerCore.SourceLocation(file: "a", line: 10, column: 1)
        let c = GrantLedgerCore.SourceLocation(file: "b", line: 1, column: 1)
        #expect(a < b && b < c)
        #expect(!(a < a))
    }

    @Test func accountsAndAreasHaveTheKindsTheSyntaxNames() {
        #expect(Account.Kind.allCases.map(\.rawValue) == ["assets", "liabilities", "equity", "income", "expenses"])
        #expect(Area.Kind.allCases.map(\.rawValue) == ["district", "unitary", "city", "county", "csp", "force"])
    }
}
