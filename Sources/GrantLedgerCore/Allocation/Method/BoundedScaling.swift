/// The one rule behind floors, caps and damping: find a factor t ≥ 0 such that
///
///     Σ clamp(base(i) + t × slope(i), low(i), high(i)) = target
///
/// Floors and caps use base = the area's top-slice and slope = its formula amount, so areas inside
/// their limits are all scaled by the same t (down to pay for floors, up to share out what caps hold
/// back); damping uses base = last year's amount and slope = the gain, so that gains are scaled.
///
/// The sum is a non-decreasing, piecewise-linear function of t, bending only where an area reaches a
/// limit. The bends are sorted once and walked in order until the sum reaches the target: n log n,
/// where "lift the areas below, rescale the rest, repeat" is quadratic in the worst case. It gives
/// the same fixed point, since every area's amount is the same function of t either way.
enum BoundedScaling {
    struct Item {
        var base: Rational
        /// Zero or more.
        var slope: Rational
        var low: Rational
        /// `nil` for no upper limit. Never below `low`.
        var high: Rational?
    }

    /// Where an item ended: held at its low limit, free (scaled), or held at its high limit.
    enum Position: Sendable, Equatable {
        case low, free, high
    }

    struct Outcome {
        var factor: Rational
        var values: [Rational]
        var positions: [Position]
        /// Σ of the values of the items held at a limit, or constant (slope zero).
        var fixedTotal: Rational
        /// Σ base over the free items with a positive slope.
        var freeBase: Rational
        /// Σ slope over the free items: what t multiplies.
        var freeSlope: Rational
    }

    /// The least and the most the items can add up to (at t = 0, and as t grows without bound;
    /// `nil` when there is no upper bound).
    static func reach(_ items: [Item]) -> (least: Rational, most: Rational?) {
        var least = Rational.zero
        var most: Rational? = .zero
        for item in items {
            let start = clamp(item.base, item)
            least += start
            if item.slope.isZero || item.slope.isNegative {
                most = most.map { $0 + start }
            } else if let high = item.high {
                most = most.map { $0 + high }
            } else {
                most = nil
            }
        }
        return (least, most)
    }

    static func clamp(_ value: Rational, _ item: Item) -> Rational {
        var v = value < item.low ? item.low : value
        if let high = item.high, v > high { v = high }
        return v
    }

    /// `nil` when the target is out of reach (see `reach`).
    static func solve(_ items: [Item], target: Rational) -> Outcome? {
        let (least, most) = reach(items)
        if target < least { return nil }
        if let most, target > most { return nil }

        // State just after t = 0, and the events where an item starts or stops moving.
        var constant = Rational.zero
        var freeBase = Rational.zero
        var freeSlope = Rational.zero
        struct Event { var time: Rational; var index: Int; var enters: Bool }
        var events: [Event] = []
        events.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard item.slope > .zero else {
                constant += clamp(item.base, item)
                continue
            }
            let inverse = (try? item.slope.reciprocal()) ?? .zero
            let highTime = item.high.map { ($0 - item.base) * inverse }
            if item.base < item.low {
                constant += item.low
                events.append(Event(time: (item.low - item.base) * inverse, index: index, enters: true))
                if let highTime { events.append(Event(time: highTime, index: index, enters: false)) }
            } else if let high = item.high, item.base >= high {
                constant += high
            } else {
                freeBase += item.base
                freeSlope += item.slope
                if let highTime { events.append(Event(time: highTime, index: index, enters: false)) }
            }
        }
        // Entries before exits at the same time: an item whose limits are equal passes straight through.
        events.sort { a, b in a.time != b.time ? a.time < b.time : (a.enters && !b.enters) }

        var time = Rational.zero
        var solved: Rational?
        for event in events {
            let sumAtEvent = constant + freeBase + event.time * freeSlope
            if sumAtEvent >= target {
                solved = freeSlope.isZero ? time : (target - constant - freeBase).divided(byNonZero: freeSlope)
                break
            }
            let item = items[event.index]
            if event.enters {
                constant -= item.low
                freeBase += item.base
                freeSlope += item.slope
            } else {
                freeBase -= item.base
                freeSlope -= item.slope
                constant += item.high ?? .zero
            }
            time = event.time
        }
        let factor = solved ?? (freeSlope.isZero ? time : (target - constant - freeBase).divided(byNonZero: freeSlope))

        return outcome(items, factor: factor)
    }

    /// Every item at `factor`: its value, where it sits, and the totals of the fixed and free items.
    static func outcome(_ items: [Item], factor: Rational) -> Outcome {
        var values: [Rational] = []
        var positions: [Position] = []
        values.reserveCapacity(items.count)
        positions.reserveCapacity(items.count)
        var fixedTotal = Rational.zero
        var base = Rational.zero
        var slope = Rational.zero
        for item in items {
            let raw = item.base + factor * item.slope
            let position: Position
            if raw < item.low {
                position = .low
            } else if let high = item.high, raw > high {
                position = .high
            } else {
                position = .free
            }
            let value = clamp(raw, item)
            values.append(value)
            positions.append(position)
            if position == .free && item.slope > .zero {
                base += item.base
                slope += item.slope
            } else {
                fixedTotal += value
            }
        }
        return Outcome(factor: factor, values: values, positions: positions, fixedTotal: fixedTotal,
                       freeBase: base, freeSlope: slope)
    }
}
