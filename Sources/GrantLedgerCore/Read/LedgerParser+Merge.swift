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
                     && later.ledger.grants.isEmpty && later.ledger.bids.isEmpty,
                     "a range read beside others declares and includes nothing")
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
        // The chunks are freed one at a time as they are moved: see `chunkPostingLimit`.
        var chunks = later.sealedChunks
        later.sealedChunks = []
        chunks.append(LedgerChunk(transactions: later.ledger.transactions, postings: later.ledger.postings))
        later.ledger.transactions = []
        later.ledger.postings = []
        for index in chunks.indices {
            append(&chunks[index], renumberedBy: maps)
            chunks[index] = LedgerChunk(transactions: [], postings: [])
        }
        diagnostics.append(contentsOf: later.diagnostics)
    }

    /// This parser's ids for each kind of symbol a posting holds, indexed by the absorbed parser's ids.
    private struct SymbolMaps {
        let accounts: [Int32]
        let grants: [Int32]
        let areas: [Int32]
        let initiatives: [Int32]
        let linePairs: [Int32]
    }

    /// Appends a chunk's transactions and postings after this parser's, moving their indices on and
    /// renumbering their symbols. Only the fields that hold indices change: the rest is moved as is.
    private func append(_ chunk: inout LedgerChunk, renumberedBy maps: SymbolMaps) {
        let transactionOffset = Int32(ledger.transactions.count)
        let postingOffset = Int32(ledger.postings.count)
        chunk.transactions.withUnsafeMutableBufferPointer { transactions in
            for index in transactions.indices {
                let range = transactions[index].postingRange
                transactions[index].postingRange = range.lowerBound + postingOffset ..< range.upperBound + postingOffset
            }
            Self.move(transactions, onto: &ledger.transactions, leaving: Self.spareTransaction)
        }
        chunk.postings.withUnsafeMutableBufferPointer { postings in
            for index in postings.indices {
                postings[index].account = maps.accounts[Int(postings[index].account)]
                postings[index].grant = Self.renumber(postings[index].grant, maps.grants)
                postings[index].matchGrant = Self.renumber(postings[index].matchGrant, maps.grants)
                postings[index].grantLine = Self.renumber(postings[index].grantLine, maps.linePairs)
                postings[index].area = Self.renumber(postings[index].area, maps.areas)
                postings[index].initiative = Self.renumber(postings[index].initiative, maps.initiatives)
                postings[index].transaction += transactionOffset
            }
            Self.move(postings, onto: &ledger.postings, leaving: Self.sparePosting)
        }
    }

    /// Moves the elements of `buffer` onto the end of `target`, leaving `spare` in their place for
    /// the chunk to free. A move copies bits, where appending copies would retain every string of
    /// every element, and freeing the chunk release each again: on a million transactions, a tenth
    /// of a second spent while the other cores wait.
    private static func move<Element>(_ buffer: UnsafeMutableBufferPointer<Element>, onto target: inout [Element],
                                      leaving spare: Element) {
        target.append(contentsOf: MovedElements(buffer: buffer))
        guard let base = buffer.baseAddress else { return }
        for index in buffer.indices { (base + index).initialize(to: spare) }
    }

    /// Values without strings to free, left in a chunk's place once its own have moved out.
    private static let sparePosting = Posting(
        account: 0, amount: .zero, grant: -1, grantLine: -1, area: -1, initiative: -1, spendClass: nil,
        amountInferred: false, assertion: nil, supplier: nil, reference: nil, transaction: 0, sourceLine: 0, column: 0,
        matchGrant: -1)
    private static let spareTransaction = Transaction(
        date: Day(daysSinceEpoch: 0), status: .none, code: nil, description: "", postingRange: 0..<0,
        location: SourceLocation(file: "", line: 0, column: 0))

    /// A symbol in this parser's numbering; -1 (no tag) stays -1.
    @inline(__always)
    private static func renumber(_ symbol: Int32, _ map: [Int32]) -> Int32 {
        symbol < 0 ? symbol : map[Int(symbol)]
    }
}

/// The elements of a buffer, each moved out as it is reached (leaving its memory uninitialised).
private struct MovedElements<Element>: Sequence, IteratorProtocol {
    let buffer: UnsafeMutableBufferPointer<Element>
    var index = 0

    init(buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }

    var underestimatedCount: Int { buffer.count - index }

    mutating func next() -> Element? {
        guard index < buffer.count, let base = buffer.baseAddress else { return nil }
        defer { index += 1 }
        return (base + index).move()
    }
}
