/// An officer's own forecast of a line's outturn, made on a day, with the reason, as written under
/// the grant: `forecast youth-crime  2019-12-31  £54,500.00  Scheme stopped at six months pending review`.
/// It is the forecast method a finance officer trusts most when the profile no longer says what will
/// happen; the latest entry made by the day asked for is the one used, and the note goes with it.
public struct ForecastEntry: Hashable, Sendable {
    public let lineID: String
    /// The day the forecast was made: it counts from this day on.
    public let date: Day
    /// The line's forecast outturn to the end of the grant.
    public let outturn: Money
    public let note: String
    /// Where the line's id is written, and its length, for pointing at the entry.
    public let location: SourceLocation
    public let lineIDLength: Int
    /// Where the date is written, for a date outside the grant's period.
    public let dateLocation: SourceLocation
}

extension ForecastEntry {
    /// The entry as a report shows it beside the line: when it was made, what it said and why.
    public var described: String { "\(date) \(outturn): \(note)" }
}

extension Grant {
    /// The latest forecast entry for the line made on or before `day`: by its date, wherever it is
    /// written (a correction may be entered above an older forecast); two on one day are refused.
    public func forecastEntry(forLine lineID: String, on day: Day) -> ForecastEntry? {
        var latest: ForecastEntry?
        for entry in forecasts where entry.lineID == lineID && entry.date <= day && entry.date >= (latest?.date ?? entry.date) {
            latest = entry
        }
        return latest
    }
}
