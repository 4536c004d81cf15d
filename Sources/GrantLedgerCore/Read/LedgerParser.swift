/// The ledger grammar, one line at a time, over raw bytes. Collects every problem rather than stopping
/// at the first; `LedgerReader` drives it over files and `resolve()` ties ids to declarations.
final class LedgerParser {
    var ledger = Ledger()
    var diagnostics = DiagnosticLog()
    /// Every amount read, for the gate on their sizes (see `AmountLimit`), checked once all is read.
    var amountLimit = AmountLimit()

    var accounts = SymbolTable()
    var grantSymbols = SymbolTable()
    var areaSymbols = SymbolTable()
    var initiativeSymbols = SymbolTable()
    var lineNames = SymbolTable()
    /// Each (grant, line) pair used in postings gets an id, in first-use order, with where it was first
    /// used: `resolve()` checks each pair once, not once per posting.
    var linePairs = PairIndex()
    var linePairList: [(grant: Int32, line: Int32, location: SourceLocation)] = []
    /// The postings tagged `claim:`, by index into the postings this parser holds, with their grant's
    /// symbol: `resolve()` ties each to its `GrantClaim`.
    var claimTags: [ClaimTag] = []
    var accountDeclarations: [Int32: Account] = [:]
    var references: [PendingReference] = []
    /// Set by an `include` line; the reader reads that file before the next line.
    var includeRequest: (path: String, location: SourceLocation, excerpt: String, length: Int)?

    /// The file being read, as the user would write its path.
    var file = "" {
        didSet { fileID = -1 }
    }
    /// `file`'s number in `ledger.locationFiles`, found when a transaction first needs it (-1 until then).
    private var fileID: Int32 = -1
    private var fileIDs: [String: Int32] = [:]
    var block: Block = .none

    // The transaction being read.
    var transactionBroken = false
    var transactionDate = Day(daysSinceEpoch: 0)
    var transactionStatus = Transaction.Status.none
    var transactionCode = TextStore.none
    var transactionDescription = TextStore.none
    var transactionLine = 0
    var transactionTags = TagSet()
    var pending: [PendingPosting] = []
    /// The last transaction date read, as bytes and as a day: ledgers hold many transactions a day,
    /// and comparing ten bytes is much cheaper than parsing them.
    var lastDateBytes: (UInt64, UInt16) = (0, 0)
    var lastDate: Day?
    /// The fields written under the declaration being read, so a field written wrongly is not also
    /// reported as missing.
    var fieldsWritten: Set<String> = []

    // Reading one range of a split file (see `ReadSession.readSplit`).

    /// Set on a parser that reads a later range of a split file: it stops at the first directive,
    /// since what a declaration or an include does depends on everything read before it.
    var stopsAtDirectives = false
    /// Set when a parser that `stopsAtDirectives` has met one; the reader stops feeding it lines.
    var stoppedAtDirective = false
    /// Where a parser reading a later range keeps what it reads, instead of `ledger` (see `absorb`).
    var rangeOutput: RangeOutput?

    struct RangeOutput {
        let transactions: BlockStore<Transaction>
        let postings: BlockStore<Posting>

        /// Each `postingRange` and `Posting.transaction` counts from the range's own start.
        init(blockSize: Int) {
            transactions = BlockStore(blockSize: blockSize)
            postings = BlockStore(blockSize: blockSize)
        }
    }

    enum Block {
        case none
        case transaction
        /// Indirect: the block is switched on and reset for every line, and a grant is large.
        indirect case declaration(Declaration)
        /// After a margin line that could not be read: its indented lines are skipped, not each
        /// reported again as outside any entry.
        case skipped
    }

    struct ClaimTag {
        var posting: Int32
        var grant: Int32
        let period: String
        let location: SourceLocation
    }

    struct PendingPosting {
        var account: Int32
        var amount: Money?
        var assertion: Money?
        var tags: TagSet
        var line: Int32
        var column: Int16
        var accountLength: Int32
        /// Where the amount is written (`Posting.amountColumn`; 0 when left out) and its length.
        var amountColumn: Int16 = 0
        var amountLength: UInt8 = 0
    }

    // MARK: Lines

