/// The rules lines that say how the export itself is written: its encoding, its sheet, its amount
/// columns' shape and what happens to VAT.
extension RulesParser {
    /// `encoding windows-1252`.
    mutating func readEncoding(_ line: RulesLine, _ first: (offset: Int, text: String)) {
        guard line.words.count == 2 else { return line.words.count < 2 ? missingValue(line, first) : extraWords(line, 2) }
        let word = line.words[1]
        guard let encoding = TextEncoding(name: word.text) else {
            let names = TextEncoding.allCases.map(\.rawValue)
            report(line, word.offset, word.text.utf8.count, .badValue, "unknown encoding \"\(word.text)\"",
                   hint: Suggestion.hint(word.text.lowercased(), in: names, known: "known: " + names.joined(separator: ", ")))
            return
        }
        rules.encoding = Located(encoding, at: line.origin(word.offset, word.text.utf8.count))
    }

    /// `sheet Transactions` (the rest of the line, so a name may hold spaces).
    mutating func readSheet(_ line: RulesLine, _ first: (offset: Int, text: String)) {
        guard let name = line.rest(from: 1) else { return missingValue(line, first) }
        rules.sheet = line.located(name)
    }

    /// `period 2022-23` or `period 2022-10-01..2022-12-31`: the days a statement covers.
    mutating func readPeriod(_ line: RulesLine, _ first: (offset: Int, text: String)) {
        guard line.words.count == 2 else { return line.words.count < 2 ? missingValue(line, first) : extraWords(line, 2) }
        let word = line.words[1]
        switch Period.parse(word.text) {
        case .success(let period):
            rules.period = Located(period, at: line.origin(word.offset, word.text.utf8.count))
        case .failure(let problem):
            let why = problem == .endBeforeStart ? "it ends before it starts" : problem == .impossibleDate ? "there is no such date" : "it is not a period"
            report(line, word.offset, word.text.utf8.count, .badValue, "\"\(word.text)\" cannot be the statement's period: \(why)",
                   hint: "write a financial year (period 2022-23) or the first and last days (period 2022-10-01..2022-12-31)")
        }
    }

    /// `vat recoverable ACCOUNT` or `vat irrecoverable`.
    mutating func readVAT(_ line: RulesLine, _ first: (offset: Int, text: String)) {
        guard line.words.count >= 2 else { return missingValue(line, first) }
        let word = line.words[1]
        let at = line.origin(word.offset, word.text.utf8.count)
        switch word.text {
        case "recoverable":
            guard line.words.count >= 3 else {
                report(line, word.offset, word.text.utf8.count, .missingField, "recoverable VAT needs the account it is posted to",
                       hint: "for example: vat recoverable assets:vat-recoverable")
                return
            }
            guard line.words.count == 3 else { return extraWords(line, 3) }
            let account = line.words[2]
            rules.vat = Located(.recoverable(account: account.text), at: at)
            rules.vatAccount = line.located(account)
        case "irrecoverable":
            guard line.words.count == 2 else { return extraWords(line, 2) }
            rules.vat = Located(.irrecoverable, at: at)
        default:
            report(line, word.offset, word.text.utf8.count, .badValue, "VAT is recoverable or irrecoverable, not \"\(word.text)\"",
                   hint: "write vat recoverable ACCOUNT (VAT posted to that account, the spend net) or vat irrecoverable (VAT kept in the spend)")
        }
    }

    /// The amount columns make one shape, VAT columns come with a `vat` line and a `vat` line with
    /// VAT columns, and a map rule's `vat  recoverable` has an account to post to.
    mutating func finishAmounts() {
        let top = SourceLocation(file: rules.file, line: 1, column: 1)
        let named = Set(rules.columns.keys.filter(\.isAmount))
        if named.isEmpty {
            if lostRoles.contains(where: \.isAmount) { return }
            diagnostics.append(Diagnostic(
                .missingField, "the rules do not say which column holds the amount",
                hint: "add a line such as: column amount  Amount (or column debit and column credit, or two of column net, vat and gross)",
                at: top))
            return
        }
        guard let shape = AmountShape.of(named) else {
            // Reported at the amount column named last, with what it cannot go with.
            let last = named.max { ($0.line(in: rules), $0.rawValue) < ($1.line(in: rules), $1.rawValue) } ?? .amount
            let others = named.subtracting([last]).map(\.rawValue).sorted()
            let message: String
            switch named {
            case [.debit]: message = "column debit needs column credit beside it (the amount is debit − credit)"
            case [.credit]: message = "column credit needs column debit beside it (the amount is debit − credit)"
            case [.net], [.vat], [.gross]: message = "name two of column net, vat and gross: the third is worked out from them"
            default: message = "column \(last.rawValue) cannot go with column \(others.joined(separator: ", column "))"
            }
            diagnostics.append(Diagnostic(
                .badSyntax, message,
                hint: "an export's amount is one column (amount), a pair (debit and credit), or two or three of net, vat and gross",
                origin: rules.columns[last]?.origin))
            return
        }
        rules.amountShape = shape
        finishVAT(shape, top: top)
    }

    private mutating func finishVAT(_ shape: AmountShape, top: SourceLocation) {
        if let account = rules.vatAccount, account.value == rules.paidFrom?.value {
            diagnostics.append(Diagnostic(
                .badValue, "the VAT account is the account that pays (\(account.value)): the bank would be credited net and the VAT lost",
                hint: "post recoverable VAT to an account of its own, such as assets:vat-recoverable", origin: account.origin))
        }
        if shape.carriesVAT && rules.vat == nil {
            diagnostics.append(Diagnostic(
                .missingField, "the export has VAT columns, but the rules do not say whether VAT is recoverable",
                hint: "add: vat recoverable assets:vat-recoverable (VAT posted there, the spend net), or vat irrecoverable (VAT kept in the spend)",
                at: top))
        } else if !shape.carriesVAT, let vat = rules.vat {
            diagnostics.append(Diagnostic(
                .badValue, "a vat line, but the rules name no VAT column (net, vat or gross)",
                hint: "name the columns, for example column net  Net and column vat  VAT; or take the vat line out", origin: vat.origin))
        }
        for rule in rules.rules {
            guard let field = rule.fields[.vat] else { continue }
            if !shape.carriesVAT {
                diagnostics.append(Diagnostic(.badValue, "this rule sets vat, but the rules name no VAT column",
                                              hint: "take the vat line out of this rule", origin: field.origin))
            } else if field.value == "recoverable", rules.vatAccount == nil, rules.vat != nil {
                diagnostics.append(Diagnostic(
                    .missingField, "this rule makes VAT recoverable, but the rules name no account to post it to",
                    hint: "write the default at the top as vat recoverable ACCOUNT, and vat  irrecoverable in the rules where VAT is a cost",
                    origin: field.origin))
            }
        }
    }
}

extension ColumnRole {
    /// The rules line that names this column (0 when it is not named), to tell which came last.
    fileprivate func line(in rules: ImportRules) -> Int { rules.columns[self]?.origin?.location.line ?? 0 }
}
