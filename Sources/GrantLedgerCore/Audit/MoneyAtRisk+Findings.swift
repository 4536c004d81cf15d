extension MoneyAtRisk {
    /// When audit calls money at risk a finding: the day its forecast is made to, and how much must
    /// be at risk (or lost) before it is one.
    public struct Threshold: Hashable, Sendable {
        public var asOf: Day
        /// A window with this much or less at risk is not a finding.
        public var above: Money

        public init(asOf: Day, above: Money = .zero) {
            self.asOf = asOf
            self.above = above
        }
    }

    /// Every window with more than the threshold at risk (or lost), as a finding at its tranche or
    /// award; with `dates`, only windows whose spend-by date falls within them. The forecast is
    /// report budget's by entry or profile, so audit, the report and the Summary say the same sum.
    public static func findings(_ ledger: Ledger, _ threshold: Threshold, within dates: Period? = nil) -> [AuditFinding] {
        let windows: [SpendWindow]
        do throws(ReportError) {
            windows = try Self.windows(ledger, ReportFilter(), BudgetSettings(asOf: threshold.asOf))
        } catch {
            // Books that passed check have every amount within the spreadsheet limit; a forecast past it is said, not hidden.
            return [AuditFinding(Diagnostic(.moneyAtRisk, "money at risk could not be worked out: \(error.diagnostic(naming: { "\($0)" }).message)",
                                            hint: "report budget --rows tranches shows the same figures"))]
        }
        return windows.compactMap { window in
            guard window.atRisk > threshold.above, let sentence = window.sentence,
                  dates.map({ $0.contains(window.spendBy) }) ?? true else { return nil }
            let spent = "\(window.actual.formatted(.display)) of \(window.mustSpend.formatted(.display)) spent"
            let message = window.ended ? "grant \(window.grantID): \(sentence) (\(spent))"
                : "grant \(window.grantID): \(sentence) (\(spent) to \(WorkbookText.long(window.position)), "
                    + "\(window.forecast.formatted(.display)) forecast)"
            let hint = window.ended
                ? "money that had to be spent by the date cannot be carried over: explain the underspend to the funder and the committee"
                : "bring spend forward, or share the underspend out again (allocate --underspend); report budget --rows tranches has the forecast"
            let diagnostic = Diagnostic(.moneyAtRisk, message, hint: hint, at: window.location, length: window.locationLength)
            return AuditFinding(diagnostic, grant: window.grantID)
        }
    }
}
