import BigInt

/// What a spreadsheet computes for a cell, bounded: the exact figure and a bound on how far the
/// spreadsheet's binary double result can be from it. A formula is written only where the bound
/// is within half the tolerance the oracle (`xlsx_recalc_check.py`) compares with, relative 10^-12
/// or absolute 5·10^-7, so agreement is guaranteed rather than observed.
///
/// The model, for any IEEE-754 spreadsheet summing in any order: a stored number is the double
/// nearest its exact value (error at most u·|x|, u = 2^-53; none for an integer below 2^53); a
/// product or quotient adds u of its result; an addition of like-signed terms adds u of its result,
/// and any other addition or subtraction adds 2^-46 of the larger operand, which covers
/// LibreOffice's snapping of near-cancelling results to zero (it treats values within about 2^-48
/// of each other as equal). A SUM over n terms is n − 1 such additions, so its error is at most
/// (n − 1)·c·Σ|x| beyond its terms' own errors. Bounds are kept exact, rounded up to 16 bits.
struct SpreadsheetBound {
    let value: Rational
    let error: Rational

    static let unitRoundoff = Rational(numerator: 1, denominator: BigInt(1) << 53) ?? .zero
    static let snapping = Rational(numerator: 1, denominator: BigInt(1) << 46) ?? .zero
    /// LibreOffice 7.4 snaps a value near a whole number before ROUNDDOWN and ROUND: measured,
    /// ROUNDDOWN(10190853693.967) is …694 and ROUNDDOWN(101908536939.6) is …940 (within 3.9·10^-12
    /// relative), while ROUNDDOWN(10190853693.9) is …693 (9.8·10^-12 is not). Any whole number within
    /// 2^-32 (2.3·10^-10) relative, twenty times beyond that, counts as within reach.
    static let approxValue = Rational(numerator: 1, denominator: BigInt(1) << 32) ?? .zero

    init(value: Rational, error: Rational) {
        self.value = value
        self.error = Self.coarse(error)
    }

    /// A number entered as a value: the nearest double.
    static func stored(_ value: Rational) -> SpreadsheetBound {
        let exact = value.isInteger && value.magnitude.numerator.bitWidth <= 54
        return SpreadsheetBound(value: value, error: exact ? .zero : unitRoundoff * value.magnitude)
    }

    static func stored(pence: Rational) -> SpreadsheetBound {
        stored((try? pence.divided(by: Rational(100))) ?? .zero)
    }

    static func + (a: SpreadsheetBound, b: SpreadsheetBound) -> SpreadsheetBound {
        let sum = a.value + b.value
        let alike = !(a.value.isNegative) == !(b.value.isNegative)
        let spread = a.value.magnitude + b.value.magnitude + a.error + b.error
        let rounding = alike ? unitRoundoff * spread : snapping * spread
        return SpreadsheetBound(value: sum, error: a.error + b.error + rounding)
    }

    /// `MAX(a, b)`: the larger value, off by at most the larger error (a pick between two values
    /// closer than that is off by less).
    static func larger(_ a: SpreadsheetBound, _ b: SpreadsheetBound) -> SpreadsheetBound {
        SpreadsheetBound(value: max(a.value, b.value), error: max(a.error, b.error))
    }

    static prefix func - (a: SpreadsheetBound) -> SpreadsheetBound { SpreadsheetBound(value: -a.value, error: a.error) }
    static func - (a: SpreadsheetBound, b: SpreadsheetBound) -> SpreadsheetBound { a + -b }

    static func * (a: SpreadsheetBound, b: SpreadsheetBound) -> SpreadsheetBound {
        let product = a.value * b.value
        let carried = a.value.magnitude * b.error + b.value.magnitude * a.error + a.error * b.error
        return SpreadsheetBound(value: product, error: carried + unitRoundoff * (product.magnitude + carried))
    }

    /// nil when the divisor's bound reaches zero.
    func divided(by b: SpreadsheetBound) -> SpreadsheetBound? {
        let floor = b.value.magnitude - b.error
        guard floor > .zero, let quotient = try? value.divided(by: b.value),
              let carried = try? (error + quotient.magnitude * b.error).divided(by: floor) else { return nil }
        return SpreadsheetBound(value: quotient, error: carried + Self.unitRoundoff * (quotient.magnitude + carried))
    }