    /// Reads one line (without its line ending), numbered `number` in its file; `isCleanText` when the
    /// caller has checked it already (valid UTF-8 holding no character `TextRule` refuses).
    ///
    /// The characters of the whole line, comments included, are held to the text rule: one check
    /// of the bytes, made by the line splitter a window at a time, rather than one per field kept.
    /// A line break is allowed in no field of a ledger (none spans lines).
    func read(line rawBytes: UnsafeBufferPointer<UInt8>, number: Int, isCleanText: Bool = false) {
        // A byte-order mark is not part of the first line: `SourceFile` hands out lines after it.
        let bytes = rawBytes
        if !isCleanText, let problem = TextRule.firstByteProblem(in: bytes, allowingLineEnds: false) {
            let location = SourceLocation(file: file, line: number, column: problem.byteOffset + 1)
            switch problem {
            case .invalidUTF8:
                diagnostics.append(Diagnostic(
                    .badEncoding, "this line is not valid UTF-8",
                    hint: "save the ledger as UTF-8 (many spreadsheet exports use Windows-1252)",
                    at: location, excerpt: String(decoding: bytes, as: UTF8.self)))
            case .character(let character):
                diagnostics.append(TextRule.diagnostic(character, what: "this line", at: location,
                                                       excerpt: String(decoding: bytes, as: UTF8.self)))
            }
            // The line is lost: make sure nothing else is reported because of it.
            if let first = bytes.first, !ASCII.isBlank(first) {
                endBlock()
                block = .skipped
            } else if case .transaction = block {
                transactionBroken = true
            } else if case .declaration = block {
                // The field is lost but was written: do not also report it as missing.
                var cursor = LineCursor(bytes)
                cursor.skipBlanks()
                fieldsWritten.insert(cursor.string(cursor.word()))
            }
            return
        }
        var cursor = LineCursor(bytes)
        cursor.skipBlanks()
        if cursor.atEnd {
            endBlock()
            return
        }
        let first = bytes[0]
        if ASCII.isBlank(first) {
            readIndented(&cursor, number)
        } else if first == ASCII.semicolon || first == ASCII.hash {
            endBlock()
        } else if ASCII.isDigit(first) {
            endBlock()
            readTransactionHeader(&cursor, number)
        } else {
            endBlock()
            if stopsAtDirectives {
                stoppedAtDirective = true
                return
            }
            readDirective(&cursor, number)
        }
    }

    private func readIndented(_ cursor: inout LineCursor, _ number: Int) {
        switch block {
        case .none:
            if cursor.current == ASCII.semicolon || cursor.current == ASCII.hash { return }
            report(.badSyntax, "an indented line outside any entry", hint: "start transactions and declarations at the left margin; indent only their postings and fields",
                   cursor, number, cursor.position, cursor.bytes.count - cursor.position)
        case .transaction:
            readPostingOrComment(&cursor, number)
        case .declaration:
            if cursor.current == ASCII.semicolon || cursor.current == ASCII.hash { return }
            readField(&cursor, number)
        case .skipped:
            return
        }
    }

    func endBlock() {
        switch block {
        case .none: break
        case .transaction: finishTransaction()
        case .declaration(let declaration): finish(declaration)
        case .skipped: break
        }
        block = .none
        if !fieldsWritten.isEmpty { fieldsWritten.removeAll(keepingCapacity: true) }
    }

    // MARK: Transactions

    private func readTransactionHeader(_ cursor: inout LineCursor, _ number: Int) {
        block = .transaction
        transactionBroken = false
        transactionTags = TagSet()
        transactionCode = TextStore.none
        transactionStatus = .none
        transactionLine = number
        if !pending.isEmpty { pending.removeAll(keepingCapacity: true) }

        let dateRange = cursor.word()
        let dateBytes = cursor.dateBytes(dateRange)
        if let day = lastDate, let bytes = dateBytes, bytes == lastDateBytes {
            transactionDate = day
        } else {
            readDate(dateRange, dateBytes, cursor, number)
        }
        cursor.skipBlanks()
        if !cursor.atEnd && (cursor.current == ASCII.asterisk || cursor.current == ASCII.bang) {
            let mark = cursor.current
            let after = cursor.position + 1
            if after >= cursor.bytes.count || ASCII.isBlank(cursor.bytes[after]) {
                transactionStatus = mark == ASCII.asterisk ? .cleared : .pending
                cursor.position = after
                cursor.skipBlanks()
            }
        }
        if !cursor.atEnd && cursor.current == ASCII.openParen {
            let start = cursor.position + 1
            var end = start
            while end < cursor.bytes.count && cursor.bytes[end] != ASCII.closeParen { end += 1 }
            if end < cursor.bytes.count {
                checkLength(start..<end, cursor, number, what: "the code")
                transactionCode = ledger.texts.add(cursor.slice(start..<end))
                cursor.position = end + 1
                cursor.skipBlanks()
            }
        }
        let description = cursor.textUntilComment()
        checkLength(description, cursor, number, what: "the description")
        transactionDescription = ledger.texts.add(cursor.slice(description))
        if let comment = cursor.comment() {
            readTags(comment, &cursor, number, into: &transactionTags)
        }
    }

