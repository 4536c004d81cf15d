/// A scenario sheet's per-head and change-on-last-year columns, after the rounding: each a live
/// formula on the row's own cells (`=Amount/population`, `=Amount-Last year`, `=Change/Last year`),
/// cached with the figure `AreaAllocation` and `Allocation+Totals` give the table, gated by
/// `FormulaGate` from the bound of the row's Amount cell.
extension ScenarioSheet {
    typealias B = SpreadsheetBound

    /// The columns the per-head figures need, from column `next` on: the base's own column (unless
    /// an indicator's value column holds exactly the same figures), where the base is, and the
    /// amount per head.
    static func perHeadColumns(_ a: Allocation, at next: inout Int) -> (base: Int?, baseColumn: Int?, perHead: Int?) {
        guard let column = a.perHeadColumn else { return (nil, nil, nil) }
        let shown = a.indicators.indices.first { j in
            a.indicators[j].name == column && a.indicators[j].definition == nil && a.areas.allSatisfy { $0.values[j] == $0.perHeadBase }
        }
        if let shown {
            defer { next += 1 }
            return (nil, 1 + shown, next)
        }
        defer { next += 2 }
        return (next, next, next + 1)
    }

    /// What area `i`'s Amount cell holds, bounded.
    static func amountBound(_ layout: Layout, _ i: Int) -> B {
        i < layout.check.amountBounds.count ? layout.check.amountBounds[i] : B.stored(layout.a.areas[i].amount)
    }

    /// What the Amount column's total cell holds, bounded (a SUM, or the total by value).
    static func totalAmountBound(_ layout: Layout) -> B {
        let live = layout.check.totalSums[.amount]?.first ?? true
        return live ? B.sum(layout.a.areas.indices.map { amountBound(layout, $0) }) : B.stored(layout.a.total)
    }

    /// Area `i`'s per-head base, per head, last year, change and change %; returns the bound of its
    /// Change cell (for the column's total), or nil without last year.
    @discardableResult
    static func lastYearCells(_ cells: inout [SheetCell], _ i: Int, _ layout: Layout, _ gate: inout FormulaGate) -> B? {
        let a = layout.a, area = a.areas[i], r = layout.first + i
        func ref(_ c: Int) -> String { CellRef(row: r, column: c).a1 }
        let amount = amountBound(layout, i)
        if let perHead = layout.perHead, let baseColumn = layout.baseColumn {
            let base = area.perHeadBase ?? .zero
            if let column = layout.perHeadBase { cells[column] = SheetCell(.number(base), CellLook.body.decimals(baseDecimals(a))) }
            cells[perHead] = area.perHead.map { value in
                gate.cell("=\(ref(layout.amount))/\(ref(baseColumn))", .preciseMoney(pence: value), CellLook.body.decimals(2),
                          amount.divided(by: B.stored(base))).cell
            } ?? .text("n/a")
        }
        guard let lastYear = layout.lastYear, let changeColumn = layout.change, let percent = layout.changePercent,
              let previous = area.previous, let change = area.change else { return nil }
        cells[lastYear] = .money(previous)
        let made = gate.cell("=\(ref(layout.amount))-\(ref(lastYear))", .money(change), .body, amount - B.stored(previous))
        cells[changeColumn] = made.cell
        cells[percent] = area.changeFraction.map { fraction in
            gate.cell("=\(ref(changeColumn))/\(ref(lastYear))", .percent(fraction), CellLook.body.decimals(2),
                      made.bound.divided(by: B.stored(previous))).cell
        } ?? .text("n/a")
        return made.bound
    }

    /// The totals of those columns: the bases and last year's amounts and changes as SUMs, per head
    /// and change % of the totals (as `Allocation+Totals` gives them).
    static func lastYearTotals(_ totals: inout [SheetCell], _ layout: Layout, changes: [B], _ gate: inout FormulaGate) {
        let a = layout.a, r = layout.last + 1
        guard layout.n > 0 else { return }
        func ref(_ c: Int) -> String { CellRef(row: r, column: c).a1 }
        if let perHead = layout.perHead, let baseColumn = layout.baseColumn {
            let bases = B.sum(a.areas.map { B.stored($0.perHeadBase ?? .zero) })
            var base = bases
            if let column = layout.perHeadBase {
                let made = gate.cell("=SUM(\(layout.column(column).a1))", .number(a.perHeadBaseTotal), CellLook.total.decimals(baseDecimals(a)), bases)
                (totals[column], base) = (made.cell, made.bound)
            } else if !(layout.check.totalSums[.values].map { baseColumn - 1 < $0.count && $0[baseColumn - 1] } ?? true) {
                base = B.stored(a.perHeadBaseTotal)
            }
            totals[perHead] = a.totalPerHead.map { value in
                gate.cell("=\(ref(layout.amount))/\(ref(baseColumn))", .preciseMoney(pence: value), CellLook.total.decimals(2),
                          totalAmountBound(layout).divided(by: base)).cell
            } ?? .text("n/a", .total)
        }
        guard let lastYear = layout.lastYear, let changeColumn = layout.change, let percent = layout.changePercent,
              let last = a.previousTotal, let change = a.totalChange else { return }
        let lastMade = gate.cell("=SUM(\(layout.column(lastYear).a1))", .money(last), .total,
                                 B.sum(a.areas.map { B.stored($0.previous ?? .zero) }))
        let changeMade = gate.cell("=SUM(\(layout.column(changeColumn).a1))", .money(change), .total, B.sum(changes))
        totals[lastYear] = lastMade.cell
        totals[changeColumn] = changeMade.cell
        totals[percent] = a.totalChangeFraction.map { fraction in
            gate.cell("=\(ref(changeColumn))/\(ref(lastYear))", .percent(fraction), CellLook.total.decimals(2),
                      changeMade.bound.divided(by: lastMade.bound)).cell
        } ?? .text("n/a", .total)
    }

    /// Decimal places the per-head base is written with.
    static func baseDecimals(_ a: Allocation) -> Int { a.areas.compactMap { $0.perHeadBase.map(places) }.max() ?? 0 }
}
