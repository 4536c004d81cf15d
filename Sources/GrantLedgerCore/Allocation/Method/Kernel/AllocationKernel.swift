/// The allocation in 128-bit integers, for sweeps of thousands of weightings over the same areas.
///
/// Every area's indicator shares are put over one common denominator `L` once: share(i,k) =
/// N(i,k) / L. A weighting's weights over their common denominator B are integers A(k), so an area's
/// formula amount in units is F × M(i) / (B × L) with M(i) = Σ A(k) × N(i,k): a few integer
/// multiply-adds per area. Floors, caps and top-slices keep that form — the areas inside their limits
/// receive s(i) + R × M(i) / S for integers R and S — so largest remainder compares remainders that
/// all share one denominator, as plain integers. No fraction is reduced and nothing is allocated per
/// area per weighting.
///
/// Whenever a bound could pass 127 bits the kernel says so and the caller uses the general exact path
/// (`Allocator`), which gives the same amounts (a property test holds them equal). Damping is always
/// left to the general path.
public struct AllocationKernel: Sendable {
    let count: Int
    /// `numerators[k][i]`: share(i,k) × L.
    let numerators: [[Int128]]
    let denominator: Int128
    /// Per area, in units: top-slice, lowest and highest amount (`nil`: none).
    let slices: [Int128]
    let lows: [Int128]
    let highs: [Int128?]
    let hasLimits: Bool
    /// Units to share among the areas (pot less central top-slices) and through the formula.
    let target: Int128
    let formulaUnits: Int128

    /// Reusable buffers, so a sweep allocates nothing per weighting.
    public struct Scratch: Sendable {
        var weighted: [Int128] = []
        var remainders: [Int128] = []
        var order: [Int] = []
        var events: [Event] = []
        public init() {}
    }

    /// Where area `index` starts moving with τ (it reaches its floor from below) or stops (its cap):
    /// at τ = top / M(index). Kept small, since the solver moves events about.
    struct Event: Sendable {
        var top: Int128
        var index: Int32
        var enters: Bool
    }

    /// Why a weighting was not done here.
    public enum Miss: Error, Sendable {
        /// A 128-bit bound would overflow: use the general path.
        case tooWide
        /// The floors or caps cannot be met with these weights (the general path says so too).
        case infeasible
    }

    /// Prepares the shares of `indicators` and the settings' money in units; `nil` when they do not fit
    /// 128 bits or the settings use damping (use the general path).
    init?(_ inputs: Allocator.Inputs, _ settings: AllocationSettings) {
        guard settings.damping == nil, let unit = Int128(exactly: settings.unit.value.pence), unit > 0 else { return nil }
        count = inputs.slices.count
        var columns: [[Int128]] = []
        var totals: [Int128] = []
        for indicator in inputs.indicators {
            guard let (values, total) = Self.integerColumn(indicator.values) else { return nil }
            columns.append(values)
            totals.append(total)
        }
        var common: Int128 = 1
        for total in totals {
            guard let next = Self.lcm(common, total) else { return nil }
            common = next
        }
        var numerators: [[Int128]] = []
        for (values, total) in zip(columns, totals) {
            let scale = common / total
            var column: [Int128] = []
            column.reserveCapacity(values.count)
            for value in values {
                let (n, overflow) = value.multipliedReportingOverflow(by: scale)
                if overflow { return nil }
                column.append(n)
            }
            numerators.append(column)
        }
        self.numerators = numerators
        denominator = common

        let retained = settings.topSlices.filter { $0.area == nil }.reduce(Int128(0)) { $0 + Int128($1.amount.pence) }
        let pot = Int128(settings.pot.value.pence)
        let sliceUnits = inputs.slices.map { Int128($0) / unit }
        let targetUnits = (pot - retained) / unit
        slices = sliceUnits
        target = targetUnits
        formulaUnits = targetUnits - sliceUnits.reduce(0, +)
        var lows: [Int128] = []
        var highs: [Int128?] = []
        for index in 0..<inputs.slices.count {
            lows.append(max(Int128(inputs.floors[index]?.pence ?? 0) / unit, sliceUnits[index]))
            // A cap above the target can never bind; keeping it there bounds every product by target × D.
            highs.append(inputs.caps[index].map { min(Int128($0.pence) / unit, targetUnits) })
        }
        self.lows = lows
        self.highs = highs
        hasLimits = inputs.floors.contains { $0 != nil } || inputs.caps.contains { $0 != nil }
    }

