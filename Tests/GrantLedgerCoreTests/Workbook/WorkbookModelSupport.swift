@testable import GrantLedgerCore

/// Reading a built `SheetModel` in tests: find a heading, a labelled row, a cell.
extension SheetModel {
    var allRows: [SheetRow] { (0..<rows.count).map { rows[$0] } }

    /// Row and column of the first cell whose text is `text`.
    func find(_ text: String, role: CellLook.Role? = nil) -> CellRef? {
        for (r, row) in allRows.enumerated() {
            for (c, cell) in row.cells.enumerated() where cell.value == .text(text) && (role == nil || cell.look.role == role) {
                return CellRef(row: r, column: c)
            }
        }
        return nil
    }

    func cell(_ ref: CellRef) -> SheetCell {
        let row = rows[ref.row]
        return ref.column < row.cells.count ? row.cells[ref.column] : .empty
    }

    func cell(row: Int, column: Int) -> SheetCell { cell(CellRef(row: row, column: column)) }

    /// The cell in the row labelled `label` (column A) under the heading `heading`.
    func cell(_ label: String, under heading: String) -> SheetCell? {
        guard let row = find(label), let column = find(heading, role: .header) else { return nil }
        return cell(row: row.row, column: column.column)
    }

    /// Every formula on the sheet with where it is.
    var formulas: [(CellRef, Formula)] {
        allRows.enumerated().flatMap { r, row in
            row.cells.enumerated().compactMap { c, cell -> (CellRef, Formula)? in
                if case .formula(let formula) = cell.value { return (CellRef(row: r, column: c), formula) }
                return nil
            }
        }
    }
}

extension SheetCell {
    var formula: Formula? {
        if case .formula(let formula) = value { return formula }
        return nil
    }

    /// The exact figure the cell holds or caches, as money when it is money.
    var money: Money? {
        switch value {
        case .money(let money): return money
        case .formula(let formula):
            if case .money(let money) = formula.result { return money }
            return nil
        default: return nil
        }
    }
}

enum WorkbookFixtures {
    static let asOf = Day.parse("2026-11-25") ?? Day(daysSinceEpoch: 0)

    static func settings(asOf: Day = asOf, year: FinancialYear? = nil, scenarios: [Allocation] = [],
                         findings: [Diagnostic] = []) -> CommitteeWorkbookSettings {
        CommitteeWorkbookSettings(
            asOf: asOf, financialYear: year, scenarios: scenarios, findings: findings,
            provenance: Provenance(toolVersion: "0.0.0-test", commandLine: "grantledger export --xlsx test.xlsx",
                                   inputs: [InputFile(path: "test.ledger", role: "ledger", bytes: 10, sha256: String(repeating: "0", count: 64))]))
    }

    static let districts = """
        area,population,crime,deprivation
        Ashfield,126300,11545,26.308
        Bassetlaw,117800,10760,22.588
        Broxtowe,110900,7209,14.238
        Gedling,117300,7625,14.894
        Mansfield,110500,11668,28.503
        Newark and Sherwood,122900,8165,19.227
        Rushcliffe,119000,5950,7.180
        """

    /// An allocation of `pot` pence over `csv` with the weights given as text.
    static func allocation(_ csv: String = districts, pot: Int64, weights: [(String, String)], unit: Int64 = 1,
                           floor: Int64? = nil) throws -> Allocation {
        let (table, problems) = AreaTable.parse(Array(csv.utf8), file: "areas.csv")
        guard problems.isEmpty, let table else { throw Failure("area data: \(problems.map(\.message))") }
        let settings = AllocationSettings(
            pot: Located(Money(pence: pot)),
            weights: try weights.map { WeightSetting(indicator: $0.0, weight: try ExactNumberParser.parseWeight($0.1)) },
            unit: Located(Money(pence: unit)), floor: floor.map { Located(Money(pence: $0)) })
        let (allocation, diagnostics) = Allocator.allocate(table, settings)
        guard let allocation else { throw Failure("allocation: \(diagnostics.map(\.message))") }
        return allocation
    }

    static let thirds = [("population", "1/3"), ("crime", "1/3"), ("deprivation", "1/3")]

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

extension WorkbookFixtures {
    /// `allocation` as if a later step (damping, say) had moved each amount before rounding a
    /// tenth of the way towards an equal split, then rounded again: a step the scenario sheet does
    /// not spell out as formulas.
    static func movedBeforeRounding(_ allocation: Allocation) -> Allocation {
        let n = allocation.areas.count
        let pot = Rational(pence: allocation.pot)
        let share = (try? pot.divided(by: Rational(n))) ?? .zero
        let tenth = Rational(1, 10) ?? .zero
        let moved = allocation.areas.map { $0.exactAmount * (Rational.one - tenth) + share * tenth }
        let unit = Rational(pence: allocation.unit)
        let rounding = LargestRemainder.round(moved.map { (try? $0.divided(by: unit)) ?? .zero },
                                              totalUnits: allocation.pot.pence / allocation.unit.pence)
        let areas = allocation.areas.enumerated().map { i, area in
            AreaAllocation(
                name: area.name, index: area.index, values: area.values, shares: area.shares,
                contributions: area.contributions, blendedShare: area.blendedShare, formulaAmount: area.formulaAmount,
                topSlice: .zero, floorAmount: nil, capAmount: nil, isFloored: false, isCapped: false,
                limitedAmount: area.limitedAmount, damping: nil, exactAmount: moved[i], wholeUnits: rounding.wholeUnits[i],
                remainder: rounding.remainders[i], remainderRank: rounding.ranks[i], receivesLeftoverUnit: rounding.extra[i],
                amount: Money(pence: (rounding.wholeUnits[i] + (rounding.extra[i] ? 1 : 0)) * allocation.unit.pence),
                previous: nil, perHeadBase: nil)
        }
        return Allocation(areaFile: allocation.areaFile, pot: allocation.pot, unit: allocation.unit, floor: nil, cap: nil,
                          indicators: allocation.indicators, sourceColumns: allocation.sourceColumns, areas: areas,
                          topSlices: [], formulaPot: allocation.formulaPot, flooring: nil, damping: nil, previousFile: nil,
                          perHeadColumn: nil, leftoverUnits: rounding.leftover)
    }
}