    /// Parses the transaction's date, remembering it for the next transaction (see `lastDate`).
    private func readDate(_ range: Range<Int>, _ bytes: (UInt64, UInt16)?, _ cursor: LineCursor, _ number: Int) {
        switch cursor.date(range) {
        case .day(let day):
            transactionDate = day
            if let bytes {
                lastDateBytes = bytes
                lastDate = day
            }
        case .malformed, .impossible:
            transactionBroken = true
            reportDate(range, cursor, number)
        }
    }

    /// A date at `range` that did not read (malformed or impossible), in the words every reader of
    /// dates gives (`DateProblem`).
    func reportDate(_ range: Range<Int>, _ cursor: LineCursor, _ number: Int) {
        let text = cursor.string(range)
        if case .impossible = cursor.date(range) {
            let (message, hint) = DateProblem.impossible(text)
            report(.impossibleDate, message, hint: hint, cursor, number, range.lowerBound, range.count)
        } else {
            let problem = DateProblem(text, expected: "YYYY-MM-DD")
            report(.badDate, problem.message, hint: problem.hint(.rewrite), cursor, number, range.lowerBound, max(1, range.count))
        }
    }

    private func readPostingOrComment(_ cursor: inout LineCursor, _ number: Int) {
        if cursor.current == ASCII.semicolon || cursor.current == ASCII.hash {
            if cursor.current == ASCII.hash { return }
            guard let comment = cursor.comment() else { return }
            if pending.isEmpty {
                readTags(comment, &cursor, number, into: &transactionTags)
            } else {
                readTags(comment, &cursor, number, into: &pending[pending.count - 1].tags)
            }
            return
        }
        let accountStart = cursor.position
        let name = cursor.accountName()
        var accountRange = name.range
        if name.hasSpace, let space = Self.oneSpaceBeforeAmount(cursor.bytes, accountRange) {
            // `expenses:asb £1,234.56`: said once, and read as meant, so no undeclared account or
            // missing amount follows from it.
            report(.badSyntax, "one space before the amount: an account and its amount are parted by two spaces or a tab",
                   hint: "write two spaces there: \(cursor.string(accountRange.lowerBound..<space))  \(cursor.string((space + 1)..<accountRange.upperBound))",
                   cursor, number, space, 1)
            accountRange = accountRange.lowerBound..<space
            cursor.position = space + 1
        }
        checkLength(accountRange, cursor, number, what: "the account name")
        let account = accounts.use(cursor.slice(accountRange), file: file, line: number, column: accountStart + 1)
        // Built here and appended whole once read: each change to an element of `pending` would
        // check the array's uniqueness and bounds again.
        var posting = PendingPosting(
            account: account, amount: nil, assertion: nil, tags: transactionTags,
            line: Int32(number), column: Int16(clamping: accountStart + 1), accountLength: Int32(accountRange.count))
        cursor.skipBlanks()
        if !cursor.atEnd && cursor.current != ASCII.semicolon && cursor.current != ASCII.equals {
            let amountRange = amountToken(&cursor)
            let amount = money(amountRange, cursor, number)
            if amount == nil { transactionBroken = true }
            posting.amount = amount
            posting.amountColumn = Int16(clamping: amountRange.lowerBound + 1)
            posting.amountLength = UInt8(clamping: amountRange.count)
            cursor.skipBlanks()
        }
        if !cursor.atEnd && cursor.current == ASCII.equals {
            cursor.position += 1
            cursor.skipBlanks()
            let assertionRange = amountToken(&cursor)
            if assertionRange.isEmpty {
                report(.badAmount, "a balance assertion needs an amount after =", hint: "for example = £1,000.00",
                       cursor, number, cursor.position, 1)
            } else {
                posting.assertion = money(assertionRange, cursor, number)
            }
            cursor.skipBlanks()
        }
        if let comment = cursor.comment() {
            readTags(comment, &cursor, number, into: &posting.tags)
        } else if !cursor.atEnd {
            report(.badSyntax, "unexpected text after the amount", hint: "put notes after ; as a comment",
                   cursor, number, cursor.position, cursor.bytes.count - cursor.position)
        }
        pending.append(posting)
    }

