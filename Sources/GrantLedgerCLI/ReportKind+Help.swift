import GrantLedgerCore

/// What each report shows, for `report --help`: help text names options (`--fy`), so it lives
/// with the command, not in the core.
extension ReportKind {
    var summary: String {
        switch self {
        case .grants: return "per grant: award, allocated, spent, remaining, percent; its lines too with --fy or --grant"
        case .lines: return "per grant line: budget, spent, remaining, percent"
        case .budget: return "budget monitoring per grant line: profile and actual in the period and to date, committed, forecast outturn, variance, remaining, RAG"
        case .initiatives: return "per initiative: spend and postings"
        case .areas: return "per area: spend and postings"
        case .bids: return "per bid: status, dates, requested, awarded, spend on its grant, what is not spent"
        case .balance: return "per account: balance, as hledger bal --flat shows it"
        case .register: return "every posting in date order with a running balance, as hledger register shows it; --line, --initiative, --account, --payee narrow it"
        case .calendar: return "what falls due: claims by each grant's claims schedule, tranche spend-by dates, last days for spend; --format ics for a calendar program"
        case .claims: return "per claim of each grant's claims schedule: spend in its period, claimed, received, owed by the funder, and where it stands (to make, submitted, paid, overdue)"
        }
    }
}
