/// `claim GRANT PERIOD` and its fields: who prepared and checked it, and its dated steps
/// (`2023-01-10 submitted £221,823.16`). See `GrantClaim`.
extension LedgerParser {
    func readClaimDeclaration(_ cursor: inout LineCursor, _ number: Int) {
        let grantRange = cursor.word()
        cursor.skipBlanks()
        let periodRange = cursor.word()
        cursor.skipBlanks()
        let rest = cursor.textUntilComment()
        guard !grantRange.isEmpty, !periodRange.isEmpty, rest.isEmpty else {
            block = .skipped
            let at = rest.isEmpty ? (grantRange.isEmpty ? grantRange.lowerBound : periodRange.lowerBound) : rest.lowerBound
            report(.badSyntax, rest.isEmpty ? "a claim names its grant and its period" : "a claim is its grant and its period, and nothing more",
                   hint: "write claim GRANT PERIOD, for example claim ss4-bns 2022-23-Q3", cursor, number, at,
                   max(1, rest.isEmpty ? 1 : rest.count))
            return
        }
        checkLength(grantRange, cursor, number, what: "the claim's grant")
        checkLength(periodRange, cursor, number, what: "the claim's period")
        let grantID = cursor.string(grantRange), written = cursor.string(periodRange)
        let period = FinancialPeriod.parse(written)
        // As the schedule and the claim: tags name it (2022-23-q3 is 2022-23-Q3).
        let periodText = period?.description ?? written
        if period == nil {
            report(.badPeriod, "\"\(periodText)\" is not a month, quarter or financial year",
                   hint: "write a quarter as 2022-23-Q3, a month as 2022-10, a year as 2022-23", cursor, number,
                   periodRange.lowerBound, periodRange.count)
        }
        let location = SourceLocation(file: file, line: number, column: grantRange.lowerBound + 1)
        references.append(PendingReference(kind: .grant, id: grantID, location: location, excerpt: String(decoding: cursor.bytes, as: UTF8.self)))
        block = .declaration(.claim(GrantClaim(
            grantID: grantID, periodText: periodText, period: period, location: location,
            periodLocation: SourceLocation(file: file, line: number, column: periodRange.lowerBound + 1))))
    }

    func readClaimField(_ claim: inout GrantClaim, key: String, value: String, keyRange: Range<Int>, _ line: LineCursor, _ number: Int,
                        needValue: () -> Bool, day: (Range<Int>) -> Day?, unknownField: (String) -> Void) {
        if let first = keyRange.first, ASCII.isDigit(line.bytes[first]) {
            readClaimEvent(&claim, keyRange, line, number, day: day)
            return
        }
        switch key {
        case "prepared-by": if needValue() { claim.preparedBy = value }
        case "checked-by": if needValue() { claim.checkedBy = value }
        default: unknownField("prepared-by, checked-by, and dated steps such as 2023-01-10 submitted £221,823.16")
        }
    }

    private func readClaimEvent(_ claim: inout GrantClaim, _ dateRange: Range<Int>, _ line: LineCursor, _ number: Int,
                                day: (Range<Int>) -> Day?) {
        guard let step: DatedStep<ClaimStatus> = readStep(dateRange, line, number, of: "claim", nonNegative: "a claim", day: day) else { return }
        let (date, status, amount, statusRange, amountRange, cursor) = (step.date, step.status, step.amount, step.statusRange, step.amountRange, step.cursor)
        if status == .submitted && amount == nil {
            report(.missingField, "submitted needs the amount claimed", hint: "write \(cursor.string(dateRange)) submitted  £221,823.16",
                   cursor, number, statusRange.lowerBound, statusRange.count)
            return
        }
        if status != .submitted && amount != nil {
            // What was received is the receipts' income (claim: tags), never a second figure to disagree with it.
            report(.badSyntax, "only submitted carries an amount: what was paid is the income tagged claim:\(claim.periodText)",
                   hint: "remove the amount, and tag the receipt claim:\(claim.periodText)", cursor, number, amountRange.lowerBound,
                   amountRange.count)
            return
        }
        claim.history.append(ClaimEvent(date: date, status: status, amount: amount,
                                        location: SourceLocation(file: file, line: number, column: statusRange.lowerBound + 1),
                                        dateLocation: SourceLocation(file: file, line: number, column: dateRange.lowerBound + 1)))
    }
}
