/// Decides, cell by cell, whether a figure goes in as a live formula or as its exact value, by the
/// one rule of `SpreadsheetBound`: a formula only where any spreadsheet's binary arithmetic is sure
/// to reproduce the program's exact figure within half the oracle's tolerance (and, for money, within a
/// quarter of a penny). A figure that fails
/// is entered by value, in italics (`CellLook.exactValue`), and the sheet carries `note` once.
///
/// Each call returns the cell and the bound that later formulas referring to it start from: the
/// formula's own bound, or, for a value, the stored number's.
struct FormulaGate {
    /// The same words on every sheet that has such a figure.
    static let note = "Figures in italics are exact values, not formulas: spreadsheet arithmetic (binary, about 16 "
        + "significant digits) could not be relied on to reproduce them exactly."

    /// Some figure on the sheet went in by value.
    private(set) var anyByValue = false

    mutating func cell(_ formula: String, _ result: FormulaResult, _ look: CellLook = .body,
                       _ bound: SpreadsheetBound?) -> (cell: SheetCell, bound: SpreadsheetBound) {
        if let bound, let exact = result.sheetNumber, bound.value == exact, result.isMoney ? bound.agreesToThePenny : bound.agrees {
            return (.formula(formula, result, look), bound)
        }
        anyByValue = true
        return (SheetCell(result.value, look.markedExact), SpreadsheetBound.stored(result))
    }

    /// Records that the caller entered a figure by value itself (already marked).
    mutating func enteredByValue() { anyByValue = true }
}

extension FormulaResult {
    /// An amount of money, held to the penny as well as to the oracle's tolerance.
    var isMoney: Bool {
        switch self {
        case .money, .preciseMoney: return true
        default: return false
        }
    }

    /// The number a spreadsheet holds for this result (money in pounds), or nil for text.
    var sheetNumber: Rational? {
        switch self {
        case .money(let money): return try? Rational(pence: money).divided(by: Rational(100))
        case .preciseMoney(let pence): return try? pence.divided(by: Rational(100))
        case .percent(let share): return share
        case .number(let number): return number
        case .count(let count): return Rational(count)
        case .text: return nil
        }
    }
}
