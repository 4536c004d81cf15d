/// How an export gives each row's amount, from the columns its rules name. Signs follow the
/// ledger: spend is positive (a debit to the spend account), a refund or credit note negative.
public enum AmountShape: Sendable, Equatable {
    /// One signed column: `column amount  Amount`.
    case single
    /// A debit column and a credit column: the amount is debit − credit. A row fills one of them
    /// (the other empty or zero); both non-zero is an error, never netted.
    case debitCredit
    /// Net, VAT and gross: any two named, the third worked out (gross = net + VAT); all three named
    /// must agree. The rules' `vat` line says whether VAT is recoverable (posted to its own
    /// account, the spend net) or not (kept in the spend, which is then gross).
    case vat(net: Bool, vat: Bool, gross: Bool)

    /// The shape the named amount columns make, or nil when they make none (the rules reader says why).
    static func of(_ roles: Set<ColumnRole>) -> AmountShape? {
        let amounts = roles.filter(\.isAmount)
        if amounts == [.amount] { return .single }
        if amounts == [.debit, .credit] { return .debitCredit }
        let vatRoles: Set<ColumnRole> = [.net, .vat, .gross]
        if amounts.isSubset(of: vatRoles) && amounts.count >= 2 {
            return .vat(net: amounts.contains(.net), vat: amounts.contains(.vat), gross: amounts.contains(.gross))
        }
        return nil
    }

    /// Whether rows carry VAT, so the rules must say how it is treated.
    public var carriesVAT: Bool {
        if case .vat = self { return true }
        return false
    }
}

/// What happens to a row's VAT (rules: `vat recoverable ACCOUNT` or `vat irrecoverable`; a map
/// rule may set `vat  irrecoverable` or `vat  recoverable` for the rows it codes).
public enum VATTreatment: Sendable, Equatable {
    /// The council claims the VAT back: it is posted to `account` (an asset, or the VAT control
    /// liability), the spend is net, and the bank is credited gross.
    case recoverable(account: String)
    /// The VAT is a cost (a non-business activity, an exempt supplier): kept in the spend, which is gross.
    case irrecoverable
}
