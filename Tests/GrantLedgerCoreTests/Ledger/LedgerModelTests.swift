import Testing
@testable import GrantLedgerCore

@Suite("The ledger model")
struct LedgerModelTests {
    /// Assertions are kept beside the postings, by index: one of zero is still one, and a posting
    /// without one has none, in a file read in one pass or in ranges.
    @Test func anAssertionOfZeroIsNotNoAssertion() throws {
        var text = "account assets:a\naccount assets:b\n\n"
        for day in 1...20 {
            text += "2019-05-\(day < 10 ? "0" : "")\(day) Day \(day)\n    assets:a  £1.00  = £\(day).00\n    assets:b  -£1.00\n\n"
        }
        text += "2019-05-21 Nothing\n    assets:a  £0.00  = £20.00\n    assets:b  £0.00  = -£20.00\n    assets:a  £0.00\n"
        let folder = try TemporaryFolder()
        let path = try folder.write("asserted.ledger", text)
        #expect(FileSplitter.ranges(of: SourceFile(name: path, text: text), count: 3).count == 3, "read in three ranges below")
        for splitting in [FileSplitting(minimumSize: 1 << 30, maximumRanges: 1, blockSize: 7),
                          FileSplitting(minimumSize: 0, maximumRanges: 3, blockSize: 7)] {
            let (ledger, diagnostics) = LedgerReader.read(paths: [path], splitting: splitting)
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            #expect(ledger.assertions.count == 22)
            for (index, posting) in ledger.postings.enumerated() {
                #expect(posting.hasAssertion == (ledger.assertions[Int32(index)] != nil), "posting \(index)")
            }
            #expect(ledger.assertions[2] == Money(pence: 200), "the second day's first posting")
            #expect(ledger.assertions[41] == Money(pence: -2000) && ledger.assertions[42] == nil)
            #expect(!ledger.postings[1].hasAssertion && !ledger.postings[1].hasGrant)
        }
    }

    /// A million transactions hold three million postings: a new field must find room in the padding
    /// (`amountColumn` and `amountLength` did; a balance assertion's amount moved out to
    /// `Ledger.assertions`) or be weighed, not slip in unnoticed. Their texts are
    /// numbers in `Ledger.texts`, not Strings (which cost 16 bytes each and a reference count).
    @Test func aPostingPacksIntoFiftySixBytes() {
        #expect(MemoryLayout<Posting>.stride == 56)
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
