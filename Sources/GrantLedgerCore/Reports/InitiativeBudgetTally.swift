/// Spend on each initiative with a budget, counted as its budget is: on its grant only, when it
/// names one, and within its budget period (`Initiative.budgetPeriod`), so an initiative that runs
/// on from one year's grant to the next is held to the budget it was given, not to all it ever
/// spent. One pass over the postings gives every figure budget monitoring needs of it.
struct InitiativeBudgetTally {
    /// Per initiative (by index): in the period asked for, to the day, in the month and the quarter
    /// under way on the day, and, with `--by`, per period.
    var inPeriod: [Money]
    var toDate: [Money]
    var current: [FinancialPeriod.Length: [Money]] { [.month: inMonth, .quarter: inQuarter] }
    var inMonth: [Money]
    var inQuarter: [Money]
    var byPeriod: [[Money]]

    init(_ ledger: Ledger, inPeriod scope: ReportScope, toDate toDateScope: ReportScope, day: Day,
         periods: [FinancialPeriod]?) throws(ReportError) {
        let count = ledger.initiatives.count
        inPeriod = Array(repeating: .zero, count: count)
        toDate = inPeriod
        let monthStart = FinancialPeriod(containing: day, length: .month).period.start
        let quarterStart = FinancialPeriod(containing: day, length: .quarter).period.start
        (inMonth, inQuarter) = (inPeriod, inPeriod)
        byPeriod = periods == nil ? [] : Array(repeating: Array(repeating: .zero, count: periods?.count ?? 0), count: count)
        let grants = ledger.initiatives.map { initiative in initiative.grantID.flatMap { ledger.grantIndex[$0] } }
        let spans = ledger.initiatives.map { $0.budget == nil ? nil : $0.budgetPeriod(in: ledger) }
        let ends = periods?.map(\.period.end) ?? []
        for posting in ledger.postings where posting.initiative >= 0 && ledger.isSpend(posting) && toDateScope.includes(posting) {
            let index = Int(posting.initiative)
            guard ledger.initiatives[index].budget != nil, grants[index].map({ $0 == Int(posting.grant) }) ?? true else { continue }
            let date = ledger.transactions[Int(posting.transaction)].date
            if let span = spans[index], !span.contains(date) { continue }
            let amount = posting.amount
            toDate[index] = try toDate[index].plus(amount, "spend")
            if scope.includes(posting) { inPeriod[index] = try inPeriod[index].plus(amount, "spend") }
            if date >= monthStart { inMonth[index] = try inMonth[index].plus(amount, "spend") }
            if date >= quarterStart { inQuarter[index] = try inQuarter[index].plus(amount, "spend") }
            if let first = periods?.first?.period.start, let last = ends.last, date >= first, date <= last {
                let period = PeriodTally.index(of: date, in: ends)
                byPeriod[index][period] = try byPeriod[index][period].plus(amount, "spend")
            }
        }
    }
}
