/// Each account's balance, the sum of its own postings, as `hledger bal --flat` shows it: no
/// roll-up into parent accounts, zero balances left out, sorted by name (byte order, so the same
/// on every machine). The filter narrows the postings summed, as hledger's query would.
public enum BalanceReport {
    public static func build(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> Report {
        try table(figures(ledger, filter))
    }

    public static func figures(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> ReportFigures<AccountBalance> {
        let scope = try ReportScope(ledger, filter)
        var balances = [Money](repeating: .zero, count: ledger.accounts.count)
        for posting in ledger.postings where scope.includes(posting) {
            let account = Int(posting.account)
            balances[account] = try balances[account].plus(posting.amount, ledger.accounts[account].name)
        }
        let rows = ledger.accounts.indices
            .filter { !balances[$0].isZero }
            .sorted { ledger.accounts[$0].name.utf8.lexicographicallyPrecedes(ledger.accounts[$1].name.utf8) }
            .map { AccountBalance(account: ledger.accounts[$0].name, balance: balances[$0]) }
        return ReportFigures(filter: filter, rows: rows)
    }

    public static func table(_ figures: ReportFigures<AccountBalance>) throws(ReportError) -> Report {
        let columns: [ReportColumn] = [.text("account", "Account", label: true), .money("balance", "Balance")]
        let rows = figures.rows.map { ReportRow([.text($0.account), .money($0.balance)]) }
        return try Report(title: figures.title("Balances"), columns: columns, rows: rows)
    }
}
