/// What the Summary and Budget sheets' tables of money share: the gate that decides formula or
/// value, the bounds of the rows since the last totals (which the totals' SUMs start from), the
/// spend columns and the percent-spent formula.
struct FigureTable {
    typealias B = SpreadsheetBound

    var gate = FormulaGate()
    /// Per column, the bound of each row's cell since the last totals row.
    private(set) var bounds: [Int: [B]] = [:]

    mutating func record(_ line: [Int: B]) {
        for (column, bound) in line { bounds[column, default: []].append(bound) }
    }

    /// Forgets the rows' bounds, after a totals row.
    mutating func startSection() { bounds = [:] }

    /// `=SUM(…)` over `rows` of `column` into `cells`, cached with the exact `total`.
    mutating func sum(_ column: Int, over rows: ClosedRange<Int>, _ total: Money, into cells: inout [SheetCell],
                      _ totalBounds: inout [Int: B]) {
        (cells[column], totalBounds[column]) = gate.cell(
            "=SUM(\(CellArea(column: column, rows: rows).a1))", .money(total), .total, B.sum(bounds[column] ?? []))
    }

    /// `=part/whole` in row `row` as a percent, when the whole is not zero.
    mutating func share(row: Int, _ part: Int, _ partMoney: Money, _ partBound: B, of whole: Int, _ wholeMoney: Money,
                        _ wholeBound: B, _ look: CellLook) -> (cell: SheetCell, bound: B)? {
        guard let share = Rational(Int128(partMoney.pence), Int128(wholeMoney.pence)) else { return nil }
        let ref = { (column: Int) in CellRef(row: row, column: column).a1 }
        return gate.cell("=\(ref(part))/\(ref(whole))", .percent(share), look, partBound.divided(by: wholeBound))
    }
}

/// The spend columns of the Summary and Budget sheets: with a year whose start leaves spend before
/// it, "Spent before YEAR", "Spent in YEAR" and their sum "Spent to DATE"; otherwise one "Spent".
struct SpendColumns {
    typealias B = SpreadsheetBound

    let spentBefore: Int?
    let spentIn: Int?
    let toDate: Int

    /// The columns, their titles appended to `titles`.
    init(appendingTo titles: inout [String], hasBefore: Bool, year: String?, position: Day) {
        if hasBefore, let year {
            spentBefore = titles.count
            titles.append("Spent before \(year)")
            spentIn = titles.count
            titles.append("Spent in \(year)")
        } else {
            spentBefore = nil
            spentIn = nil
        }
        toDate = titles.count
        titles.append(hasBefore ? "Spent to \(WorkbookText.short(position))" : "Spent")
    }

    /// One row's spend cells and their bounds: before and in the year, and to date (a formula adding them).
    func fill(_ cells: inout [SheetCell], _ line: inout [Int: B], row: Int, before: Money, spent: Money, toDate total: Money,
              _ gate: inout FormulaGate) {
        if let spentBefore, let spentIn {
            cells[spentBefore] = .money(before)
            cells[spentIn] = .money(spent)
            line[spentBefore] = B.stored(before)
            line[spentIn] = B.stored(spent)
            let ref = { (column: Int) in CellRef(row: row, column: column).a1 }
            (cells[toDate], line[toDate]) = gate.cell("=\(ref(spentBefore))+\(ref(spentIn))", .money(total), .body,
                                                      B.stored(before) + B.stored(spent))
        } else {
            cells[toDate] = .money(spent)
            line[toDate] = B.stored(spent)
        }
    }

    /// The totals row's SUMs of the spend columns.
    func sum(_ table: inout FigureTable, over rows: ClosedRange<Int>, before: Money, spent: Money, toDate total: Money,
             into cells: inout [SheetCell], _ totalBounds: inout [Int: B]) {
        if let spentBefore, let spentIn {
            table.sum(spentBefore, over: rows, before, into: &cells, &totalBounds)
            table.sum(spentIn, over: rows, spent, into: &cells, &totalBounds)
        }
        table.sum(toDate, over: rows, total, into: &cells, &totalBounds)
    }
}
