/// One account's balance: the sum of its own postings, no roll-up.
public struct AccountBalance: Hashable, Sendable {
    public let account: String
    public let balance: Money
}