    /// SUM over `terms`, in any order.
    static func sum(_ terms: [SpreadsheetBound]) -> SpreadsheetBound {
        guard let first = terms.first else { return SpreadsheetBound(value: .zero, error: .zero) }
        let alike = terms.allSatisfy { $0.value.isNegative == first.value.isNegative || $0.value.isZero }
        return sum(total: Rational.sum(terms.map(\.value)), magnitude: Rational.sum(terms.map { $0.value.magnitude }),
                   carried: Rational.sum(terms.map(\.error)), count: terms.count, alike: alike)
    }

    /// SUM of `count` terms known only in aggregate: their exact `total`, the sum of their
    /// magnitudes, the sum of their own errors, and whether they all have one sign (zeros aside).
    static func sum(total: Rational, magnitude: Rational, carried: Rational, count: Int, alike: Bool) -> SpreadsheetBound {
        guard count > 1 else { return SpreadsheetBound(value: total, error: carried) }
        let c = alike ? unitRoundoff : snapping
        return SpreadsheetBound(value: total, error: carried + c * Rational(count - 1) * (magnitude + carried))
    }

    /// SUM (or SUBTOTAL) over `count` amounts of money entered as values, from running totals kept
    /// in pence (Int128, no per-cell Rational): each stored amount is within u of itself, so their
    /// errors add up to at most u × the magnitudes. For a column too long to hold bounds cell by cell.
    static func sumOfStoredMoney(totalPence: Int128, magnitudePence: Int128, count: Int, alike: Bool) -> SpreadsheetBound {
        let hundred = Rational(100)
        let total = (try? Rational(totalPence).divided(by: hundred)) ?? .zero
        let magnitude = (try? Rational(magnitudePence).divided(by: hundred)) ?? .zero
        return sum(total: total, magnitude: magnitude, carried: unitRoundoff * magnitude, count: count, alike: alike)
    }

    /// An amount of money entered as a value.
    static func stored(_ money: Money) -> SpreadsheetBound { stored(pence: Rational(pence: money)) }

    /// The cell holding `result` as a value: what a formula referring to it starts from.
    static func stored(_ result: FormulaResult) -> SpreadsheetBound {
        switch result {
        case .money(let money): return stored(money)
        case .preciseMoney(let pence): return stored(pence: pence)
        case .percent(let share): return stored(share)
        case .number(let number): return stored(number)
        case .count(let count): return stored(Rational(count))
        case .text: return SpreadsheetBound(value: .zero, error: .zero)
        }
    }

    /// ROUNDDOWN(x, 0) is certain to give the exact floor: no whole number within the error (nor
    /// within LibreOffice's rounding to 15 digits first).
    var floorIsCertain: Bool {
        let margin = error + Self.approxValue * value.magnitude
        if margin.isZero { return true }
        return (value - margin).floor() == (value + margin).floor()
    }

    /// ROUND(x, 0) is certain to give `target`.
    func roundsTo(_ target: Rational) -> Bool {
        let margin = error + Self.approxValue * value.magnitude
        return (value - target).magnitude + margin < Rational(1, 2) ?? .zero
    }

    /// The spreadsheet's result agrees with the exact figure within half the oracle's tolerance.
    var agrees: Bool {
        let relative = value.magnitude * (Rational(1, 1_000_000_000_000) ?? .zero)
        let absolute = Rational(5, 10_000_000) ?? .zero
        return error + error <= (relative > absolute ? relative : absolute)
    }

    /// The spreadsheet's result is also within a quarter of a penny of the exact amount (the figure
    /// is in pounds), so shown to the penny it is the exact figure: the oracle's relative tolerance
    /// alone would let an amount of trillions be a pound or more out.
    var agreesToThePenny: Bool { agrees && error <= (Rational(1, 400) ?? .zero) }

    /// `e` rounded up to a 16-bit significand, so bounds stay small numbers through a long sheet.
    static func coarse(_ e: Rational) -> Rational {
        guard !e.isZero else { return .zero }
        let n = e.magnitude.numerator, d = e.magnitude.denominator
        let shift = 16 - (n.bitWidth - d.bitWidth)
        if shift >= 0 {
            let (q, r) = (n << shift).quotientAndRemainder(dividingBy: d)
            return Rational(numerator: r.isZero ? q : q + 1, denominator: BigInt(1) << shift) ?? e
        }
        let (q, r) = n.quotientAndRemainder(dividingBy: d << -shift)
        return Rational((r.isZero ? q : q + 1) << -shift)
    }
}

extension Rational {
    var magnitude: Rational { isNegative ? -self : self }
}
