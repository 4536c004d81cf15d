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

    /// What an allocation shares: a grant's line, or (line -1) its whole award.
    struct Shared: Hashable {
        let grant: Int32
        let line: Int32
    }

    /// The agreed allocations of the grants listed set each area's budget: its shares, its spend on
    /// the lines (or grants) they share in the dates asked for, and its forecast on them.
    static func addAllocations(_ rows: inout [AreaFigures], _ scope: ReportScope) throws(ReportError) {
        let ledger = scope.ledger
        let listed = Set(scope.grants)
        let agreed = ledger.allocations.compactMap { allocation -> (AgreedAllocation, Shared)? in
            guard let grant = allocation.grantID.flatMap({ ledger.grantIndex[$0] }), listed.contains(grant) else { return nil }
            return (allocation, Shared(grant: Int32(grant), line: Int32(allocation.lineID.flatMap { ledger.grants[grant].lineIndex($0) } ?? -1)))
        }
        guard !agreed.isEmpty else { return }
        let day = scope.end ?? ledger.lastDay
        var allocated: [String: Money] = [:], spent: [String: Money] = [:]
        for (allocation, _) in agreed {
            for share in allocation.shares {
                allocated[share.areaID] = try (allocated[share.areaID] ?? .zero).plus(share.amount, "allocated")
            }
        }
        // One pass: each area's spend on what is shared in the dates asked for, and to the forecast's day.
        let targets = Set(agreed.map(\.1))
        var toDay: [Shared: [String: Money]] = [:]
        for posting in ledger.postings where ledger.isSpend(posting) && posting.area >= 0 {
            let target = [Shared(grant: posting.grant, line: posting.grantLine), Shared(grant: posting.grant, line: -1)].first(where: targets.contains)
            guard let target else { continue }
            let id = ledger.areas[Int(posting.area)].id
            if scope.includes(posting) { spent[id] = try (spent[id] ?? .zero).plus(posting.amount, "spent on allocations") }
            if ledger.transactions[Int(posting.transaction)].date <= day {
                toDay[target, default: [:]][id] = try (toDay[target]?[id] ?? .zero).plus(posting.amount, "spent on allocations")
            }
        }
        let forecast = try forecasts(agreed, spentToDay: toDay, day: day, ledger)
        for index in rows.indices {
            guard case .id(let id) = rows[index].key else { continue }
            rows[index].allocated = allocated[id] ?? .zero
            rows[index].spentOnAllocation = spent[id] ?? .zero
            rows[index].forecastOnAllocation = forecast[id] ?? .zero
        }
    }

    /// Each area's forecast on the allocations, to `day`: its spend on each shared line to that day,
    /// then its part of what the line's forecast (report budget's, by entry or profile) has still to
    /// spend, shared to the penny in proportion to what is left of each area's share (by the shares,
    /// when nothing is left).
    static func forecasts(_ agreed: [(AgreedAllocation, Shared)], spentToDay: [Shared: [String: Money]], day: Day,
                          _ ledger: Ledger) throws(ReportError) -> [String: Money] {
        // Budget monitoring's lines to the day, once for every grant shared.
        let lines = try BudgetReport.figures(ledger, ReportFilter(to: day), BudgetSettings(asOf: day)).rows
        var forecast: [String: Money] = [:]
        for (allocation, target) in agreed {
            let shared = lines.filter { $0.grantID == allocation.grantID && (allocation.lineID == nil || $0.key == .id(allocation.lineID ?? "")) }
            let ahead = try Money.total(try shared.map { line throws(ReportError) in try line.forecast.minus(line.actualToDate, "forecast") }, "forecast")
            let spent = spentToDay[target] ?? [:]
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
