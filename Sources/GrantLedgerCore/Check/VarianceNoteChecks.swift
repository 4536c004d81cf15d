/// Variance notes against the books: a note names one of the grant's lines; and where a grant sets
/// a variance threshold, each month or quarter of a line's profile that has ended by the books'
/// last transaction, and whose actual is off its profile by more than the threshold (any actual
/// at all against a profile of nothing), needs a note for that line and period (a finding).
public enum VarianceNoteChecks {
    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let lastDay = ledger.transactions.map(\.date).max()
        // One pass over the postings, by month, over the periods of the grants that set a threshold.
        let watched = ledger.grants.compactMap { $0.varianceThreshold == nil ? nil : $0.period }
        var months: PeriodTally?
        if let start = watched.map(\.start).min(), let end = watched.map(\.end).max() {
            months = try? PeriodTally(ReportScope(ledger, ReportFilter()), periods: FinancialPeriod.covering(Period(start: start, end: end), by: .month))
        }
        for (index, grant) in ledger.grants.enumerated() {
            for note in grant.varianceNotes where grant.lineIndex(note.lineID) == nil {
                let known = grant.lines.map(\.id)
                problems.append(Diagnostic(
                    .unknownLine, "grant \(grant.id) has no line \"\(note.lineID)\" for a variance note",
                    hint: Suggestion.hint(note.lineID, in: known, known: "its lines are: \(known.isEmpty ? "none" : known.joined(separator: ", "))"),
                    at: note.location, length: note.lineID.utf8.count))
            }
            guard let threshold = grant.varianceThreshold, let lastDay, let months else { continue }
            for (lineIndex, line) in grant.lines.enumerated() {
                guard let profile = BudgetProfile.of(line: line, in: grant) else { continue }
                for (period, profiled) in zip(profile.periods, profile.amounts) where period.period.end <= lastDay {
                    guard !grant.varianceNotes.contains(where: { $0.lineID == line.id && $0.period == period }) else { continue }
                    let actual = zip(months.periods, months.sums[index][lineIndex])
                        .filter { period.period.contains($0.0.period.end) }.map(\.1)
                    guard let spent = try? Money.sum(actual), let gap = try? spent.subtracting(profiled) else { continue }
                    let size = abs(Int128(gap.pence))
                    let beyond = profiled.isZero ? size > 0 : (Rational(size, Int128(profiled.pence)) ?? .zero) > threshold
                    guard beyond else { continue }
                    let share = profiled.isZero ? "" : " (\(Percent(part: Money(pence: Int64(size)), whole: profiled).formatted ?? "")%)"
                    problems.append(Diagnostic(
                        .varianceUnexplained,
                        "line \(line.id)'s actual in \(period), \(spent), is \(Money(pence: Int64(size)))\(share) \(gap.isNegative ? "under" : "over") its profile of \(profiled), with no variance note",
                        hint: "say why under the grant: variance-note \(line.id)  \(period)  REASON",
                        at: grant.varianceThresholdLocation ?? grant.location, length: "variance-threshold".utf8.count))
                }
            }
        }
        return problems
    }
}