    /// The offset of a single space inside an account name that is followed, to the name's end, by
    /// what can only be an amount (a pound sign, or digits with two decimals): an account name may
    /// hold spaces (`expenses:office 2024`), but not a figure like `£1,234.56`. Nil otherwise; the
    /// usual name, with no space in it, costs one scan for a space.
    static func oneSpaceBeforeAmount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard let space = bytes[range].lastIndex(of: ASCII.space), space + 1 < range.upperBound else { return nil }
        let word = bytes[(space + 1)..<range.upperBound]
        let pound: [UInt8] = [0xC2, 0xA3]
        let hasPound = word.starts(with: pound) || word.dropFirst().starts(with: pound)
        let twoDecimals = word.count >= 4 && word[word.endIndex - 3] == ASCII.period
            && word.suffix(2).allSatisfy(ASCII.isDigit) && word.allSatisfy { ASCII.isDigit($0) || $0 == ASCII.comma || $0 == ASCII.period || $0 == ASCII.minus }
        return hasPound || twoDecimals ? space : nil
    }

    private func amountToken(_ cursor: inout LineCursor) -> Range<Int> {
        let start = cursor.position
        while cursor.position < cursor.bytes.count {
            let byte = cursor.bytes[cursor.position]
            if ASCII.isBlank(byte) || byte == ASCII.semicolon || byte == ASCII.equals { break }
            cursor.position += 1
        }
        return start..<cursor.position
    }

    /// Parses money at `range`, reporting a located error and returning nil when it is not an amount.
    /// An amount past the spreadsheet limit is reported here and kept, so the entry it stands in
    /// reads as written and the error is not followed by others about a line or posting gone missing
    /// (the books then have an error, and no command works out a figure from them).
    func money(_ range: Range<Int>, _ cursor: LineCursor, _ number: Int) -> Money? {
        do throws(MoneyParseProblem) {
            let amount = try MoneyParser.parse(cursor.slice(range))
            if let problem = amountLimit.count(amount, at: {
                (SourceLocation(file: file, line: number, column: range.lowerBound + 1), range.count, nil)
            }) {
                diagnostics.append(Diagnostic(problem.code, problem.message, hint: problem.hint, at: problem.location,
                                              length: problem.length, excerpt: String(decoding: cursor.bytes, as: UTF8.self)))
            }
            return amount
        } catch {
            let code: DiagnosticCode = error.kind == .overflow ? .amountOverflow : .badAmount
            report(code, error.message(about: cursor.string(range)), hint: error.hint, cursor, number,
                   range.lowerBound + min(error.offset, max(range.count - 1, 0)), error.caretLength(in: range.count))
            return nil
        }
    }

    /// Money in a declaration (an award, a budget, a cap): a negative figure there is a typing slip.
    func nonNegativeMoney(_ range: Range<Int>, _ cursor: LineCursor, _ number: Int, what: String) -> Money? {
        guard let amount = money(range, cursor, number) else { return nil }
        if amount.isNegative {
            report(.badValue, "\(what) cannot be negative: \(cursor.string(range))", hint: "write the amount without a minus sign or brackets",
                   cursor, number, range.lowerBound, range.count)
            return nil
        }
        return amount
    }

    /// Where the transaction being read starts; built only when a problem is reported.
    private var transactionLocation: SourceLocation { SourceLocation(file: file, line: transactionLine, column: 1) }

    private func finishTransaction() {
        defer { pending.removeAll(keepingCapacity: true) }
        if transactionBroken { return }
        if pending.count < 2 {
            diagnostics.append(Diagnostic(
                .tooFewPostings, "a transaction needs at least two postings",
                hint: "money moves from one account to another: add the other side", at: transactionLocation, length: 10))
            return
        }
        var total = Money.zero
        // The first two postings without an amount (-1: none): one can be inferred, two cannot.
        var missing = -1, secondMissing = -1
        var overflow = false
        for index in pending.indices {
            guard let amount = pending[index].amount else {
                if missing < 0 { missing = index } else if secondMissing < 0 { secondMissing = index }
                continue
            }
            do throws(MoneyError) { total = try total.adding(amount) } catch { overflow = true }
        }
        if overflow {
            diagnostics.append(Diagnostic(.amountOverflow, "the postings' total is too large to hold",
                                          hint: "check the amounts for extra digits", at: transactionLocation, length: 10))
            return
        }
        if secondMissing >= 0 {
            let second = pending[secondMissing]
            diagnostics.append(Diagnostic(
                .multipleMissingAmounts, "more than one posting leaves its amount out",
                hint: "only one amount can be inferred; write the others",
                at: SourceLocation(file: file, line: Int(second.line), column: Int(second.column)),
                length: Int(second.accountLength)))
            return
        }
        if missing >= 0 {
            guard let amount = try? total.negated() else {
                // The other postings total exactly -2^63 pence: the balancing amount cannot be held.
                diagnostics.append(Diagnostic(.amountOverflow, "the amount to infer is too large to hold",
                                              hint: "check the amounts for extra digits", at: transactionLocation, length: 10))
                return
            }
            pending[missing].amount = amount
        } else if !total.isZero {
            diagnostics.append(Diagnostic(
                .unbalancedTransaction, "the postings sum to \(total), not zero",
                hint: Self.unbalancedHint(total), at: transactionLocation,
                length: 10))
            return
        }
        appendTransaction(inferredIndex: missing)
    }

    /// What would balance the transaction, and the bookkeeper's rule of thumb: a difference divisible
    /// by nine often means two digits were swapped (£48,250.00 typed as £48,205.00).
    static func unbalancedHint(_ total: Money) -> String {
        let balancing = (try? total.negated()).map { "a posting of \($0) would balance it" } ?? "correct an amount"
        let swapped = total.pence % 9 == 0 ? "; a difference divisible by 9, like this one, often means two digits were swapped" : ""
        return balancing + swapped + "; or leave one amount out to have it inferred"
    }

    /// `inferredIndex`: the posting whose amount was inferred, or -1.
    private func appendTransaction(inferredIndex: Int) {
        let output = rangeOutput
        let transactionIndex = Int32(output?.transactions.count ?? ledger.transactions.count)
        let start = Int32(output?.postings.count ?? ledger.postings.count)
        // A transaction's claim: tag is each posting's: a problem with it is told once.
        var claimProblemAt: SourceLocation?
        // By index, not `for item in pending`: a copy of each posting would retain its tags' strings.
        for index in pending.indices {
            var grantLine: Int32 = -1
            let line = pending[index].tags.line, grant = pending[index].tags.grant
            if line >= 0 {
                let lineLine = Int(pending[index].tags.lineLine), lineColumn = Int(pending[index].tags.lineColumn)
                if grant < 0 {
                    diagnostics.append(Diagnostic(
                        .lineWithoutGrant, "a line: tag needs a grant: tag to say whose line it is",
                        hint: "add grant:ID to the posting or the transaction",
                        at: SourceLocation(file: file, line: lineLine, column: lineColumn), length: 5))
                } else {
                    grantLine = linePair(grant: grant, line: line) { SourceLocation(file: file, line: lineLine, column: lineColumn) }
                }
            }
            let match = pending[index].tags.match
            if match >= 0 && grant >= 0 {
                // Match funding is the partners' own money: counting it as the grant's spend too
                // would count it twice.
                diagnostics.append(Diagnostic(
                    .badValue, "a posting cannot be both a grant's spend (grant:) and match funding (match:)",
                    hint: "record match funding without a grant: tag, in a transaction of its own",
                    at: SourceLocation(file: file, line: Int(pending[index].tags.matchLine),
                                       column: Int(pending[index].tags.matchColumn)),
                    length: 6))
            }
            if let claim = ledger.texts.string(pending[index].tags.claim) {
                let location = SourceLocation(file: file, line: Int(pending[index].tags.claimLine), column: Int(pending[index].tags.claimColumn))
                if grant < 0 {
                    if claimProblemAt != location {
                        diagnostics.append(Diagnostic(.badValue, "a claim: tag needs a grant: tag to say whose claim it settles",
                                                      hint: "add grant:ID to the posting or the transaction", at: location, length: 6))
                    }
                    claimProblemAt = location
                } else {
                    claimTags.append(ClaimTag(posting: start + Int32(index), grant: grant, period: claim, location: location))
                }
            }
            let posting = Posting(
                account: pending[index].account, amount: pending[index].amount ?? .zero,
                grant: grant, grantLine: grantLine, area: pending[index].tags.area,
                initiative: pending[index].tags.initiative, spendClass: pending[index].tags.spendClass,
                amountInferred: index == inferredIndex, hasAssertion: pending[index].assertion != nil,
                supplierText: pending[index].tags.supplier, referenceText: pending[index].tags.reference,
                transaction: transactionIndex, sourceLine: pending[index].line, column: pending[index].column,
                matchGrant: match, amountColumn: pending[index].amountColumn, amountLength: pending[index].amountLength)
            if let assertion = pending[index].assertion { ledger.assertions[start + Int32(index)] = assertion }
            if let output { output.postings.append(posting) } else { ledger.postings.append(posting) }
        }
        let transaction = Transaction(
            date: transactionDate, status: transactionStatus, codeText: transactionCode, descriptionText: transactionDescription,
            postingRange: start..<start + Int32(pending.count), file: currentFileID(), line: Int32(transactionLine))
        if let output { output.transactions.append(transaction) } else { ledger.transactions.append(transaction) }
    }

    /// The number of the file being read in `ledger.locationFiles`, given it on first use.
    private func currentFileID() -> Int32 {
        if fileID < 0 { fileID = locationFileID(file) }
        return fileID
    }

    /// The number of the file called `name` in `ledger.locationFiles`, given it on first use.
    func locationFileID(_ name: String) -> Int32 {
        if let id = fileIDs[name] { return id }
        let id = Int32(ledger.locationFiles.count)
        ledger.locationFiles.append(name)
        fileIDs[name] = id
        return id
    }

    /// The id of the pair (`grant`, `line`), made on its first use there.
    func linePair(grant: Int32, line: Int32, firstUse: () -> SourceLocation) -> Int32 {
        let (id, isNew) = linePairs.id(grant: grant, line: line)
        if isNew { linePairList.append((grant, line, firstUse())) }
        return id
    }

    // MARK: Tags

    /// Reads `name:value` tags, comma separated, from a comment. Other text is left as comment.
    /// One pass over the comment's bytes: each part's name, colon, value and comma are found as the
    /// bytes go by (a posting's tags are read three million times in a large ledger).
    func readTags(_ range: Range<Int>, _ cursor: inout LineCursor, _ number: Int, into tags: inout TagSet) {
        let bytes = cursor.bytes
        let end = range.upperBound
        var i = range.lowerBound
        while i < end {
            while i < end && ASCII.isBlank(bytes[i]) { i += 1 }
            let start = i
            // A name runs to its colon; a blank or a comma first means the part is not a tag.
            while i < end && bytes[i] != ASCII.colon && bytes[i] != ASCII.comma && !ASCII.isBlank(bytes[i]) { i += 1 }
            guard i < end, bytes[i] == ASCII.colon, i > start else {
                while i < end && bytes[i] != ASCII.comma { i += 1 }
                i += 1
                continue
            }
            let colon = i
            var valueStart = colon + 1
            while valueStart < end && ASCII.isBlank(bytes[valueStart]) { valueStart += 1 }
            var partEnd = valueStart
            while partEnd < end && bytes[partEnd] != ASCII.comma { partEnd += 1 }
            var valueEnd = partEnd
            while valueEnd > valueStart && ASCII.isBlank(bytes[valueEnd - 1]) { valueEnd -= 1 }
            readTag(start: start, colon: colon, value: valueStart..<valueEnd, cursor, number, into: &tags)
            i = partEnd + 1
        }
    }

    /// One tag: its name at `start..<colon`, its value (blanks trimmed) at `value`.
    private func readTag(start: Int, colon: Int, value: Range<Int>, _ cursor: LineCursor, _ number: Int,
                         into tags: inout TagSet) {
        let valueStart = value.lowerBound
        let name = start..<colon
        checkLength(value, cursor, number, what: "the \(cursor.string(name)) tag's value")

        func requireValue() -> Bool {
            if value.isEmpty {
                report(.badValue, "the \(cursor.string(name)) tag needs a value", hint: "write \(cursor.string(name)):ID",
                       cursor, number, start, colon - start + 1)
                return false
            }
            return true
        }

        switch name.count {
        case 4 where cursor.equals(name, "line"):
            guard requireValue() else { return }
            tags.line = lineNames.use(cursor.slice(value), file: file, line: number, column: valueStart + 1)
            tags.lineLine = Int32(number)
            tags.lineColumn = Int32(start + 1)
        case 4 where cursor.equals(name, "area"):
            guard requireValue() else { return }
            tags.area = areaSymbols.use(cursor.slice(value), file: file, line: number, column: valueStart + 1)
        case 5 where cursor.equals(name, "grant"):
            guard requireValue() else { return }
            tags.grant = grantSymbols.use(cursor.slice(value), file: file, line: number, column: valueStart + 1)
        case 5 where cursor.equals(name, "match"):
            guard requireValue() else { return }
            tags.match = grantSymbols.use(cursor.slice(value), file: file, line: number, column: valueStart + 1)
            tags.matchLine = Int32(number)
            tags.matchColumn = Int32(start + 1)
        case 5 where cursor.equals(name, "class"):
            if cursor.equals(value, "capital") {
                tags.spendClass = .capital
            } else if cursor.equals(value, "revenue") {
                tags.spendClass = .revenue
            } else {
                report(.badValue, "class must be capital or revenue, not \"\(cursor.string(value))\"",
                       hint: "write class:capital or class:revenue", cursor, number, valueStart, max(1, value.count))
            }
        case 10 where cursor.equals(name, "initiative"):
            guard requireValue() else { return }
            tags.initiative = initiativeSymbols.use(cursor.slice(value), file: file, line: number, column: valueStart + 1)
        case 8 where cursor.equals(name, "supplier"):
            tags.supplier = ledger.texts.add(cursor.slice(value))
        case 3 where cursor.equals(name, "ref"):
            tags.reference = ledger.texts.add(cursor.slice(value))
        case 5 where cursor.equals(name, "claim"):
            guard requireValue() else { return }
            tags.claim = ledger.texts.add(cursor.slice(value))
            tags.claimLine = Int32(number)
            tags.claimColumn = Int32(start + 1)
        default:
            break
        }
    }

    // MARK: Reporting

    /// Reports text at `range` that is longer than a spreadsheet cell holds (its characters were
    /// checked with the line's). One comparison for any field of at most `TextRule.maxCellUnits` bytes.
    @inline(__always)
    func checkLength(_ range: Range<Int>, _ cursor: LineCursor, _ number: Int, what: @autoclosure () -> String) {
        guard range.count > TextRule.maxCellUnits else { return }
        reportLength(range, cursor, number, what: what())
    }

    private func reportLength(_ range: Range<Int>, _ cursor: LineCursor, _ number: Int, what: String) {
        guard let problem = TextRule.lengthProblem(in: cursor.bytes, range) else { return }
        diagnostics.append(TextRule.diagnostic(
            problem, what: what, at: SourceLocation(file: file, line: number, column: range.lowerBound + 1),
            textLength: range.count, excerpt: String(decoding: cursor.bytes, as: UTF8.self)))
    }

    func report(_ code: DiagnosticCode, _ message: String, hint: String?, _ cursor: LineCursor, _ number: Int,
                _ byteOffset: Int, _ length: Int) {
        diagnostics.append(Diagnostic(
            code, message, hint: hint, at: SourceLocation(file: file, line: number, column: byteOffset + 1),
            length: length, excerpt: String(decoding: cursor.bytes, as: UTF8.self)))
    }
}
