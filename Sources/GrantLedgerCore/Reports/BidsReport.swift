/// Bids through their lifecycle, with the spend on the grant each became and the underspend
/// (awarded − spent). A grant's spend is shown on the first bid that names it only, so two bids
/// for one grant never count its spend twice. Dates select bids with any status change in range.
public enum BidsReport {
    public static func build(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> Report {
        try table(figures(ledger, filter))
    }

    public static func figures(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> ReportFigures<BidFigures> {
        let scope = try ReportScope(ledger, filter)
        let tally = try SpendTally(scope)
        var rows: [BidFigures] = []
        var grantsShown = Set<Int>()
        for bid in ledger.bids {
            if let grant = scope.filter.grantID, bid.grantID != grant { continue }
            if scope.start != nil || scope.end != nil, !bid.history.contains(where: { scope.includes(day: $0.date) }) { continue }
            var spent: Money?
            var underspend: Money?
            if let grant = bid.grantID.flatMap({ ledger.grantIndex[$0] }), grantsShown.insert(grant).inserted {
                spent = tally.byGrant[grant]
                if let awarded = bid.awarded {
                    underspend = try awarded.minus(tally.byGrant[grant], "underspend")
                }
            }
            rows.append(BidFigures(bid: bid, decided: decision(bid), spent: spent, underspend: underspend))
        }
        return ReportFigures(filter: filter, rows: rows)
    }

    public static func table(_ figures: ReportFigures<BidFigures>) throws(ReportError) -> Report {
        let columns: [ReportColumn] = [
            .text("bid", "Bid", label: true), .text("fund", "Fund"), .text("round", "Round"),
            .text("applicant", "Applicant"), .text("status", "Status"), .date("submitted", "Submitted"),
            .date("decided", "Decided"), .money("requested", "Requested"), .money("awarded", "Awarded"),
            .text("grant", "Grant"), .money("spent", "Spent"), .money("underspend", "Not spent"),
        ]
        let rows = figures.rows.map { row in
            let bid = row.bid
            return ReportRow([
                .text(bid.id), bid.fund.cell, bid.round.cell, bid.applicant.cell, .text(bid.status.rawValue),
                bid.date(of: .submitted).cell, row.decided.cell, bid.requested.cell, bid.awarded.cell,
                bid.grantID.cell, row.spent.cell, row.underspend.cell,
            ])
        }
        return try Report(title: figures.title("Bids"), columns: columns, rows: rows)
    }

    /// When the bid was decided: awarded, part-awarded, rejected or withdrawn.
    static func decision(_ bid: Bid) -> Day? {
        bid.history.last { [.awarded, .partAwarded, .rejected, .withdrawn].contains($0.status) }?.date
    }
}
