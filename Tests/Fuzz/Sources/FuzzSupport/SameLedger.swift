import GrantLedgerCore

/// Two readings of the same books are the same: every declaration, index, transaction and posting
/// (their stored fields, private ones too, by `dump`) and the same diagnostics in the same order.
/// What Tests/GrantLedgerCoreTests/Read/SplitReadingTests.swift asserts on generated ledgers.
public enum SameLedger {
    public static func expect(_ one: (ledger: Ledger, diagnostics: [Diagnostic]),
                              _ many: (ledger: Ledger, diagnostics: [Diagnostic])) {
        FuzzSupport.expect(one.diagnostics == many.diagnostics,
                           "split diagnostics differ:\n\(DiagnosticRenderer().render(one.diagnostics))---\n\(DiagnosticRenderer().render(many.diagnostics))")
        let (a, b) = (one.ledger, many.ledger)
        FuzzSupport.expect(a.files == b.files && a.funders == b.funders && a.areas == b.areas && a.initiatives == b.initiatives
                           && a.grants == b.grants && a.bids == b.bids && a.accounts == b.accounts, "split declarations differ")
        FuzzSupport.expect(a.funderIndex == b.funderIndex && a.areaIndex == b.areaIndex && a.initiativeIndex == b.initiativeIndex
                           && a.grantIndex == b.grantIndex && a.bidIndex == b.bidIndex && a.accountIndex == b.accountIndex,
                           "split indices differ")
        FuzzSupport.expect(a.transactions.count == b.transactions.count && a.postings.count == b.postings.count,
                           "split counts differ: \(a.transactions.count)/\(a.postings.count) against \(b.transactions.count)/\(b.postings.count)")
        FuzzSupport.expect(dumped(a.transactions) == dumped(b.transactions), "split transactions differ")
        FuzzSupport.expect(dumped(a.postings) == dumped(b.postings), "split postings differ")
    }

    static func dumped<T>(_ value: T) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }
}