    /// A column as integers with a positive total: the values times the least common multiple of their
    /// denominators, divided by their greatest common divisor (shares are unchanged; numbers stay small).
    static func integerColumn(_ values: [Rational]) -> ([Int128], Int128)? {
        var scale: Int128 = 1
        for value in values {
            guard case let .small(_, d) = value.storage, let next = lcm(scale, d) else { return nil }
            scale = next
        }
        var integers: [Int128] = []
        integers.reserveCapacity(values.count)
        var divisor: Int128 = 0
        for value in values {
            guard case let .small(n, d) = value.storage else { return nil }
            let (whole, overflow) = n.multipliedReportingOverflow(by: scale / d)
            if overflow { return nil }
            integers.append(whole)
            divisor = WideGCD.gcd(divisor, whole)
        }
        guard divisor > 0 else { return nil }
        var total: Int128 = 0
        for index in integers.indices {
            integers[index] /= divisor
            let (sum, overflow) = total.addingReportingOverflow(integers[index])
            if overflow { return nil }
            total = sum
        }
        return (integers, total)
    }

    static func lcm(_ a: Int128, _ b: Int128) -> Int128? {
        let g = WideGCD.gcd(a, b)
        if g == 0 { return nil }
        let (product, overflow) = (a / g).multipliedReportingOverflow(by: b)
        return overflow ? nil : product
    }

    /// The rounded amounts (pence) for `weights` (one per indicator, summing to one), written into
    /// `amounts`; throws `.tooWide` when a bound would overflow, `.infeasible` when the limits cannot
    /// be met.
    public func allocate(_ weights: [Rational], unit: Int64, into amounts: inout [Int64], scratch: inout Scratch) throws(Miss) {
        // Weights over their common denominator B.
        var common: Int128 = 1
        for weight in weights {
            guard case let .small(_, d) = weight.storage, let next = Self.lcm(common, d) else { throw .tooWide }
            common = next
        }
        var integerWeights: [Int128] = []
        integerWeights.reserveCapacity(weights.count)
        for weight in weights {
            guard case let .small(n, d) = weight.storage else { throw .tooWide }
            integerWeights.append(n * (common / d))
        }
        try allocate(integerWeights: integerWeights, over: common, unit: unit, into: &amounts, scratch: &scratch)
    }

    /// As `allocate(_:unit:into:scratch:)`, with weights given as integers over `common` (summing to it).
    public func allocate(integerWeights: [Int128], over common: Int128, unit: Int64, into amounts: inout [Int64],
                         scratch: inout Scratch) throws(Miss) {
        // D = B × L, and every product below is at most target × D: check both once.
        let (d, o1) = common.multipliedReportingOverflow(by: denominator)
        let (_, o2) = target.multipliedReportingOverflow(by: d)
        if o1 || o2 { throw .tooWide }

        // M(i) = Σ A(k) × N(i,k), at most D: A(k) ≤ B and N(i,k) ≤ L, all non-negative, Σ A(k) = B, so
        // each term and every partial sum is at most B × L = D, which fits (checked above).
        if scratch.weighted.count != count { scratch.weighted = [Int128](repeating: 0, count: count) }
        for i in 0..<count { scratch.weighted[i] = 0 }
        for (k, a) in integerWeights.enumerated() where a != 0 {
            let column = numerators[k]
            for i in 0..<count { scratch.weighted[i] += a * column[i] }
        }

        // The free areas receive s(i) + R × M(i) / S.
        var r = formulaUnits
        var s = d
        if hasLimits {
            guard let (limitedR, limitedS) = try solveLimits(scratch.weighted, &scratch.events) else { throw .infeasible }
            r = limitedR
            s = limitedS
        }

        if amounts.count != count { amounts = [Int64](repeating: 0, count: count) }
        if scratch.remainders.count != count { scratch.remainders = [Int128](repeating: 0, count: count) }
        var roundedDown: Int128 = 0
        scratch.order.removeAll(keepingCapacity: true)
        for i in 0..<count {
            let m = scratch.weighted[i]
            var whole: Int128
            var remainder: Int128 = 0
            if hasLimits, let fixed = try fixedValue(i, m, r, s) {
                whole = fixed
            } else {
                // R comes from the limits' solver, whose bound is not obvious: checked, not assumed.
                let (q, rem) = try Self.product(r, m).quotientAndRemainder(dividingBy: s)
                whole = slices[i] + q  // a part of the target plus a top-slice: both within the pot, in units
                remainder = rem
            }
            scratch.remainders[i] = remainder
            if remainder != 0 { scratch.order.append(i) }
            roundedDown += whole  // count parts of the pot, each within 10^15 units: far inside 128 bits
            // Rounded down, each area's part lies within the pot (at most 10^15 units), so Int64 holds it.
            guard let units = Int64(exactly: whole) else { throw .tooWide }
            amounts[i] = units
        }
        // Largest remainder: every remainder is over the same S, so they compare as integers, and only
        // which areas are among the `leftover` largest matters, not their order: a selection, not a sort.
        // Rounding down leaves fewer units than there are areas, so the leftover fits an Int.
        guard let leftover = Int(exactly: target - roundedDown) else { throw .tooWide }
        if leftover > 0 {
            Self.selectLargest(leftover, of: &scratch.order, by: scratch.remainders)
            for i in scratch.order.prefix(leftover) { amounts[i] += 1 }  // within the pot's units, as above
        }
        // Units times the unit is the area's part of the pot in pence, within `Money.spreadsheetLimit`.
        for i in 0..<count { amounts[i] *= unit }
    }

