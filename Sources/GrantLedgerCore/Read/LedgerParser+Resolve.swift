/// After every file is read: ties the ids used in postings and fields to their declarations, and
/// reports each unknown id once, where it was first used.
extension LedgerParser {
    func resolve() {
        resolveAccounts()
        let grantMap = declarations(grantSymbols, ledger.grantIndex, .unknownGrant, "grant",
                                    hint: { "declare it: grant \($0)  Name, with its funder, period, award and lines" })
        let areaMap = declarations(areaSymbols, ledger.areaIndex, .unknownArea, "area",
                                   hint: { "declare it: area \($0)  Name" })
        let initiativeMap = declarations(initiativeSymbols, ledger.initiativeIndex, .unknownInitiative, "initiative",
                                         hint: { "declare it: initiative \($0)  Name" })
        var lineMap = [Int32](repeating: -1, count: linePairList.count)
        for (pairIndex, pair) in linePairList.enumerated() {
            let grantIndex = grantMap[Int(pair.grant)]
            guard grantIndex >= 0 else { continue }
            let grant = ledger.grants[Int(grantIndex)]
            let lineID = lineNames.name(pair.line)
            if let index = grant.lineIndex(lineID) {
                lineMap[pairIndex] = Int32(index)
            } else {
                // The suggestion is written as the tag is (line:ID), so it can be pasted.
                diagnostics.append(Diagnostic(
                    .unknownLine, "grant \(grant.id) has no line \"\(lineID)\"",
                    hint: (Suggestion.closest(to: lineID, in: grant.lines.map(\.id)).map { "did you mean line:\($0)? " } ?? "") + grant.linesKnown,
                    at: pair.location, length: 5 + lineID.utf8.count))
            }
        }
        ledger.postings.withUnsafeMutableBufferPointer { postings in
            for index in postings.indices {
                if postings[index].grant >= 0 { postings[index].grant = grantMap[Int(postings[index].grant)] }
                if postings[index].matchGrant >= 0 { postings[index].matchGrant = grantMap[Int(postings[index].matchGrant)] }
                if postings[index].grantLine >= 0 { postings[index].grantLine = lineMap[Int(postings[index].grantLine)] }
                if postings[index].area >= 0 { postings[index].area = areaMap[Int(postings[index].area)] }
                if postings[index].initiative >= 0 { postings[index].initiative = initiativeMap[Int(postings[index].initiative)] }
            }
        }
        resolveFieldReferences()
        resolveShapes()
        resolveClaims(grantMap)
    }

    /// Gives each claim the postings tagged with it; a tag naming a claim not declared is reported
    /// where it is written (a receipt for a claim the books do not know cannot be traced).
    private func resolveClaims(_ grantMap: [Int32]) {
        // A transaction's tag is every posting's: one report for where it is written.
        var reported: Set<SourceLocation> = []
        // What was received is a receipt's income: a tag on no income posting settles nothing.
        var settles: [SourceLocation: Bool] = [:]
        for tag in claimTags {
            let account = ledger.postings[Int(tag.posting)].account
            let income = account >= 0 && Int(account) < ledger.accounts.count && ledger.accounts[Int(account)].kind == .income
            settles[tag.location] = (settles[tag.location] ?? false) || income
        }
        for (location, income) in settles.sorted(by: { $0.key < $1.key }) where !income {
            reported.insert(location)
            diagnostics.append(Diagnostic(.badValue, "this claim: tag is on no income posting, so it settles nothing",
                                          hint: "tag the receipt's income posting (or its transaction): what a claim received is its income",
                                          at: location, length: 6))
        }
        for tag in claimTags {
            let grantIndex = grantMap[Int(tag.grant)]
            guard grantIndex >= 0 else { continue }
            let grantID = ledger.grants[Int(grantIndex)].id
            let period = FinancialPeriod.parse(tag.period)?.description ?? tag.period
            if let index = ledger.claimIndex[GrantClaim.key(grantID, period)] {
                ledger.claims[index].receipts.append(tag.posting)
                continue
            }
            guard reported.insert(tag.location).inserted else { continue }
            let known = ledger.claims.filter { $0.grantID == grantID }.map(\.periodText)
            let suggestion = Suggestion.closest(to: tag.period, in: known).map { "did you mean claim:\($0)? Or " } ?? ""
            diagnostics.append(Diagnostic(
                .unknownClaim, "grant \(grantID) has no claim for \(tag.period)",
                hint: suggestion + "declare it: claim \(grantID) \(tag.period), with its dated steps",
                at: tag.location, length: 6 + tag.period.utf8.count))
        }
    }

