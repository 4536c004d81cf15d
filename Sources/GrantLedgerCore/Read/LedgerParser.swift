/// The ledger grammar, one line at a time, over raw bytes. Collects every problem rather than stopping
/// at the first; `LedgerReader` drives it over files and `resolve()` ties ids to declarations.
final class LedgerParser {
    var ledger = Ledger()
    var diagnostics: [Diagnostic] = []

    var accounts = SymbolTable()
    var grantSymbols = SymbolTable()
    var areaSymbols = SymbolTable()
    var initiativeSymbols = SymbolTable()
    var lineNames = SymbolTable()
    var linePairs: [Int64: Int32] = [:]
    var linePairList: [(grant: Int32, line: Int32, location: SourceLocation)] = []
    var accountDeclarations: [Int32: Account] = [:]
    var references: [PendingReference] = []
    /// Set by an `include` line; the reader reads that file before the next line.
    var includeRequest: (path: String, location: SourceLocation, excerpt: String, length: Int)?

    /// The file being read, as the user would write its path.
    var file = ""
    var block: Block = .none

    // The transaction being read.
    var transactionBroken = false
    var transactionDate = Day(daysSinceEpoch: 0)
    var transactionStatus = Transaction.Status.none
    var transactionCode: String?
    var transactionDescription = ""
    var transactionLine = 0
    var transactionTags = TagSet()
    var pending: [PendingPosting] = []
    /// The fields written under the declaration being read, so a field written wrongly is not also
    /// reported as missing.
    var fieldsWritten: Set<String> = []

    enum Block {
        case none
        case transaction
        case declaration(Declaration)
        /// After a margin line that could not be read: its indented lines are skipped, not each
        /// reported again as outside any entry.
        case skipped
    }

    struct PendingPosting {
        var account: Int32
        var amount: Money?
        var assertion: Money?
        var tags: TagSet
        var line: Int32
        var column: Int16
        var accountLength: Int32
    }

    // MARK: Lines

