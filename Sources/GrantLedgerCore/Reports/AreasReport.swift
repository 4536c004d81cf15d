/// Spend per area, from postings tagged `area:`, each area counting only its own postings (no
/// roll-up into parents, so no spend is counted twice). Spend with no area gets a `(none)` row.
public enum AreasReport {
    public static func build(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> Report {
        try table(figures(ledger, filter))
    }

    public static func figures(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter()) throws(ReportError) -> ReportFigures<AreaFigures> {
        let scope = try ReportScope(ledger, filter)
        let tally = try SpendTally(scope).areas
        var rows: [AreaFigures] = []
        for (index, area) in ledger.areas.enumerated() where scope.includesArea(index) {
            rows.append(AreaFigures(key: .id(area.id), name: area.name, kind: area.kind?.rawValue, within: area.parentID,
                                    spent: tally.sums[index], postings: tally.counts[index]))
        }
        if tally.untaggedCount > 0 {
            rows.append(AreaFigures(key: .untagged, name: "spend with no area: tag", kind: nil, within: nil,
                                    spent: tally.untagged, postings: tally.untaggedCount))
        }
        try addAllocations(&rows, scope)
        return ReportFigures(filter: filter, rows: rows)
    }

    /// The agreed allocations of the grants listed set each area's budget: its shares, and its spend
    /// on the lines (or grants) they share, so the committee sees allocation against spend.
    static func addAllocations(_ rows: inout [AreaFigures], _ scope: ReportScope) throws(ReportError) {
        let ledger = scope.ledger
        let listed = Set(scope.grants)
        let agreed = ledger.allocations.filter { $0.grantID.flatMap { ledger.grantIndex[$0] }.map(listed.contains) ?? false }
        guard !agreed.isEmpty else { return }
        var allocated: [String: Money] = [:], spent: [String: Money] = [:]
        // What each allocation shares, as (grant, line or -1 for the whole award).
        var shared: Set<[Int32]> = []
        for allocation in agreed {
            guard let grantID = allocation.grantID, let grant = ledger.grantIndex[grantID] else { continue }
            let line = allocation.lineID.flatMap { ledger.grants[grant].lineIndex($0) } ?? -1
            shared.insert([Int32(grant), Int32(line)])
            for share in allocation.shares {
                allocated[share.areaID] = try (allocated[share.areaID] ?? .zero).plus(share.amount, "allocated")
            }
        }
        for posting in ledger.postings where ledger.isSpend(posting) && posting.area >= 0 && scope.includes(posting)
            && (shared.contains([posting.grant, posting.grantLine]) || shared.contains([posting.grant, -1])) {
            let id = ledger.areas[Int(posting.area)].id
            spent[id] = try (spent[id] ?? .zero).plus(posting.amount, "spent on allocations")
        }
        let forecast = try forecasts(agreed, scope)
        for index in rows.indices {
            guard case .id(let id) = rows[index].key else { continue }
            rows[index].allocated = allocated[id] ?? .zero
            rows[index].spentOnAllocation = spent[id] ?? .zero
            rows[index].forecastOnAllocation = forecast[id] ?? .zero
        }
    }

    /// Each area's forecast on the allocations, to the end of the dates asked for (else the books'
    /// last day): its spend on each shared line to that day, then its part of what the line's
    /// forecast (report budget's, by entry or profile) has still to spend, shared to the penny in
    /// proportion to what is left of each area's share (by the shares, when nothing is left).
    static func forecasts(_ agreed: [AgreedAllocation], _ scope: ReportScope) throws(ReportError) -> [String: Money] {
        let ledger = scope.ledger
        let day = scope.end ?? ledger.transactions.map(\.date).max() ?? Day(daysSinceEpoch: 0)
        var forecast: [String: Money] = [:]
        for allocation in agreed {
            guard let grantID = allocation.grantID, let grant = ledger.grantIndex[grantID] else { continue }
            let lines = try BudgetReport.figures(ledger, ReportFilter(to: day, grantID: grantID), BudgetSettings(asOf: day)).rows
                .filter { allocation.lineID == nil || $0.key == .id(allocation.lineID ?? "") }
            let ahead = try Money.total(try lines.map { line throws(ReportError) in try line.forecast.minus(line.actualToDate, "forecast") }, "forecast")
            let line = allocation.lineID.flatMap { ledger.grants[grant].lineIndex($0) }
            var spent: [String: Money] = [:]
            for posting in ledger.postings where posting.grant == Int32(grant) && ledger.isSpend(posting) && posting.area >= 0
                && (line.map { posting.grantLine == Int32($0) } ?? true) && ledger.transactions[Int(posting.transaction)].date <= day {
                let id = ledger.areas[Int(posting.area)].id
                spent[id] = try (spent[id] ?? .zero).plus(posting.amount, "spent on allocations")
            }
            let left = allocation.shares.map { Rational(pence: max(.zero, Money(pence: $0.amount.pence - (spent[$0.areaID] ?? .zero).pence))) }
            let parts = LargestRemainder.share(ahead, by: left) ?? LargestRemainder.share(ahead, by: allocation.shares.map { Rational(pence: $0.amount) })
                ?? allocation.shares.map { _ in Money.zero }
            for (share, part) in zip(allocation.shares, parts) {
                let own = try (spent[share.areaID] ?? .zero).plus(part, "forecast")
                forecast[share.areaID] = try (forecast[share.areaID] ?? .zero).plus(own, "forecast")
            }
        }
        return forecast
    }

    public static func table(_ figures: ReportFigures<AreaFigures>) throws(ReportError) -> Report {
        let spendTable = try figures.spendTable("Areas", key: .text("area", "Area", label: true),
                                                details: [.text("type", "Type"), .text("within", "Within")])
        guard figures.rows.contains(where: { $0.allocated != nil }) else { return spendTable }
        // Agreed allocations: each area's share, its spend on what was shared, and what is left of it.
        let columns = spendTable.columns + [.money("allocated", "Allocated"), .money("spent_on_allocation", "Spent on it"),
                                            .money("allocation_left", "Left of it"), .money("allocation_forecast", "Forecast on it")]
        let rows = zip(spendTable.rows, figures.rows).map { row, area in
            ReportRow(row.cells + [area.allocated.map(ReportCell.money) ?? .empty, area.spentOnAllocation.map(ReportCell.money) ?? .empty,
                                   area.allocated.map { allocated in
                                       .money(Money(pence: allocated.pence - (area.spentOnAllocation ?? .zero).pence)) } ?? .empty,
                                   area.forecastOnAllocation.map(ReportCell.money) ?? .empty])
        }
        return try Report(title: spendTable.title + ", against the agreed allocations", columns: columns, rows: rows)
    }
}
