import ArgumentParser
import GrantLedgerCore

/// `report budget`'s options: the day "to date" means when no period is given, the forecast
/// method and the RAG thresholds, each problem located on the command line.
struct BudgetOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("To date means to this day when no period is given (default: today); "
                                                           + "report calendar's dates are past or to come against it, and report claims stand on it.",
                                                           valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: ArgumentHelp("How the forecast outturn is made: entries (the line's latest forecast entry, else by profile), "
                               + "profile (actual, then committed or the rest of the profile, whichever is more) "
                               + "or run-rate (actual carried on at its pace to the grant's end).", valueName: "METHOD"),
            completion: .list(ForecastMethod.allCases.map(\.rawValue)))
    var forecast: String?

    @Option(help: ArgumentHelp("A profile and an actual column for each month, quarter or year of the period.", valueName: "month|quarter|year"),
            completion: .list(FinancialPeriod.Length.allCases.map(\.rawValue)))
    var by: String?

    @Option(help: ArgumentHelp("A row per grant line (the default), per initiative that carries a budget, or per tranche "
                               + "(or award with a deadline): the money to spend by a day and what of it is at risk.",
                               valueName: "lines|initiatives|tranches"), completion: .list(BudgetRows.allCases.map(\.rawValue)))
    var rows: String?

    @Option(help: ArgumentHelp("Amber when the forecast is off the budget by more than this (default 5%).", valueName: "PERCENT"))
    var amber: String?

    @Option(help: ArgumentHelp("Red when the forecast is off the budget by more than this, or the line is overspent (default 10%).",
                               valueName: "PERCENT"))
    var red: String?

    /// The options given, by name: they are report budget's, and refused for any other report
    /// rather than ignored (a bad --as-of given to report grants would pass unread).
    var given: [(option: String, value: String)] {
        [("--as-of", asOf), ("--forecast", forecast), ("--by", by), ("--rows", rows), ("--amber", amber), ("--red", red)]
            .compactMap { option, value in value.map { (option, $0) } }
    }

    func settings(_ locator: ArgumentLocator) throws -> BudgetSettings {
        var problems: [Diagnostic] = []
        let day = DateOptions.asOf(asOf, locator, problems: &problems)
        var settings = BudgetSettings(asOf: day)
        if let forecast, let method = ForecastMethod(rawValue: forecast) {
            settings.method = method
        } else if let forecast {
            problems.append(Diagnostic(.badValue, "--forecast \(forecast): not a forecast method",
                                       hint: "choose entries, profile or run-rate",
                                       origin: locator.origin(option: "--forecast", value: forecast)))
        }
        if let rows {
            if let kind = BudgetRows(rawValue: rows) {
                settings.rows = kind
            } else {
                problems.append(Diagnostic(.badValue, "--rows \(rows): not \(BudgetRows.allCases.map(\.rawValue).joined(separator: ", "))",
                                           hint: "for example --rows initiatives", origin: locator.origin(option: "--rows", value: rows)))
            }
        }
        if let by {
            if let length = FinancialPeriod.Length(rawValue: by) {
                settings.by = length
            } else {
                problems.append(Diagnostic(.badValue, "--by \(by): not month, quarter or year", hint: "for example --by quarter",
                                           origin: locator.origin(option: "--by", value: by)))
            }
        }
        for (option, text, apply) in [("--amber", amber, { (share: Rational) in settings.status.amber = share }),
                                      ("--red", red, { (share: Rational) in settings.status.red = share })] {
            guard let text else { continue }
            if let share = try? ExactNumberParser.parseWeight(text), !share.isNegative, share <= .one {
                apply(share)
            } else {
                problems.append(Diagnostic(.badValue, "\(option) \(text): not a share of the budget between 0 and 100%",
                                           hint: "write it as 5%, 0.05 or 1/20", origin: locator.origin(option: option, value: text)))
            }
        }
        if settings.status.amber > settings.status.red {
            // Say which threshold was given: a --red alone below the default Amber is the likely slip.
            let (option, value) = amber == nil ? ("--red", red ?? "") : ("--amber", amber ?? "")
            let message = amber == nil ? "--red \(value) is below the default Amber threshold of 5%" : "--amber is more than --red"
            problems.append(Diagnostic(.badValue, message, hint: "Amber is the nearer warning: give --amber too, at most Red's threshold",
                                       origin: locator.origin(option: option, value: value)))
        }
        // Money to spend by a day has no periods to cut or RAG to set: those options would pass unread.
        if settings.rows == .tranches {
            for (option, value) in [("--by", by), ("--amber", amber), ("--red", red)] {
                guard let value else { continue }
                problems.append(Diagnostic(.badValue, "\(option) is for lines and initiatives, not --rows tranches",
                                           hint: "leave it out, or ask for --rows lines", origin: locator.origin(option: option, value: value)))
            }
        }
        try Run.stopOnErrors(problems)
        return settings
    }
}
