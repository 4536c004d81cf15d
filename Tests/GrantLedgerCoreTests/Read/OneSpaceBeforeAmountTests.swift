import Testing
@testable import GrantLedgerCore

/// One space between an account and its amount: the commonest slip in a hand-written ledger, said
/// once for what it is rather than as an undeclared account and a missing amount.
@Suite("One space before an amount")
struct OneSpaceBeforeAmountTests {
    static let declarations = """
        account assets:bank
        account expenses:community-safety:asb
        account expenses:office 2024

        """

    @Test func oneSpaceBeforeAnAmountIsOneErrorSayingSo() throws {
        let (ledger, problems) = LedgerText.load(Self.declarations + """
            2024-05-01 * Supplier | thing
                expenses:community-safety:asb £1,234.56
                assets:bank

            """)
        #expect(problems.map(\.code) == [.badSyntax])
        let problem = try #require(problems.first)
        #expect(problem.message == "one space before the amount: an account and its amount are parted by two spaces or a tab")
        #expect(problem.hint == "write two spaces there: expenses:community-safety:asb  £1,234.56")
        #expect(problem.location?.line == 5 && problem.location?.column == 34)
        #expect(ledger.accounts.map(\.name).contains("expenses:community-safety:asb £1,234.56") == false)
    }

    @Test func aFigureWithoutAPoundSignToo() {
        let (_, problems) = LedgerText.load(Self.declarations + "2024-05-01 * S | t\n    expenses:community-safety:asb -1,234.56\n    assets:bank\n")
        #expect(problems.map(\.code) == [.badSyntax])
    }

    @Test func anAccountNameWithASpaceAndAYearInItIsStillAnAccount() {
        let (ledger, problems) = LedgerText.load(Self.declarations + "2024-05-02 * S | t\n    expenses:office 2024  £10.00\n    assets:bank\n")
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        #expect(ledger.postings.first.map { ledger.account(of: $0).name } == "expenses:office 2024")
    }
}
