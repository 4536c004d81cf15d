extension ClaimReturn {
    /// Why a return cannot be built for the period asked for.
    public enum Problem: Error, Hashable, Sendable {
        /// The grant has no `claims` schedule (or no period to run it over).
        case noSchedule(grant: String)
        /// The period is not one of the grant's claims: they are these.
        case notAClaim(grant: String, period: FinancialPeriod, claims: [FinancialPeriod])

        public var message: String {
            switch self {
            case .noSchedule(let grant): return "grant \(grant) has no claims schedule"
            case .notAClaim(let grant, let period, _): return "grant \(grant) has no claim for \(period)"
            }
        }

        public var hint: String {
            switch self {
            case .noSchedule: return "say how it is claimed under the grant: claims  arrears quarterly"
            case .notAClaim(_, _, let claims):
                guard let first = claims.first, let last = claims.last else { return "its period has no claims" }
                return "its claims are each \(first.length.noun), from \(first) to \(last)"
            }
        }
    }

    /// The return of grant `index` for `period`, from the books as they stood on `day` (spend,
    /// steps and receipts dated after it left out), or as they are.
    public static func build(_ ledger: Ledger, grant index: Int, period: FinancialPeriod, through day: Day? = nil) throws(Problem) -> ClaimReturn {
        let grant = ledger.grants[index]
        let all = ClaimFigures.all(ledger, grants: [index], through: day)
        guard !all.isEmpty else { throw .noSchedule(grant: grant.id) }
        guard let figures = all.first(where: { $0.due.period == period }) else {
            throw .notAClaim(grant: grant.id, period: period, claims: all.map(\.due.period))
        }
        return ClaimReturn(ledger, grant, figures, through: day ?? Day.latest)
    }

    private init(_ ledger: Ledger, _ grant: Grant, _ figures: ClaimFigures, through day: Day) {
        let covers = figures.due.covers
        let start = grant.period?.start ?? covers.start
        let slots = grant.lines.count + 1
        var byClass = [[Int64]](repeating: [0, 0, 0], count: slots), cumulative = [Int64](repeating: 0, count: slots)
        var spend: [TracedPosting] = [], match: [TracedPosting] = []
        var matchInPeriod: Int64 = 0, matchToDate: Int64 = 0, spentToDate: Int64 = 0
        let year = covers.end.financialYear
        let trancheIndex = grant.tranches.firstIndex { $0.financialYear == year }
        var trancheSpent: Int64 = 0
        let index = Int32(figures.grantIndex)
        // Books that passed check hold amounts far inside Int64 (AmountLimit): these sums cannot overflow.
        for posting in ledger.postings where ledger.accounts[Int(posting.account)].kind == .expenses
            && (posting.grant == index || posting.matchGrant == index) {
            let date = ledger.transactions[Int(posting.transaction)].date
            guard date >= start, date <= covers.end, date <= day else { continue }
            let pence = posting.amount.pence
            if posting.matchGrant == index {
                matchToDate &+= pence
                if covers.contains(date) { matchInPeriod &+= pence; match.append(TracedPosting(posting, in: ledger)) }
                continue
            }
            let slot = posting.grantLine >= 0 ? Int(posting.grantLine) : grant.lines.count
            cumulative[slot] &+= pence
            spentToDate &+= pence
            // As a tranche's window counts it (`MoneyAtRisk`): in its year, by its spend-by date.
            if let trancheIndex, date.financialYear == year, date <= grant.tranches[trancheIndex].spendBy { trancheSpent &+= pence }
            guard covers.contains(date) else { continue }
            byClass[slot][posting.spendClass == .capital ? 0 : (posting.spendClass == .revenue ? 1 : 2)] &+= pence
            spend.append(TracedPosting(posting, in: ledger))
        }
        var lines: [Line] = grant.lines.enumerated().map { place, line in
            let profile = BudgetProfile.of(line: line, in: grant)
            return Line(key: .id(line.id), name: line.name, budget: line.budget, profiled: profile?.due(in: covers),
                        capital: Money(pence: byClass[place][0]), revenue: Money(pence: byClass[place][1]),
                        unclassified: Money(pence: byClass[place][2]), inPeriod: Money(pence: byClass[place].reduce(0, &+)),
                        profiledToDate: profile?.due(through: covers.end), cumulative: Money(pence: cumulative[place]))
        }
        let loose = grant.lines.count
        if cumulative[loose] != 0 {
            lines.append(Line(key: .untagged, name: "not on any line", budget: .zero, profiled: nil,
                              capital: Money(pence: byClass[loose][0]), revenue: Money(pence: byClass[loose][1]),
                              unclassified: Money(pence: byClass[loose][2]), inPeriod: Money(pence: byClass[loose].reduce(0, &+)),
                              profiledToDate: nil, cumulative: Money(pence: cumulative[loose])))
        }
        self.grant = grant
        self.figures = figures
        self.lines = lines
        self.matchInPeriod = Money(pence: matchInPeriod)
        self.matchToDate = Money(pence: matchToDate)
        // The least whole number of pence that meets the share: rounded up, never down (as audit's match check).
        self.matchRequired = grant.matchBasisPoints.map { MatchFundingChecks.required(on: Money(pence: spentToDate), basisPoints: $0) }
        self.tranche = trancheIndex.map { TrancheUse(tranche: grant.tranches[$0], spent: Money(pence: trancheSpent)) }
        self.notes = grant.varianceNotes.filter { covers.contains($0.period.period.end) || $0.period == figures.due.period }
            .sorted { ($0.period, $0.lineID) < ($1.period, $1.lineID) }
        self.spend = spend.sorted { $0.date < $1.date }
        self.match = match.sorted { $0.date < $1.date }
    }
}
