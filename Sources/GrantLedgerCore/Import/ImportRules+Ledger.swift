/// The ids and accounts a rules file names, checked against the books they are for: a rule naming
/// a grant line that does not exist is reported at the rule, once, not at every row it codes.
extension ImportRules {
    public func problems(against ledger: Ledger, rows: [ExportRow]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func unknown(_ located: Located<String>, _ code: DiagnosticCode, _ kind: String, _ known: [String], declare: String) {
            let near = Suggestion.closest(to: located.value, in: known).map { "did you mean \($0)? Or " } ?? ""
            problems.append(Diagnostic(code, "unknown \(kind) \"\(located.value)\"",
                                       hint: near + "declare it in the books: \(declare)", origin: located.origin))
        }
        if let paidFrom, ledger.accountIndex[paidFrom.value] == nil {
            unknown(paidFrom, .unknownAccount, "account", ledger.accounts.map(\.name), declare: "account \(paidFrom.value)")
        }
        if let vatAccount {
            if let index = ledger.accountIndex[vatAccount.value] {
                let kind = ledger.accounts[index].kind
                if kind != .assets && kind != .liabilities {
                    problems.append(Diagnostic(
                        .badValue, "recoverable VAT is claimed back, so it goes to an asset or liability account, not \(vatAccount.value) (\(kind.rawValue))",
                        hint: "name the VAT account, such as assets:vat-recoverable; if the VAT is a cost, write vat irrecoverable",
                        origin: vatAccount.origin))
                }
            } else {
                unknown(vatAccount, .unknownAccount, "account", ledger.accounts.map(\.name), declare: "account \(vatAccount.value)")
            }
        }
        for rule in self.rules where rule.kind == .map {
            for (field, located) in rule.fields.sorted(by: { $0.value.origin?.location.line ?? 0 < $1.value.origin?.location.line ?? 0 }) {
                switch field {
                case .grant, .match:
                    if ledger.grantIndex[located.value] == nil {
                        unknown(located, .unknownGrant, "grant", ledger.grants.map(\.id), declare: "grant \(located.value)  Name")
                    }
                case .area:
                    if ledger.areaIndex[located.value] == nil {
                        unknown(located, .unknownArea, "area", ledger.areas.map(\.id), declare: "area \(located.value)  Name")
                    }
                case .initiative:
                    if ledger.initiativeIndex[located.value] == nil {
                        unknown(located, .unknownInitiative, "initiative", ledger.initiatives.map(\.id),
                                declare: "initiative \(located.value)  Name")
                    }
                case .account:
                    if ledger.accountIndex[located.value] == nil {
                        unknown(located, .unknownAccount, "account", ledger.accounts.map(\.name), declare: "account \(located.value)")
                    }
                case .line, .spendClass, .vat:
                    break
                }
            }
        }
        // Lines and accounts depend on the grant a row ends up with: check each combination once.
        var seen: Set<String> = []
        for row in rows {
            guard let grantID = row.grantID, let grantIndex = ledger.grantIndex[grantID] else { continue }
            let grant = ledger.grants[grantIndex]
            if let line = row.coding[.line], grant.lineIndex(line.value) == nil,
               seen.insert("line \(line.origin?.location.line ?? 0) \(grantID)").inserted {
                problems.append(Diagnostic(.unknownLine, "grant \(grantID) has no line \"\(line.value)\"", hint: grant.hint(forLine: line.value),
                                           origin: line.origin))
            }
            if let account = row.coding[.account], let index = ledger.accountIndex[account.value],
               ledger.accounts[index].kind != .expenses, seen.insert("account \(account.origin?.location.line ?? 0)").inserted {
                problems.append(Diagnostic(.badValue, "spend of grant \(grantID) must go to an expenses account, not \(account.value)",
                                           hint: "name an expenses account, or take grant off this rule", origin: account.origin))
            }
        }
        return problems
    }
}
