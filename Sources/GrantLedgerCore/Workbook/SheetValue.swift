/// What a cell holds, typed, with every figure exact. A writer decides how each kind looks (a £
/// format for money, a date format for days) and converts to the spreadsheet's binary numbers only
/// at the cell.
public enum SheetValue: Hashable, Sendable {
    case empty
    /// Always stored as text, whatever it starts with (`=`, `+`, `-`, `@` included).
    case text(String)
    case money(Money)
    /// An exact amount of pence that need not be whole: an allocation before rounding.
    case preciseMoney(pence: Rational)
    /// A share or rate shown as a percent (`1/3` shows as 33.33%).
    case percent(Rational)
    /// Any other exact quantity: an indicator value, a number of rounding units.
    case number(Rational)
    case count(Int)
    case date(Day)
    /// A live formula and the program's own exact result, stored as its cached value.
    case formula(Formula)
}

/// A formula's text (built by the program, never taken from input) and its exact result.
public struct Formula: Hashable, Sendable {
    /// With the leading `=`: `=B5/SUM(B$5:B$11)`.
    public let text: String
    public let result: FormulaResult

    public init(_ text: String, _ result: FormulaResult) {
        self.text = text.hasPrefix("=") ? text : "=" + text
        self.result = result
    }
}

/// The program's result for a formula: the value a reader sees before recalculating, and the value a
/// recalculation must reproduce.
public enum FormulaResult: Hashable, Sendable {
    case text(String)
    case money(Money)
    case preciseMoney(pence: Rational)
    case percent(Rational)
    case number(Rational)
    case count(Int)
}

extension SheetValue {
    /// A figure (money, a percent, a number), which is shown right-aligned, as opposed to text or a date.
    public var isFigure: Bool {
        switch self {
        case .money, .preciseMoney, .percent, .number, .count: return true
        case .empty, .text, .date: return false
        case .formula(let formula):
            if case .text = formula.result { return false }
            return true
        }
    }
}

extension SheetValue {
    /// The money a money cell holds, or nil.
    var money: Money? {
        if case .money(let money) = self { return money }
        return nil
    }
}

extension FormulaResult {
    /// The result as a plain value: what the cell holds when the formula is left out.
    public var value: SheetValue {
        switch self {
        case .text(let text): return .text(text)
        case .money(let money): return .money(money)
        case .preciseMoney(let pence): return .preciseMoney(pence: pence)
        case .percent(let share): return .percent(share)
        case .number(let number): return .number(number)
        case .count(let count): return .count(count)
        }
    }
}
