/// Every claim the grants' schedules ask for, with what the books say of it: the spend dated in its
/// period, what was claimed and received, what the funder still owes (the debtor), and where it
/// stands on the as-of day (its last step, or to make, or overdue past its `within N days`). Narrowed
/// by `--grant` and by dates choosing the claims whose period ends within them.
public enum ClaimsReport {
    public static func build(_ ledger: Ledger, _ filter: ReportFilter, asOf: Day) throws(ReportError) -> Report {
        let scope = try ReportScope(ledger, filter)
        let grants = scope.grant.map { [Int($0)] }
        let claims = ClaimFigures.all(ledger, grants: grants, through: asOf).filter { scope.includes(day: $0.due.covers.end) }
        let columns: [ReportColumn] = [
            .text("grant", "Grant", label: true), .text("period", "Period"), .date("from", "From"), .date("to", "To"),
            .date("due_by", "Due by"), .text("standing", "Standing"), .money("eligible", "Spend in period"),
            .money("claimed", "Claimed"), .money("received", "Received"), .money("owed", "Owed"),
        ]
        let rows = claims.map { claim in
            ReportRow([.text(claim.grantID), .text(claim.due.period.description), .date(claim.due.covers.start), .date(claim.due.covers.end),
                       claim.due.dueBy.map(ReportCell.date) ?? .empty, .text(claim.standing(on: asOf)), .money(claim.eligible),
                       claim.claimed.map(ReportCell.money) ?? .empty, .money(claim.received), .money(claim.owed)])
        }
        return try Report(title: filter.title("Claims") + ": as of \(asOf)", columns: columns, rows: rows)
    }
}
