/// A dated step under a bid or a claim (`2023-01-13  submitted  £221,823.16`): the date, a status
/// word the kind knows, and an optional amount. Each kind then says which steps carry an amount.
extension LedgerParser {
    struct DatedStep<Status> {
        let date: Day
        let status: Status
        let amount: Money?
        let statusRange: Range<Int>
        let amountRange: Range<Int>
        let cursor: LineCursor
    }

    /// The step written on `line` from `dateRange`, or nil after reporting what is wrong with it.
    /// `amounts` names what an amount is for, when it may not be below nothing (`a claim`).
    func readStep<Status: RawRepresentable & CaseIterable>(
        _ dateRange: Range<Int>, _ line: LineCursor, _ number: Int, of kind: String, nonNegative amounts: String? = nil,
        day: (Range<Int>) -> Day?
    ) -> DatedStep<Status>? where Status.RawValue == String {
        var cursor = line
        guard let date = day(dateRange) else { return nil }
        cursor.position = dateRange.upperBound
        cursor.skipBlanks()
        let statusRange = cursor.word()
        cursor.skipBlanks()
        guard let status = Status(rawValue: cursor.string(statusRange)) else {
            report(.badValue, "\"\(cursor.string(statusRange))\" is not a \(kind) status",
                   hint: "one of: \(Status.allCases.map(\.rawValue).joined(separator: ", "))",
                   cursor, number, statusRange.lowerBound, max(1, statusRange.count))
            return nil
        }
        var amount: Money?
        let amountRange = cursor.textUntilComment()
        if !amountRange.isEmpty {
            let parsed = amounts.map { nonNegativeMoney(amountRange, cursor, number, what: $0) } ?? money(amountRange, cursor, number)
            guard let parsed else { return nil }
            amount = parsed
        }
        return DatedStep(date: date, status: status, amount: amount, statusRange: statusRange, amountRange: amountRange, cursor: cursor)
    }
}
