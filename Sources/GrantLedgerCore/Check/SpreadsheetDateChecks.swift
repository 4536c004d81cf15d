/// Dates a spreadsheet can show: from 1 March 1900 (Excel's first day after its phantom 29 February
/// 1900) on. What `check` accepts every command must handle, and the committee workbook writes the
/// books' dates (transactions, grants, bids, commitments, initiatives) as spreadsheet dates: one before it is
/// almost certainly a slip of the year (1019 for 2019), so it is a located error here, not a failed
/// export later.
public enum SpreadsheetDateChecks {
    /// 1900-03-01.
    public static let firstDay = Day(daysSinceEpoch: -25_508)

    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func early(_ day: Day?, _ what: String, at location: SourceLocation, length: Int) {
            guard let day, day < firstDay else { return }
            problems.append(Diagnostic(.badDate, "\(what) \(day) is before 1 March 1900, the first day a spreadsheet can show",
                                       hint: "check the year", at: location, length: length))
        }
        for grant in ledger.grants {
            let at = grant.periodLocation ?? grant.location
            early(grant.period?.start, "grant \(grant.id)'s start", at: at, length: 10)
            early(grant.period?.end, "grant \(grant.id)'s end", at: at, length: 10)
            early(grant.deadline, "grant \(grant.id)'s deadline", at: grant.deadlineLocation ?? grant.location, length: 10)
            for tranche in grant.tranches {
                early(tranche.financialYear.period.start, "the tranche's year, starting", at: tranche.location, length: 7)
                early(tranche.spendBy, "the tranche's spend-by date", at: tranche.spendByLocation ?? tranche.location, length: 10)
            }
            for entry in grant.forecasts { early(entry.date, "line \(entry.lineID)'s forecast date", at: entry.dateLocation, length: 10) }
        }
        for initiative in ledger.initiatives {
            early(initiative.period?.start, "initiative \(initiative.id)'s start", at: initiative.periodLocation ?? initiative.location, length: 10)
        }
        for bid in ledger.bids {
            for event in bid.history { early(event.date, "bid \(bid.id)'s date", at: event.dateLocation ?? event.location, length: 10) }
        }
        for claim in ledger.claims {
            for event in claim.history { early(event.date, "claim \(claim.id)'s date", at: event.dateLocation, length: 10) }
        }
        for allocation in ledger.allocations {
            if let day = allocation.agreed { early(day, "allocation \(allocation.id)'s agreed date", at: allocation.location, length: allocation.id.utf8.count) }
        }
        for commitment in ledger.commitments {
            early(commitment.date, "commitment \(commitment.id)'s date", at: commitment.dateLocation ?? commitment.location, length: 10)
            early(commitment.closed, "commitment \(commitment.id)'s closing date", at: commitment.closedLocation ?? commitment.location,
                  length: 10)
        }
        for transaction in ledger.transactions { early(transaction.date, "the date", at: ledger.location(of: transaction), length: 10) }
        return problems
    }
}
