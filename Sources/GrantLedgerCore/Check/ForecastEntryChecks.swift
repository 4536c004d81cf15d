/// The officer's forecast entries against their grants: each names one of the grant's lines, is made
/// within the grant's period (a forecast made before the grant began, or after it ended, forecasts
/// nothing), and no line has two made on one day (which of them would stand?).
public enum ForecastEntryChecks {
    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for grant in ledger.grants {
            var made: [String: ForecastEntry] = [:]
            for entry in grant.forecasts {
                guard grant.lineIndex(entry.lineID) != nil else {
                    problems.append(Diagnostic(
                        .unknownLine, "grant \(grant.id) has no line \"\(entry.lineID)\" to forecast", hint: grant.hint(forLine: entry.lineID),
                        at: entry.location, length: entry.lineIDLength))
                    continue
                }
                if let period = grant.period, !period.contains(entry.date) {
                    problems.append(Diagnostic(
                        .badForecast, "line \(entry.lineID)'s forecast is dated \(entry.date), outside grant \(grant.id)'s period \(period)",
                        hint: "date it on the day it was made, from \(period.start) to \(period.end)", at: entry.dateLocation, length: 10))
                } else if let first = made["\(entry.lineID) \(entry.date)"] {
                    problems.append(Diagnostic(
                        .badForecast, "line \(entry.lineID) has two forecasts made on \(entry.date)",
                        hint: "keep one; the first is at \(first.location.file):\(first.location.line)", at: entry.location, length: entry.lineIDLength))
                } else {
                    made["\(entry.lineID) \(entry.date)"] = entry
                }
            }
        }
        return problems
    }
}