    /// `a × b`, or `.tooWide` when it needs more than 128 bits (the general path then answers).
    @inline(__always)
    static func product(_ a: Int128, _ b: Int128) throws(Miss) -> Int128 {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        if overflow { throw .tooWide }
        return value
    }

    /// The value (units) of an area held at a limit at the solution R / S, or `nil` when it is free.
    @inline(__always)
    private func fixedValue(_ i: Int, _ m: Int128, _ r: Int128, _ s: Int128) throws(Miss) -> Int128? {
        if s == 0 || m == 0 {
            // No share of the formula: its top-slice, within its limits.
            return clamp(slices[i], i)
        }
        // Differences of amounts in units (each within 10^15) cannot overflow; the products are checked.
        let raw = try Self.product(r, m)
        if raw < (try Self.product(lows[i] - slices[i], s)) { return lows[i] }
        if let high = highs[i], raw > (try Self.product(high - slices[i], s)) { return high }
        return nil
    }

    /// Moves the `k` indices with the largest `keys` (ties to the smaller index) to the front of
    /// `indices`, in no particular order: quickselect.
    static func selectLargest(_ k: Int, of indices: inout [Int], by keys: [Int128]) {
        @inline(__always) func before(_ a: Int, _ b: Int) -> Bool { keys[a] != keys[b] ? keys[a] > keys[b] : a < b }
        var low = 0
        var high = indices.count
        var k = k
        while high - low > 1 && k > 0 && k < high - low {
            let pivot = indices[low + (high - low) / 2]
            var split = low
            for j in low..<high where before(indices[j], pivot) {
                indices.swapAt(j, split)
                split += 1
            }
            // indices[low..<split] come before the pivot; the pivot itself is next.
            if let at = indices[split..<high].firstIndex(of: pivot) { indices.swapAt(at, split) }
            let taken = split - low + 1
            if k < taken {
                high = split
            } else {
                k -= taken
                low = split + 1
            }
        }
    }

    @inline(__always)
    private func clamp(_ value: Int128, _ i: Int) -> Int128 {
        var v = max(value, lows[i])
        if let high = highs[i], v > high { v = high }
        return v
    }

    /// R and S such that every area inside its limits receives s(i) + R × M(i) / S and the areas
    /// together receive the target; `nil` when no R / S does. The sum at τ is constant + freeBase +
    /// τ × freeSlope for the state after every event before τ. Rather than sort the events, they are
    /// split around a pivot event, as quickselect does: if the sum at the pivot reaches the target the
    /// answer lies among the earlier events, otherwise among the later ones, with the earlier ones
    /// applied. Expected linear, and the same answer as `BoundedScaling`'s sorted sweep.
    ///
    /// Sums here add at most two amounts (units, each within 10^15) or one M(i) (Σ M(i) = D) per area,
    /// so plain checked `+` and `-` cannot overflow 128 bits; products are checked and throw `.tooWide`.
    private func solveLimits(_ weighted: [Int128], _ events: inout [Event]) throws(Miss) -> (Int128, Int128)? {
        guard var sums = limitEvents(weighted, &events) else { return nil }
        let time = try lastEventShort(weighted, &events, &sums)
        let need = target - sums.constant - sums.freeBase
        return sums.freeSlope == 0 ? time : (need, sums.freeSlope)
    }

