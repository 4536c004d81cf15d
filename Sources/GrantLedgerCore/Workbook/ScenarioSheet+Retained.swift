/// Below a scenario sheet's totals: a row per top-slice retained centrally (its Amount cell points
/// at its setting above the table), then the pot as the SUM of the Amount column's total and those
/// rows, so that the column visibly adds up to the pot, as the `allocate` table's last line does.
extension ScenarioSheet {
    /// The rows, each with its top-slice (nil for the pot's); none when nothing is retained.
    static func retainedRows(_ layout: Layout, totalsAt: Int, _ rowOf: [Setting: Int],
                             _ gate: inout FormulaGate) -> [(slice: TopSlice?, cells: [SheetCell])] {
        let a = layout.a
        guard !a.retainedSlices.isEmpty, layout.n > 0 else { return [] }
        var rows: [(slice: TopSlice?, cells: [SheetCell])] = []
        var bounds = [totalAmountBound(layout)]
        for (i, slice) in a.topSlices.enumerated() where slice.area == nil {
            var cells = [SheetCell](repeating: .empty, count: layout.columnCount)
            cells[0] = .text("Retained centrally: \(slice.name)")
            let made = rowOf[.topSlice(i)].map { row in
                gate.cell("=" + CellRef(row: row, column: 1).a1, .money(slice.amount), .body, B.stored(slice.amount))
            }
            cells[layout.amount] = made?.cell ?? .money(slice.amount)
            bounds.append(made?.bound ?? B.stored(slice.amount))
            rows.append((slice, cells))
        }
        var pot = [SheetCell](repeating: .empty, count: layout.columnCount)
        pot[0] = .text("Pot", .total)
        let column = CellArea(column: layout.amount, rows: totalsAt...(totalsAt + rows.count))
        pot[layout.amount] = gate.cell("=SUM(\(column.a1))", .money(a.pot), .total, B.sum(bounds)).cell
        rows.append((nil, pot))
        return rows
    }
}

/// Whether a reader may change a scenario sheet's inputs. Floors, caps, damping, top-slices paid to
/// areas and figures entered by value are met by the program, not by the sheet's formulas: a pot
/// typed in would move the formula amounts but not re-run them, and could show a floor broken with
/// nothing to say so. Such a sheet is locked (protected without a password, so it is a guard, not
/// a secret) and says so by the pot.
extension ScenarioSheet {
    /// What the program works out that the sheet does not re-run; empty when every figure follows
    /// the inputs.
    static func lockedBy(_ a: Allocation, _ check: ScenarioChecks, byValueBelow: Bool = false) -> [String] {
        var steps: [String] = []
        let floors = a.areas.compactMap(\.floorAmount), caps = a.areas.compactMap(\.capAmount)
        if !floors.isEmpty { steps.append(Set(floors).count == 1 && floors.count == a.areas.count ? "the floor" : "the floors") }
        if !caps.isEmpty { steps.append(Set(caps).count == 1 && caps.count == a.areas.count ? "the cap" : "the caps") }
        if a.damping != nil { steps.append("damping") }
        if a.topSlices.contains(where: { $0.area != nil }) { steps.append("top-slices paid to areas") }
        if steps.isEmpty && !check.everyStepIsLive { steps.append("the rounding") }
        if steps.isEmpty && (check.anyByValue || byValueBelow) { steps.append("the figures in italics") }
        return steps
    }

    /// The note by the pot: what follows a change, or why nothing may be changed here.
    static func potNote(_ layout: Layout, reallocateBy: String?) -> String {
        let steps = layout.lockedBy
        guard let last = steps.last else {
            let what = layout.a.topSlices.isEmpty ? "the pot or a weight" : "the pot, a top-slice or a weight"
            return "Change \(what) (the shaded cells): every share, amount and rounding below follows."
        }
        let listed = steps.count == 1 ? last : steps.dropLast().joined(separator: ", ") + " and " + last
        let one = steps.count == 1 && ["the floor", "the cap", "damping", "the rounding"].contains(last)
        return "Locked: \(listed) \(one ? "is" : "are") met by grantledger, and the amounts below do not re-run "
            + "\(one ? "it" : "them") for a pot or weight typed here. To try another pot, re-run \(reallocateBy ?? "the allocation") "
            + "with it. (Protected without a password: a guard, not a secret.)"
    }
}
