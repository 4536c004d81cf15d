/// Meeting a floor: areas whose amount falls below it are lifted to it, and the cost is met by scaling
/// down the areas above it in proportion, repeated until none falls below.
///
/// Each round of that repetition lowers the common factor, so an area once below stays below, and the
/// areas that end up floored are always those with the smallest formula amounts. So instead of
/// repeating rounds (quadratic in the worst case) the areas are sorted once and the first count of
/// smallest areas that leaves everyone else at or above the floor is found in one pass: the same
/// fixed point, in n log n.
enum FloorAdjustment {
    struct Outcome {
        var amounts: [Rational]
        var floored: [Bool]
        var flooring: Flooring
    }

    /// `amounts` are exact formula amounts in pence adding up to `pot`; `floor × count ≤ pot`.
    static func apply(_ amounts: [Rational], pot: Money, floor: Money) -> Outcome {
        let floorValue = Rational(pence: floor)
        let potValue = Rational(pence: pot)
        let ascending = amounts.indices.sorted { amounts[$0] != amounts[$1] ? amounts[$0] < amounts[$1] : $0 < $1 }
        var scaledTotal = Rational.sum(amounts)
        var remaining = potValue
        var flooredCount = 0
        var factor = Rational.one
        // Try floored = the k smallest, k = 0, 1, …; stop at the first k where the next smallest,
        // scaled, is at or above the floor. Equal amounts scale alike, so a tie group goes together.
        while flooredCount < ascending.count {
            factor = (try? remaining.divided(by: scaledTotal)) ?? .zero
            let next = amounts[ascending[flooredCount]]
            if next * factor >= floorValue { break }
            scaledTotal -= next
            remaining -= floorValue
            flooredCount += 1
        }
        if flooredCount == ascending.count { factor = .zero }
        var result = amounts
        var floored = [Bool](repeating: false, count: amounts.count)
        for (position, index) in ascending.enumerated() {
            if position < flooredCount {
                result[index] = floorValue
                floored[index] = true
            } else {
                result[index] = amounts[index] * factor
            }
        }
        return Outcome(
            amounts: result, floored: floored,
            flooring: Flooring(floor: floor, flooredCount: flooredCount, remainingPot: remaining,
                               scaledTotal: scaledTotal, factor: factor))
    }
}
