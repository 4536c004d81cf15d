/// Variance notes against the books: a note names one of the grant's lines; and where a grant sets
/// a variance threshold, each month or quarter of a line's profile that has ended by the books'
/// last transaction, and whose actual is off its profile by more than the threshold (any actual
/// at all against a profile of nothing), needs a note for that line and period (a finding).
public enum VarianceNoteChecks {
    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let lastDay = ledger.transactions.map(\.date).max()
        // One pass over the postings, by month, over the periods of the grants that set a threshold
        // (only those are tallied). The books' amounts are within the spreadsheet limit (`AmountLimit`;
        // this check runs only on books read whole), so no sum here can overflow.
        let isWatched = ledger.grants.map { $0.varianceThreshold != nil && $0.period != nil }
        let watched = ledger.grants.compactMap { $0.varianceThreshold == nil ? nil : $0.period }
        var months: PeriodTally?
        if let start = watched.map(\.start).min(), let end = watched.map(\.end).max() {
            months = try? PeriodTally(ReportScope(ledger, ReportFilter()),
                                      periods: FinancialPeriod.covering(Period(start: start, end: end), by: .month), only: isWatched)
        }
        for (index, grant) in ledger.grants.enumerated() {
            var noted: Set<String> = []
            for note in grant.varianceNotes {
                guard let lineIndex = grant.lineIndex(note.lineID) else {
                    problems.append(Diagnostic(
                        .unknownLine, "grant \(grant.id) has no line \"\(note.lineID)\" for a variance note", hint: grant.hint(forLine: note.lineID),
                        at: note.location, length: note.lineID.utf8.count))
                    continue
                }
                // A note answers one of the line's profile periods: any other would never be read.
                if let profile = BudgetProfile.of(line: grant.lines[lineIndex], in: grant), !profile.periods.contains(note.period) {
                    let word = profile.length == .month ? "month" : "quarter"
                    problems.append(Diagnostic(
                        .badPeriod, "line \(note.lineID) is profiled by \(word), and \(note.period) is not one of its \(word)s",
                        hint: "name a \(word) from \(profile.periods.first.map(\.description) ?? "") to \(profile.periods.last.map(\.description) ?? "")",
                        at: note.periodLocation ?? note.location, length: note.periodLocation == nil ? note.lineID.utf8.count : note.periodLength))
                } else if !noted.insert("\(note.lineID) \(note.period)").inserted {
                    problems.append(Diagnostic(
                        .duplicateSetting, "line \(note.lineID) has two variance notes for \(note.period)", hint: "keep one note a period",
                        at: note.location, length: note.lineID.utf8.count))
                }
            }
            guard let threshold = grant.varianceThreshold, let lastDay, let months else { continue }
            for (lineIndex, line) in grant.lines.enumerated() {
                guard let profile = BudgetProfile.of(line: line, in: grant) else { continue }
                for (period, profiled) in zip(profile.periods, profile.amounts) where period.period.end <= lastDay {
                    guard !grant.varianceNotes.contains(where: { $0.lineID == line.id && $0.period == period }) else { continue }
                    // The period's months, found by their offset from the tally's first month.
                    guard let firstMonth = months.periods.first else { continue }
                    let start = FinancialPeriod(containing: period.period.start, length: .month)
                    let offset = (start.year.startYear - firstMonth.year.startYear) * 12 + start.number - firstMonth.number
                    let span = max(0, offset)..<min(months.periods.count, offset + 12 / period.length.perYear)
                    guard !span.isEmpty, let spent = try? Money.sum(months.sums[index][lineIndex][span]),
                          let gap = try? spent.subtracting(profiled), let size = Int64(exactly: abs(Int128(gap.pence))) else { continue }
                    let beyond = profiled.isZero ? size > 0 : (Rational(Int128(size), Int128(profiled.pence)) ?? .zero) > threshold
                    guard beyond else { continue }
                    let off = Money(pence: size)
                    let share = profiled.isZero ? "" : " (\(Percent(part: off, whole: profiled).formatted ?? "")%)"
                    problems.append(Diagnostic(
                        .varianceUnexplained,
                        "line \(line.id)'s actual in \(period), \(spent), is \(off)\(share) \(gap.isNegative ? "under" : "over") its profile of \(profiled), with no variance note",
                        hint: "say why under the grant: variance-note \(line.id)  \(period)  REASON",
                        at: grant.varianceThresholdLocation ?? grant.location, length: "variance-threshold".utf8.count))
                }
            }
        }
        return problems
    }
}
