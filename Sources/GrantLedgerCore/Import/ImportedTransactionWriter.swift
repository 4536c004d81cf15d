/// Writes imported transactions in the ledger's own syntax, in the layout of the shipped ledgers:
///
///     2023-01-09 * Secure Vision Ltd | CCTV cameras, Worksop   ; grant:ss4-bns, ref:BNS-23-0101
///         ; supplier:Secure Vision Ltd
///         expenses:safer-streets:cctv           £33,424.76   ; line:cctv, area:bassetlaw, class:capital
///         assets:bank:bns-csp
///
/// Text from the export is made safe for the syntax: a `;` in a description would start a
/// comment and a `|` in a supplier would split the payee, and a comma would end a tag's value.
public enum ImportedTransactionWriter {
    /// The block to append, and for each transaction the range of lines it takes within the block
    /// (1-based), so a problem the checks find in new text can be shown at the export row instead.
    public static func text(_ transactions: [ImportedTransaction], paidFrom: String, source: String)
        -> (text: String, lines: [(range: ClosedRange<Int>, transaction: Int)])
    {
        var lines: [String] = ["; Imported by grantledger import from \(clean(source)): \(transactions.count) transaction\(transactions.count == 1 ? "" : "s")"]
        var ranges: [(ClosedRange<Int>, Int)] = []
        for (index, transaction) in transactions.enumerated() {
            lines.append("")
            let start = lines.count + 1
            lines += self.lines(transaction, paidFrom: paidFrom)
            ranges.append((start...lines.count, index))
        }
        return (lines.joined(separator: "\n") + "\n", ranges)
    }

    static func lines(_ transaction: ImportedTransaction, paidFrom: String) -> [String] {
        let grants = Set(transaction.postings.map(\.grant))
        let sharedGrant = grants.count == 1 ? grants.first ?? nil : nil
        var header = "\(transaction.date) * \(clean(transaction.payee, bar: true))"
        if let note = transaction.note { header += " | \(clean(note))" }
        var headerTags: [String] = []
        if let sharedGrant { headerTags.append("grant:\(sharedGrant)") }
        headerTags.append("ref:\(transaction.reference)")
        var result = [header + "   ; " + headerTags.joined(separator: ", ")]
        let supplier = transaction.rows.lazy.compactMap(\.supplier).first
        if let supplier { result.append("    ; supplier:\(tagValue(supplier))") }
        for posting in transaction.postings {
            var tags: [String] = []
            if sharedGrant == nil, let grant = posting.grant { tags.append("grant:\(grant)") }
            for (name, value) in [("line", posting.line), ("area", posting.area), ("initiative", posting.initiative),
                                  ("class", posting.spendClass), ("match", posting.match)] {
                if let value { tags.append("\(name):\(value)") }
            }
            result.append(postingLine(posting.account, posting.amount, tags))
        }
        if let vat = transaction.vat { result.append(postingLine(vat.account, vat.amount, [])) }
        result.append("    \(paidFrom)")
        return result
    }

    static func postingLine(_ account: String, _ amount: Money, _ tags: [String]) -> String {
        let amountText = amount.formatted(.display)
        let left = "    \(account)"
        let width = max(left.count + 2, 67 - amountText.count)
        var line = left + String(repeating: " ", count: width - left.count) + amountText
        if !tags.isEmpty { line += "     ; " + tags.joined(separator: ", ") }
        return line
    }

    /// Description text: no line breaks, and `;` (a comment) becomes `,`.
    static func clean(_ text: String, bar: Bool = false) -> String {
        var result = ""
        for character in text {
            if character.isNewline || character == "\t" { result.append(" ") }
            else if character == ";" { result.append(",") }
            else if bar && character == "|" { result.append("/") }
            else { result.append(character) }
        }
        return result.trimmingSpaces()
    }

    /// A tag value runs to the next comma, so commas become spaces (and runs of spaces one).
    static func tagValue(_ text: String) -> String {
        var result = ""
        for character in clean(text) {
            let next: Character = character == "," ? " " : character
            if next == " " && result.last == " " { continue }
            result.append(next)
        }
        return result.trimmingSpaces()
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var start = startIndex, end = endIndex
        while start < end, self[start] == " " { start = index(after: start) }
        while end > start, self[index(before: end)] == " " { end = index(before: end) }
        return String(self[start..<end])
    }
}
