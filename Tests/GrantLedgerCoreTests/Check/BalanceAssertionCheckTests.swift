import Testing
@testable import GrantLedgerCore

@Suite("Balance assertions")
struct BalanceAssertionCheckTests {
    static let accounts = """
        account assets:bank
        account assets:bank:deposit
        account income:grants
        account expenses:work

        """

    static func entry(_ date: String, _ bank: String, assert: String? = nil) -> String {
        """
        \(date) Entry
            assets:bank  \(bank)\(assert.map { " = \($0)" } ?? "")
            income:grants

        """
    }

    @Test func assertionsThatHold() {
        let text = Self.accounts + Self.entry("2022-01-01", "£100.00", assert: "£100.00")
            + Self.entry("2022-01-02", "£50.00", assert: "£150.00") + Self.entry("2022-01-03", "-£150.00", assert: "£0")
        #expect(LedgerText.load(text).diagnostics.isEmpty)
    }

    @Test func anAssertionThatFails() throws {
        let text = Self.accounts + Self.entry("2022-01-01", "£100.00") + Self.entry("2022-01-02", "£50.00", assert: "£140.00")
        let diagnostics = LedgerText.load(text).diagnostics
        #expect(diagnostics.codes == [.balanceAssertionFailed])
        let problem = try #require(diagnostics.first)
        #expect(problem.message == "assets:bank is £150.00 after this posting, not the asserted £140.00 (difference £10.00)")
        #expect(problem.location == GrantLedgerCore.SourceLocation(file: "test.ledger", line: 9, column: 5))
        #expect(problem.length == "assets:bank".utf8.count)
    }

    @Test func postingsAreCountedInDateOrderNotFileOrder() {
        // Written out of order: the 2 January assertion counts the 1 January entry that comes later in the file.
        let text = Self.accounts + Self.entry("2022-01-02", "£50.00", assert: "£150.00")
            + Self.entry("2022-01-01", "£100.00", assert: "£100.00")
            + Self.entry("2022-01-03", "£1.00", assert: "£151.00")
        #expect(LedgerText.load(text).diagnostics.isEmpty)
    }

    @Test func tiesOnADateAreCountedInFileOrder() {
        let holds = Self.accounts + Self.entry("2022-01-01", "£100.00", assert: "£100.00")
            + Self.entry("2022-01-01", "£50.00", assert: "£150.00")
        #expect(LedgerText.load(holds).diagnostics.isEmpty)
        // Swapping the assertions breaks both: the first one sees only the first posting of the day.
        let fails = Self.accounts + Self.entry("2022-01-01", "£100.00", assert: "£150.00")
            + Self.entry("2022-01-01", "£50.00", assert: "£100.00")
        #expect(LedgerText.load(fails).diagnostics.codes == [.balanceAssertionFailed, .balanceAssertionFailed])
    }

    @Test func withinOneTransactionEachPostingCounts() {
        let text = Self.accounts + """
            2022-01-01 Two in one
                assets:bank  £10.00 = £10.00
                assets:bank  £5.00 = £15.00
                income:grants

            """
        #expect(LedgerText.load(text).diagnostics.isEmpty)
    }

    @Test func subAccountsAreNotCounted() {
        let text = Self.accounts + """
            2022-01-01 Into the deposit account
                assets:bank:deposit  £100.00 = £100.00
                income:grants
            2022-01-02 Check the parent
                assets:bank  £0 = £0
                income:grants  £0

            """
        #expect(LedgerText.load(text).diagnostics.isEmpty, "\(DiagnosticRenderer().render(LedgerText.load(text).diagnostics))")
    }

    @Test func assertionsAcrossFilesOutOfDateOrder() throws {
        let folder = try TemporaryFolder()
        // 1.ledger holds the later entries; 2.ledger the earlier ones. The folder is read 1 then 2.
        try folder.write("books/1.ledger", Self.accounts + Self.entry("2022-03-01", "£10.00", assert: "£160.00")
            + Self.entry("2022-01-01", "£25.00", assert: "£125.00"))
        try folder.write("books/2.ledger", Self.entry("2022-01-01", "£100.00", assert: "£100.00")
            + Self.entry("2022-02-01", "£25.00", assert: "£150.00"))
        let (ledger, diagnostics) = LedgerLoader.load(paths: [folder.path + "/books"])
        #expect(ledger.transactions.count == 4)
        // In date order, ties in file order: 1 Jan (1.ledger) £25, 1 Jan (2.ledger) £100 — so the
        // first assertion on 1 January in 1.ledger sees £25, not £125, and 2.ledger's sees £125.
        #expect(diagnostics.codes == [.balanceAssertionFailed, .balanceAssertionFailed])
        let messages = DiagnosticRenderer.ordered(diagnostics).map(\.message)
        #expect(messages == [
            "assets:bank is £25.00 after this posting, not the asserted £125.00 (difference -£100.00)",
            "assets:bank is £125.00 after this posting, not the asserted £100.00 (difference £25.00)",
        ])
        #expect(DiagnosticRenderer.ordered(diagnostics).map { $0.location?.file.lastComponent }
            == ["1.ledger", "2.ledger"])
    }

    @Test func assertionsAreNotCheckedWhenReadingFailed() {
        let text = Self.accounts + Self.entry("2022-01-01", "£100.00", assert: "£1.00") + "2022-01-02 Broken\n    assets:bank  £x\n    income:grants\n"
        #expect(LedgerText.load(text).diagnostics.codes == [.badAmount])
    }

    @Test func transactionsByDateSortsStablyOnlyWhenNeeded() {
        let text = Self.accounts + Self.entry("2022-01-03", "£1.00") + Self.entry("2022-01-01", "£2.00")
            + Self.entry("2022-01-03", "£3.00") + Self.entry("2022-01-02", "£4.00")
        let ledger = LedgerText.read(text).ledger
        #expect(ledger.transactionsByDate() == [1, 3, 0, 2])
        let sorted = LedgerText.read(Self.accounts + Self.entry("2022-01-01", "£1.00") + Self.entry("2022-01-01", "£1.00")).ledger
        #expect(sorted.transactionsByDate() == [0, 1])
    }
}

extension String {
    /// The last path component.
    var lastComponent: String { split(separator: "/").last.map(String.init) ?? self }
}
