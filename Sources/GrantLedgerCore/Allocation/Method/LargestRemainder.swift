/// Rounding exact amounts to whole units so that they still add up to the pot: each is rounded down,
/// and the units left over go one each to the largest remainders, ties to the area first in the file.
/// (Hamilton's method; the order of the sort makes it deterministic.)
enum LargestRemainder {
    struct Outcome {
        var wholeUnits: [Int64]
        var remainders: [Rational]
        var ranks: [Int?]
        var extra: [Bool]
        var leftover: Int64
    }

    /// `amounts` are in units and add up to `totalUnits`, which is a whole number.
    static func round(_ amounts: [Rational], totalUnits: Int64) -> Outcome {
        var wholeUnits: [Int64] = []
        var remainders: [Rational] = []
        wholeUnits.reserveCapacity(amounts.count)
        remainders.reserveCapacity(amounts.count)
        // Each part is at most the pot, so even their count times the largest Int64 fits 128 bits.
        var roundedDown: Int128 = 0
        for amount in amounts {
            let whole = amount.floor()
            // Each part is at most the pot, which is an Int64 number of units.
            let units = WideConversion.clampedInt64(whole)
            wholeUnits.append(units)
            remainders.append(amount - Rational(units))
            roundedDown += Int128(units)
        }
        // Rounding down leaves fewer units than there are parts (never more than an Int64 holds).
        let leftover = Int64(Int128(totalUnits) - roundedDown)
        let order = amounts.indices.filter { !remainders[$0].isZero }.sorted { a, b in
            remainders[a] != remainders[b] ? remainders[a] > remainders[b] : a < b
        }
        var ranks = [Int?](repeating: nil, count: amounts.count)
        var extra = [Bool](repeating: false, count: amounts.count)
        for (place, index) in order.enumerated() {
            ranks[index] = place + 1
            if place < leftover { extra[index] = true }
        }
        return Outcome(wholeUnits: wholeUnits, remainders: remainders, ranks: ranks, extra: extra, leftover: leftover)
    }

    /// `total` in proportion to `weights`, to the penny: the pennies left after rounding down go one
    /// each to the largest remainders, ties to the earliest, so the parts make `total` exactly. Nil
    /// when no weight is above nothing. (Profiles and the budget chart's forecast share money so.)
    static func share(_ total: Money, by weights: [Rational]) -> [Money]? {
        var sum = Rational.zero
        for weight in weights { sum = sum + weight }
        guard sum > .zero, let perWeight = try? Rational(total.pence).divided(by: sum) else { return nil }
        let outcome = round(weights.map { perWeight * $0 }, totalUnits: total.pence)
        return outcome.wholeUnits.indices.map { Money(pence: outcome.wholeUnits[$0] + (outcome.extra[$0] ? 1 : 0)) }
    }
}
