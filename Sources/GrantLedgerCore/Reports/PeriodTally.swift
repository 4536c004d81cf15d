/// Spend in scope per grant line and per period, in one pass over the postings: what a report
/// with a column per month, quarter or year adds up. The periods follow on without a gap, so a
/// posting's period is found by its date alone.
struct PeriodTally {
    let periods: [FinancialPeriod]
    /// [grant][line][period]; the line index `lines.count` is spend on no line.
    private(set) var sums: [[[Money]]]

    /// `only`, when given, says which grants to tally (by index); the others' sums stay empty.
    init(_ scope: ReportScope, periods: [FinancialPeriod], only: [Bool]? = nil) throws(ReportError) {
        self.periods = periods
        let ledger = scope.ledger
        sums = ledger.grants.indices.map { index in
            guard only?[index] ?? true else { return [] }
            return Array(repeating: Array(repeating: .zero, count: periods.count), count: ledger.grants[index].lines.count + 1)
        }
        guard let first = periods.first?.period.start, let last = periods.last?.period.end else { return }
        let ends = periods.map(\.period.end)
        for posting in ledger.postings where ledger.isSpend(posting) && (only?[Int(posting.grant)] ?? true) && scope.includes(posting) {
            let date = ledger.transactions[Int(posting.transaction)].date
            guard date >= first, date <= last else { continue }
            let period = Self.index(of: date, in: ends)
            let grant = Int(posting.grant)
            let lines = ledger.grants[grant].lines.count
            let line = posting.grantLine >= 0 && Int(posting.grantLine) < lines ? Int(posting.grantLine) : lines
            sums[grant][line][period] = try sums[grant][line][period].plus(posting.amount, "spend")
        }
    }

    /// The first period ending on or after `date` (the ends are in order).
    static func index(of date: Day, in ends: [Day]) -> Int {
        var low = 0, high = ends.count - 1
        while low < high {
            let middle = (low + high) / 2
            if ends[middle] < date { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