    /// What the areas add up to at τ, for the events applied so far: `constant` from the areas held at
    /// a limit, `freeBase + τ × freeSlope` from the free ones. One value, so the two steps of the
    /// solver hand it over whole (three integers on the stack: nothing allocated).
    struct LimitSums {
        var constant: Int128 = 0
        var freeBase: Int128 = 0
        var freeSlope: Int128 = 0

        /// The state past `event`: its area starts moving with τ (leaves its floor) or stops (at its cap).
        @inline(__always)
        mutating func apply(_ event: Event, slice: Int128, low: Int128, high: Int128?, weighted m: Int128) {
            if event.enters {
                constant -= low
                freeBase += slice
                freeSlope += m
            } else {
                freeBase -= slice
                freeSlope -= m
                constant += high ?? 0
            }
        }
    }

    /// The sums at τ = 0, with every τ at which an area starts or stops moving written to `events`
    /// (reusing its storage); `nil` when even at their limits the areas cannot make the target. A step
    /// of its own because it looks at each area once, whereas the search after it looks only at events.
    @inline(__always)
    private func limitEvents(_ weighted: [Int128], _ events: inout [Event]) -> LimitSums? {
        var sums = LimitSums()
        var bounded = true
        var most: Int128 = 0
        events.removeAll(keepingCapacity: true)
        for i in 0..<count {
            let m = weighted[i]
            let s = slices[i]
            if m == 0 {
                let v = clamp(s, i)
                sums.constant += v
                most += v
                continue
            }
            if let high = highs[i] { most += high } else { bounded = false }
            if s < lows[i] {
                sums.constant += lows[i]
                events.append(Event(top: lows[i] - s, index: Int32(i), enters: true))
                if let high = highs[i] { events.append(Event(top: high - s, index: Int32(i), enters: false)) }
            } else if let high = highs[i], s >= high {
                sums.constant += high
            } else {
                sums.freeBase += s
                sums.freeSlope += m
                if let high = highs[i] { events.append(Event(top: high - s, index: Int32(i), enters: false)) }
            }
        }
        if sums.constant + sums.freeBase > target || (bounded && most < target) { return nil }
        return sums
    }

    /// The τ (top / bottom) of the last event at which the areas still fall short of the target, with
    /// `sums` left as after every event up to and at it: the quickselect over `events` described at
    /// `solveLimits`. Its own step so the partitioning reads apart from the setting up; it works through
    /// buffer pointers, as it is the part of a sweep's weighting that runs longest.
    @inline(__always)
    private func lastEventShort(_ weighted: [Int128], _ events: inout [Event], _ sums: inout LimitSums)
        throws(Miss) -> (top: Int128, bottom: Int128) {
        var time = (top: Int128(0), bottom: Int128(1))
        let target = self.target
        try slices.withUnsafeBufferPointer { (slices) throws(Miss) in
        try lows.withUnsafeBufferPointer { (lows) throws(Miss) in
        try highs.withUnsafeBufferPointer { (highs) throws(Miss) in
        try weighted.withUnsafeBufferPointer { (weighted) throws(Miss) in
        try events.withUnsafeMutableBufferPointer { (events) throws(Miss) in
            @inline(__always) func apply(_ event: Event, _ sums: inout LimitSums) {
                let i = Int(event.index)
                sums.apply(event, slice: slices[i], low: lows[i], high: highs[i], weighted: weighted[i])
            }
            var low = 0
            var high = events.count
            while low < high {
                let pivot = events[low + (high - low) / 2]
                let pivotBottom = weighted[Int(pivot.index)]
                // Events before the pivot's τ to the front of the window, applied to a copy of the state.
                var split = low
                var before = sums
                for j in low..<high {
                    let event = events[j]
                    if try Self.product(event.top, pivotBottom) < Self.product(pivot.top, weighted[Int(event.index)]) {
                        apply(event, &before)
                        events.swapAt(j, split)
                        split += 1
                    }
                }
                let need = target - before.constant - before.freeBase
                if try Self.product(need, pivotBottom) <= Self.product(pivot.top, before.freeSlope) {
                    high = split
                    continue
                }
                // Past the pivot: keep the earlier events applied, and apply those at the pivot's τ.
                sums = before
                var next = split
                for j in split..<high {
                    let event = events[j]
                    if try Self.product(event.top, pivotBottom) == Self.product(pivot.top, weighted[Int(event.index)]) {
                        apply(event, &sums)
                        events.swapAt(j, next)
                        next += 1
                    }
                }
                time = (pivot.top, pivotBottom)
                low = next
            }
        }
        }
        }
        }
        }
        return time
    }
}
