extension LedgerParser {
    /// `forecast LINE  DATE  AMOUNT  NOTE`: the officer's forecast of the line's outturn, made on that
    /// day, and why. The note is required: a forecast a committee cannot question is not one.
    func readForecast(_ grant: inout Grant, keyStart: Int, keyRange: Range<Int>, valueRange: Range<Int>,
                      _ cursor: LineCursor, _ number: Int, day: (Range<Int>) -> Day?) {
        var parts = LineCursor(over: valueRange, of: cursor)
        let idRange = parts.word(); parts.skipBlanks()
        let dateRange = parts.word(); parts.skipBlanks()
        let amountRange = parts.word(); parts.skipBlanks()
        let noteRange = parts.position..<valueRange.upperBound
        guard !idRange.isEmpty, !dateRange.isEmpty, !amountRange.isEmpty, amountRange.upperBound <= valueRange.upperBound,
              !noteRange.isEmpty else {
            report(.badForecast, "a forecast is a line's id, the day it was made, the outturn forecast and why",
                   hint: "write forecast youth-crime  2019-12-31  £54,500.00  Scheme stopped at six months pending review",
                   cursor, number, keyStart, max(keyRange.count, valueRange.upperBound - keyStart))
            return
        }
        guard let date = day(dateRange), let outturn = nonNegativeMoney(amountRange, cursor, number, what: "a forecast") else { return }
        grant.forecasts.append(ForecastEntry(
            lineID: cursor.string(idRange), date: date, outturn: outturn, note: cursor.string(noteRange),
            location: SourceLocation(file: file, line: number, column: idRange.lowerBound + 1), lineIDLength: idRange.count,
            dateLocation: SourceLocation(file: file, line: number, column: dateRange.lowerBound + 1)))
    }
}
