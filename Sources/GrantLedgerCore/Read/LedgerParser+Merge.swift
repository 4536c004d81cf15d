/// Joining the parsers that read the ranges of a split file (see `ReadSession.readSplit`).
extension LedgerParser {
    /// Takes over what `later` read from the range that follows everything read here, leaving this
    /// parser exactly as if it had read that range itself.
    ///
    /// `later` read from the start of a line after a blank line (so no entry was open) and stopped at
    /// the first directive, so it read only transactions and comments: it declared nothing and
    /// included nothing, and none of what it found depends on what came before. What remains is
    /// bookkeeping: its symbols become this parser's (new names after the ones known here, first
    /// uses kept from whichever came first), its transactions and postings follow this parser's with
    /// indices moved on and symbols renumbered, and its diagnostics follow this parser's, in the
    /// order it found them. Unknown ids are reported later, by `resolve()`, from the joined tables.
    func absorb(_ later: LedgerParser) {
        precondition(later.accountDeclarations.isEmpty && later.references.isEmpty && later.includeRequest == nil
                     && later.ledger.funders.isEmpty && later.ledger.areas.isEmpty && later.ledger.initiatives.isEmpty
                     && later.ledger.grants.isEmpty && later.ledger.bids.isEmpty
                     && later.ledger.transactions.isEmpty && later.ledger.postings.isEmpty,
                     "a range read beside others declares and includes nothing, and keeps its transactions in rangeOutput")
        let lines = lineNames.absorb(later.lineNames)
        let grants = grantSymbols.absorb(later.grantSymbols)
        let maps = SymbolMaps(
            accounts: accounts.absorb(later.accounts),
            grants: grants,
            areas: areaSymbols.absorb(later.areaSymbols),
            initiatives: initiativeSymbols.absorb(later.initiativeSymbols),
            linePairs: later.linePairList.map { pair in
                linePair(grant: grants[Int(pair.grant)], line: lines[Int(pair.line)]) { pair.location }
            })
        let postingBase = Int32(ledger.postings.count)
        let textBase = ledger.texts.append(later.ledger.texts)
        let files = later.ledger.locationFiles.map(locationFileID)
        if let output = later.rangeOutput {
            append(output, renumberedBy: maps, textBase: textBase, files: files)
        }
        for (posting, assertion) in later.ledger.assertions { ledger.assertions[posting + postingBase] = assertion }
        for var tag in later.claimTags {
            tag.posting += postingBase
            tag.grant = grants[Int(tag.grant)]
            claimTags.append(tag)
        }
        diagnostics.append(contentsOf: later.diagnostics)
        amountLimit.absorb(later.amountLimit)
    }

    /// This parser's ids for each kind of symbol a posting holds, indexed by the absorbed parser's ids.
    private struct SymbolMaps {
        let accounts: [Int32]
        let grants: [Int32]
        let areas: [Int32]
        let initiatives: [Int32]
        let linePairs: [Int32]
    }

    /// Moves a range's transactions and postings after this parser's, then moves their indices on and
    /// renumbers their symbols where they now stand. Only the fields that hold indices change.
    private func append(_ output: RangeOutput, renumberedBy maps: SymbolMaps, textBase: Int32, files: [Int32]) {
        let firstTransaction = ledger.transactions.count, firstPosting = ledger.postings.count
        output.transactions.moveAll(onto: &ledger.transactions)
        output.postings.moveAll(onto: &ledger.postings)
        let transactionOffset = Int32(firstTransaction), postingOffset = Int32(firstPosting)
        ledger.transactions.withUnsafeMutableBufferPointer { transactions in
            for index in firstTransaction..<transactions.count {
                let transaction = transactions[index]
                transactions[index] = transaction.moved(texts: textBase, file: files[Int(transaction.file)], postings: postingOffset)
            }
        }
        ledger.postings.withUnsafeMutableBufferPointer { postings in
            for index in firstPosting..<postings.count {
                postings[index].account = maps.accounts[Int(postings[index].account)]
                postings[index].grant = Self.renumber(postings[index].grant, maps.grants)
                postings[index].matchGrant = Self.renumber(postings[index].matchGrant, maps.grants)
                postings[index].grantLine = Self.renumber(postings[index].grantLine, maps.linePairs)
                postings[index].area = Self.renumber(postings[index].area, maps.areas)
                postings[index].initiative = Self.renumber(postings[index].initiative, maps.initiatives)
                postings[index].transaction += transactionOffset
                postings[index].supplierText = Self.moved(postings[index].supplierText, by: textBase)
                postings[index].referenceText = Self.moved(postings[index].referenceText, by: textBase)
            }
        }
    }

    /// A text's number in this parser's `texts`; `TextStore.none` stays none.
    @inline(__always)
    private static func moved(_ text: Int32, by base: Int32) -> Int32 { text < 0 ? text : text + base }

    /// A symbol in this parser's numbering; -1 (no tag) stays -1.
    @inline(__always)
    private static func renumber(_ symbol: Int32, _ map: [Int32]) -> Int32 {
        symbol < 0 ? symbol : map[Int(symbol)]
    }
}