    func read(line rawBytes: UnsafeBufferPointer<UInt8>, number: Int) {
        var bytes = rawBytes
        // A byte-order mark (Windows Notepad writes one) is not part of the first line.
        if number == 1, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes = UnsafeBufferPointer(rebasing: bytes[3...])
        }
        if let invalid = bytes.firstInvalidUTF8Offset {
            let column = invalid + 1
            diagnostics.append(Diagnostic(
                .badEncoding, "this line is not valid UTF-8",
                hint: "save the ledger as UTF-8 (many spreadsheet exports use Windows-1252)",
                at: SourceLocation(file: file, line: number, column: column),
                excerpt: String(decoding: bytes, as: UTF8.self)))
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
        transactionCode = nil
        transactionStatus = .none
        transactionLine = number
        pending.removeAll(keepingCapacity: true)

        let dateRange = cursor.word()
        switch cursor.date(dateRange) {
        case .day(let day): transactionDate = day
        case .malformed:
            transactionBroken = true
            report(.badDate, "a transaction must start with a date written YYYY-MM-DD", hint: "for example 2019-04-30",
                   cursor, number, dateRange.lowerBound, dateRange.count)
        case .impossible:
            transactionBroken = true
            report(.impossibleDate, "there is no such date as \(cursor.string(dateRange))", hint: "check the day of the month",
                   cursor, number, dateRange.lowerBound, dateRange.count)
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
                transactionCode = cursor.string(start..<end)
                cursor.position = end + 1
                cursor.skipBlanks()
            }
        }
        let description = cursor.textUntilComment()
        transactionDescription = cursor.string(description)
        if let comment = cursor.comment() {
            readTags(comment, &cursor, number, into: &transactionTags)
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
        let accountRange = cursor.accountName()
        let account = accounts.use(cursor.slice(accountRange), file: file, line: number, column: accountStart + 1)
        var posting = PendingPosting(
            account: account, amount: nil, assertion: nil, tags: transactionTags,
            line: Int32(number), column: Int16(clamping: accountStart + 1), accountLength: Int32(accountRange.count))
        cursor.skipBlanks()
        if !cursor.atEnd && cursor.current != ASCII.semicolon && cursor.current != ASCII.equals {
            let amountRange = amountToken(&cursor)
            posting.amount = money(amountRange, cursor, number)
            if posting.amount == nil { transactionBroken = true }
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
    func money(_ range: Range<Int>, _ cursor: LineCursor, _ number: Int) -> Money? {
        do throws(MoneyParseProblem) {
            return try MoneyParser.parse(cursor.slice(range))
        } catch {
            let code: DiagnosticCode = error.kind == .overflow ? .amountOverflow : .badAmount
            let text = cursor.string(range)
            report(code, "\(error.message): \(text)", hint: error.hint, cursor, number,
                   range.lowerBound + min(error.offset, max(range.count - 1, 0)),
                   error.kind == .overflow || error.kind == .badGrouping ? range.count - min(error.offset, range.count - 1) : 1)
            return nil
        }
    }

    /// Money in a declaration (an award, a budget, a cap): a negative figure there is a typing slip.
    func nonNegativeMoney(_ range: Range<Int>, _ cursor: LineCursor, _ number: Int, what: String) -> Money? {
        guard let amount = money(range, cursor, number) else { return nil }
        if amount.isNegative {
            report(.badValue, "\(what) cannot be negative: \(cursor.string(range))", hint: "write the amount without a minus sign",
                   cursor, number, range.lowerBound, range.count)
            return nil
        }
        return amount
    }

    private func finishTransaction() {
        defer { pending.removeAll(keepingCapacity: true) }
        let location = SourceLocation(file: file, line: transactionLine, column: 1)
        if transactionBroken { return }
        if pending.count < 2 {
            diagnostics.append(Diagnostic(
                .tooFewPostings, "a transaction needs at least two postings",
                hint: "money moves from one account to another: add the other side", at: location, length: 10))
            return
        }
        var total = Money.zero
        var missing: [Int] = []
        var overflow = false
        for (index, posting) in pending.enumerated() {
            guard let amount = posting.amount else {
                missing.append(index)
                continue
            }
            do throws(MoneyError) { total = try total.adding(amount) } catch { overflow = true }
        }
        if overflow {
            diagnostics.append(Diagnostic(.amountOverflow, "the postings' total is too large to hold",
                                          hint: "check the amounts for extra digits", at: location, length: 10))
            return
        }
        if missing.count > 1 {
            let second = pending[missing[1]]
            diagnostics.append(Diagnostic(
                .multipleMissingAmounts, "more than one posting leaves its amount out",
                hint: "only one amount can be inferred; write the others",
                at: SourceLocation(file: file, line: Int(second.line), column: Int(second.column)),
                length: Int(second.accountLength)))
            return
        }
        if let inferred = missing.first {
            guard let amount = try? total.negated() else {
                // The other postings total exactly -2^63 pence: the balancing amount cannot be held.
                diagnostics.append(Diagnostic(.amountOverflow, "the amount to infer is too large to hold",
                                              hint: "check the amounts for extra digits", at: location, length: 10))
                return
            }
            pending[inferred].amount = amount
        } else if !total.isZero {
            diagnostics.append(Diagnostic(
                .unbalancedTransaction, "the postings sum to \(total), not zero",
                hint: Self.unbalancedHint(total), at: location,
                length: 10))
            return
        }
        appendTransaction(inferredIndex: missing.first)
    }

    /// What would balance the transaction, and the bookkeeper's rule of thumb: a difference divisible
    /// by nine often means two digits were swapped (£48,250.00 typed as £48,205.00).
    static func unbalancedHint(_ total: Money) -> String {
        let balancing = (try? total.negated()).map { "a posting of \($0) would balance it" } ?? "correct an amount"
        let swapped = total.pence % 9 == 0 ? "; a difference divisible by 9, like this one, often means two digits were swapped" : ""
        return balancing + swapped + "; or leave one amount out to have it inferred"
    }

    private func appendTransaction(inferredIndex: Int?) {
        let transactionIndex = Int32(ledger.transactions.count)
        let start = Int32(ledger.postings.count)
        for (index, item) in pending.enumerated() {
            var grantLine: Int32 = -1
            if item.tags.line >= 0 {
                if item.tags.grant < 0 {
                    diagnostics.append(Diagnostic(
                        .lineWithoutGrant, "a line: tag needs a grant: tag to say whose line it is",
                        hint: "add grant:ID to the posting or the transaction",
                        at: SourceLocation(file: file, line: Int(item.tags.lineLine), column: Int(item.tags.lineColumn)),
                        length: 5))
                } else {
                    grantLine = linePair(grant: item.tags.grant, line: item.tags.line, item.tags)
                }
            }
            if item.tags.match >= 0 && item.tags.grant >= 0 {
                // Match funding is the partners' own money: counting it as the grant's spend too
                // would count it twice.
                diagnostics.append(Diagnostic(
                    .badValue, "a posting cannot be both a grant's spend (grant:) and match funding (match:)",
                    hint: "record match funding without a grant: tag, in a transaction of its own",
                    at: SourceLocation(file: file, line: Int(item.tags.matchLine), column: Int(item.tags.matchColumn)),
                    length: 6))
            }
            ledger.postings.append(Posting(
                account: item.account, amount: item.amount ?? .zero,
                grant: item.tags.grant, grantLine: grantLine, area: item.tags.area, initiative: item.tags.initiative,
                spendClass: item.tags.spendClass, amountInferred: index == inferredIndex, assertion: item.assertion,
                supplier: item.tags.supplier, reference: item.tags.reference,
                transaction: transactionIndex, sourceLine: item.line, column: item.column, matchGrant: item.tags.match))
        }
        ledger.transactions.append(Transaction(
            date: transactionDate, status: transactionStatus, code: transactionCode,
            description: transactionDescription, postingRange: start..<Int32(ledger.postings.count),
            location: SourceLocation(file: file, line: transactionLine, column: 1)))
    }

    private func linePair(grant: Int32, line: Int32, _ tags: TagSet) -> Int32 {
        let key = Int64(grant) << 32 | Int64(line)
        if let id = linePairs[key] { return id }
        let id = Int32(linePairList.count)
        linePairs[key] = id
        linePairList.append((grant, line, SourceLocation(file: file, line: Int(tags.lineLine), column: Int(tags.lineColumn))))
        return id
    }

    // MARK: Tags

    /// Reads `name:value` tags, comma separated, from a comment. Other text is left as comment.
    func readTags(_ range: Range<Int>, _ cursor: inout LineCursor, _ number: Int, into tags: inout TagSet) {
        var partStart = range.lowerBound
        let end = range.upperBound
        while partStart < end {
            var partEnd = partStart
            while partEnd < end && cursor.bytes[partEnd] != ASCII.comma { partEnd += 1 }
            readTag(partStart..<partEnd, cursor, number, into: &tags)
            partStart = partEnd + 1
        }
    }

    private func readTag(_ range: Range<Int>, _ cursor: LineCursor, _ number: Int, into tags: inout TagSet) {
        let bytes = cursor.bytes
        var start = range.lowerBound
        while start < range.upperBound && ASCII.isBlank(bytes[start]) { start += 1 }
        var colon = start
        while colon < range.upperBound && bytes[colon] != ASCII.colon {
            if ASCII.isBlank(bytes[colon]) { return }
            colon += 1
        }
        guard colon < range.upperBound, colon > start else { return }
        var valueStart = colon + 1
        while valueStart < range.upperBound && ASCII.isBlank(bytes[valueStart]) { valueStart += 1 }
        var valueEnd = range.upperBound
        while valueEnd > valueStart && ASCII.isBlank(bytes[valueEnd - 1]) { valueEnd -= 1 }
        let name = start..<colon
        let value = valueStart..<valueEnd

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
            tags.supplier = cursor.string(value)
        case 3 where cursor.equals(name, "ref"):
            tags.reference = cursor.string(value)
        default:
            break
        }
    }

    // MARK: Reporting

    func report(_ code: DiagnosticCode, _ message: String, hint: String?, _ cursor: LineCursor, _ number: Int,
                _ byteOffset: Int, _ length: Int) {
        diagnostics.append(Diagnostic(
            code, message, hint: hint, at: SourceLocation(file: file, line: number, column: byteOffset + 1),
            length: length, excerpt: String(decoding: cursor.bytes, as: UTF8.self)))
    }
}
