/// `--sensitivity STEP`: how each area's amount moves when one weight moves up or down by STEP
/// (an absolute change: 5% turns a weight of 1/3 into 1/3 + 1/20), the other weights rescaled in
/// proportion so that they still sum to one. Each shifted blend is a full allocation — floors and
/// largest-remainder rounding included — so the changes are in the amounts areas would receive.
public struct Sensitivity: Sendable {
    /// One shifted blend.
    public struct Shift: Sendable {
        public let indicator: String
        /// +1 for up, -1 for down.
        public let direction: Int
        /// The shifted weights, in weight order; `nil` when the shift is impossible (the weight would
        /// leave 0…1, or no other weight is left to rescale).
        public let weights: [Rational]?
        /// `nil` when the shift is impossible, or when its blend cannot meet the caps or damping band.
        public let allocation: Allocation?
    }

    public let step: Rational
    public let base: Allocation
    public let shifts: [Shift]

    /// The shifts for every weight, up then down. `base` is the allocation with the settings as given.
    public static func run(_ table: AreaTable, _ settings: AllocationSettings, base: Allocation, step: Rational) -> Sensitivity {
        var shifts: [Shift] = []
        let weights = settings.weights.map(\.weight)
        guard let inputs = Allocator.prepare(table, settings).0 else {
            return Sensitivity(step: step, base: base, shifts: [])
        }
        for (k, setting) in settings.weights.enumerated() {
            for direction in [1, -1] {
                guard let shifted = shiftedWeights(weights, k, direction == 1 ? step : -step) else {
                    shifts.append(Shift(indicator: setting.indicator, direction: direction, weights: nil, allocation: nil))
                    continue
                }
                var changed = settings
                changed.weights = zip(settings.weights, shifted).map {
                    WeightSetting(indicator: $0.indicator, weight: $1, origin: $0.origin)
                }
                var allocation = Allocator.compute(table, changed, inputs).0
                allocation?.scenario = base.scenario
                shifts.append(Shift(indicator: setting.indicator, direction: direction, weights: shifted, allocation: allocation))
            }
        }
        return Sensitivity(step: step, base: base, shifts: shifts)
    }

    /// `weights` with `weights[k]` moved by `delta` and the others scaled to keep the sum at one.
    static func shiftedWeights(_ weights: [Rational], _ k: Int, _ delta: Rational) -> [Rational]? {
        let moved = weights[k] + delta
        guard !moved.isNegative, moved <= .one else { return nil }
        let othersBefore = Rational.one - weights[k]
        guard !othersBefore.isZero else { return nil }
        let scale = (try? (Rational.one - moved).divided(by: othersBefore)) ?? .zero
        return weights.enumerated().map { $0.offset == k ? moved : $0.element * scale }
    }
}
