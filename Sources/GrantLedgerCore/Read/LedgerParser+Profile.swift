/// A grant's `profile` field: `profile LINE  monthly|quarterly  even`, a shape's id, or an amount per period.
/// The reader takes what is written; whether it fits the grant (its period, the line's budget) is
/// the `profiles` check's to say, once every file is read.
extension LedgerParser {
    func readProfile(_ grant: inout Grant, keyStart: Int, keyRange: Range<Int>, valueRange: Range<Int>,
                     _ cursor: LineCursor, _ number: Int) {
        guard let declaration = profileDeclaration(keyStart: keyStart, keyRange: keyRange, valueRange: valueRange, cursor, number,
                                                   owner: nil) else { return }
        if let first = grant.profiles.first(where: { $0.lineID == declaration.lineID }) {
            report(.badProfile, "line \(declaration.lineID) is profiled twice",
                   hint: "first profiled at \(first.lineIDLocation.file):\(first.lineIDLocation.line); keep one",
                   cursor, number, declaration.lineIDLocation.column - 1, declaration.lineIDLength)
            return
        }
        grant.profiles.append(declaration)
    }

    /// A profile as written: `LINE  monthly|quarterly  SPREAD` under a grant, or, under an initiative
    /// (`owner`, its id), `monthly|quarterly  SPREAD`; SPREAD is `even`, a shape's id or the amounts.
    func profileDeclaration(keyStart: Int, keyRange: Range<Int>, valueRange: Range<Int>, _ cursor: LineCursor, _ number: Int,
                            owner: String?) -> ProfileDeclaration? {
        var parts = LineCursor(over: valueRange, of: cursor)
        let idRange = owner == nil ? parts.word() : keyRange
        parts.skipBlanks()
        let lengthRange = parts.word(); parts.skipBlanks()
        let spreadStart = parts.position
        guard !idRange.isEmpty, !lengthRange.isEmpty, spreadStart < valueRange.upperBound else {
            let example = owner == nil ? "profile nwps  quarterly" : "profile  quarterly"
            report(.badProfile, owner == nil ? "a profile is a line's id, monthly or quarterly, then even or an amount for each period"
                                             : "a profile is monthly or quarterly, then even, a shape or an amount for each period",
                   hint: "write \(example)  even, or \(example)  £60,000.00 £70,000.00 £70,000.00 £70,750.00",
                   cursor, number, keyStart, max(keyRange.count, valueRange.upperBound - keyStart))
            return nil
        }
        let length: FinancialPeriod.Length
        switch cursor.string(lengthRange) {
        case "monthly": length = .month
        case "quarterly": length = .quarter
        default:
            report(.badProfile, "a profile is monthly or quarterly, not \"\(cursor.string(lengthRange))\"",
                   hint: "write profile \(owner == nil ? cursor.string(idRange) + "  " : " ")quarterly  even", cursor, number,
                   lengthRange.lowerBound, lengthRange.count)
            return nil
        }
        let spreadRange = spreadStart..<valueRange.upperBound
        guard let spread = profileSpread(spreadRange, cursor, number) else { return nil }
        return ProfileDeclaration(
            lineID: owner ?? cursor.string(idRange), length: length, spread: spread,
            lineIDLocation: SourceLocation(file: file, line: number, column: idRange.lowerBound + 1), lineIDLength: idRange.count,
            spreadLocation: SourceLocation(file: file, line: number, column: spreadStart + 1), spreadLength: spreadRange.count)
    }

    /// `even`, a shape's id (one word that is not an amount), or the amounts; nil after reporting a bad amount.
    private func profileSpread(_ spreadRange: Range<Int>, _ cursor: LineCursor, _ number: Int) -> ProfileDeclaration.Spread? {
        var words = LineCursor(over: spreadRange, of: cursor)
        let firstWord = words.word()
        if cursor.equals(spreadRange, "even") { return .even }
        if firstWord.upperBound >= spreadRange.upperBound, let first = firstWord.first, ASCII.isLetter(cursor.bytes[first]) {
            // Resolved once every file is read: a shape may be declared anywhere.
            return .shape(cursor.string(firstWord), nil)
        }
        var amounts: [Money] = []
        words.position = spreadRange.lowerBound
        var broken = false
        while words.position < spreadRange.upperBound {
            let amountRange = words.word(); words.skipBlanks()
            guard !amountRange.isEmpty else { break }
            if let amount = nonNegativeMoney(amountRange, cursor, number, what: "a profile's amount") {
                amounts.append(amount)
            } else {
                broken = true
            }
        }
        return broken ? nil : .amounts(amounts)
    }

    /// `variance-note LINE  PERIOD  TEXT`: why the line's actual in that month or quarter is off its profile.
    func readVarianceNote(_ grant: inout Grant, keyStart: Int, keyRange: Range<Int>, valueRange: Range<Int>,
                          _ cursor: LineCursor, _ number: Int) {
        var parts = LineCursor(over: valueRange, of: cursor)
        let idRange = parts.word(); parts.skipBlanks()
        let periodRange = parts.word(); parts.skipBlanks()
        let textRange = parts.position..<valueRange.upperBound
        guard !idRange.isEmpty, !periodRange.isEmpty, !textRange.isEmpty, periodRange.upperBound <= valueRange.upperBound else {
            report(.badSyntax, "a variance note is a line's id, a month or quarter, and the reason",
                   hint: "write variance-note youth-crime  2019-20-Q3  Six months pending review: no spend after September",
                   cursor, number, keyStart, max(keyRange.count, valueRange.upperBound - keyStart))
            return
        }
        guard let period = FinancialPeriod.parse(cursor.string(periodRange)), period.length != .year else {
            report(.badPeriod, "\"\(cursor.string(periodRange))\" is not a month or a quarter",
                   hint: "write a quarter such as 2019-20-Q3 (Q1 is April to June) or a month such as 2019-10",
                   cursor, number, periodRange.lowerBound, periodRange.count)
            return
        }
        grant.varianceNotes.append(VarianceNote(lineID: cursor.string(idRange), period: period, text: cursor.string(textRange),
                                                location: SourceLocation(file: file, line: number, column: idRange.lowerBound + 1),
                                                periodLocation: SourceLocation(file: file, line: number, column: periodRange.lowerBound + 1),
                                                periodLength: periodRange.count))
    }
}