    /// Fills in the shape each profile (a grant line's or an initiative's) names (`ProfileDeclaration.Spread.shape`): shapes may be
    /// declared after, or in another file from, the grants that use them. An unknown one is left
    /// nil for the `profiles` check to report, with a suggestion.
    private func resolveShapes() {
        guard !ledger.shapes.isEmpty else { return }
        // Read from copies: the declarations are changed in place while the shapes are looked up.
        let shapes = ledger.shapes, index = ledger.shapeIndex
        func resolved(_ declaration: ProfileDeclaration) -> ProfileDeclaration {
            guard case .shape(let id, _) = declaration.spread else { return declaration }
            var declaration = declaration
            declaration.spread = .shape(id, index[id].map { shapes[$0] })
            return declaration
        }
        for grant in ledger.grants.indices {
            ledger.grants[grant].profiles = ledger.grants[grant].profiles.map(resolved)
        }
        for initiative in ledger.initiatives.indices {
            ledger.initiatives[initiative].profile = ledger.initiatives[initiative].profile.map(resolved)
        }
    }

    private func resolveAccounts() {
        var list: [Account] = []
        list.reserveCapacity(accounts.count)
        for symbol in 0..<Int32(accounts.count) {
            let name = accounts.name(symbol)
            if let declared = accountDeclarations[symbol] {
                list.append(declared)
                continue
            }
            let location = accounts.firstUse[Int(symbol)] ?? SourceLocation(file: file, line: 1, column: 1)
            let uses = accounts.uses[Int(symbol)]
            let declared = accountDeclarations.values.map(\.name).sorted()
            let suggestion = Suggestion.closest(to: name, in: declared).map { "did you mean \($0)? Or " } ?? ""
            diagnostics.append(Diagnostic(
                .unknownAccount, "account \(name) is not declared\(Self.usedElsewhere(uses))",
                hint: "\(suggestion)declare it: account \(name)", at: location, length: name.utf8.count))
            let top = name.split(separator: ":").first.map(String.init) ?? ""
            list.append(Account(name: name, kind: Account.Kind(rawValue: top) ?? .assets, location: location))
        }
        ledger.accounts = list
        ledger.accountIndex = Dictionary(list.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }

    /// For each symbol, the index of its declaration, or -1 after reporting it unknown.
    private func declarations(_ symbols: SymbolTable, _ index: [String: Int], _ code: DiagnosticCode, _ kind: String,
                              hint: (String) -> String) -> [Int32] {
        var map = [Int32](repeating: -1, count: symbols.count)
        let known = index.keys.sorted()
        for symbol in 0..<Int32(symbols.count) {
            let name = symbols.name(symbol)
            if let declaration = index[name] {
                map[Int(symbol)] = Int32(declaration)
            } else if let location = symbols.firstUse[Int(symbol)] {
                let suggestion = Suggestion.closest(to: name, in: known).map { "did you mean \($0)? Or " } ?? ""
                diagnostics.append(Diagnostic(
                    code, "unknown \(kind) \"\(name)\"\(Self.usedElsewhere(symbols.uses[Int(symbol)]))",
                    hint: suggestion + hint(name), at: location, length: name.utf8.count))
            }
        }
        return map
    }

    private func resolveFieldReferences() {
        for reference in references {
            let (code, kind, known): (DiagnosticCode, String, [String: Int])
            switch reference.kind {
            case .funder: (code, kind, known) = (.unknownFunder, "funder", ledger.funderIndex)
            case .area: (code, kind, known) = (.unknownArea, "area", ledger.areaIndex)
            case .grant: (code, kind, known) = (.unknownGrant, "grant", ledger.grantIndex)
            case .initiative: (code, kind, known) = (.unknownInitiative, "initiative", ledger.initiativeIndex)
            }
            guard known[reference.id] == nil else { continue }
            let suggestion = Suggestion.closest(to: reference.id, in: known.keys.sorted()).map { "did you mean \($0)? Or " } ?? ""
            diagnostics.append(Diagnostic(
                code, "unknown \(kind) \"\(reference.id)\"", hint: "\(suggestion)declare it: \(kind) \(reference.id)  Name",
                at: reference.location, length: reference.id.utf8.count, excerpt: reference.excerpt))
        }
    }

    private static func usedElsewhere(_ uses: Int) -> String {
        uses > 1 ? " (used \(uses) times; shown at its first use)" : ""
    }
}
