/// A declared account. Its type comes from its first segment, as hledger infers it.
public struct Account: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case assets, liabilities, equity, income, expenses
    }

    public let name: String
    public let kind: Kind
    public let location: SourceLocation
}
