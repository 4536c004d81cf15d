import BigInt

/// Conversions between `Int128` and `BigInt` done word by word: BigInt 6.0.1's generic
/// `Int128(exactly:)` drops the high word of negative values, so it is not used.
enum WideConversion {
    static func big(_ value: Int128) -> BigInt {
        let magnitude = value.magnitude
        let words = [UInt(truncatingIfNeeded: magnitude), UInt(truncatingIfNeeded: magnitude >> 64)]
        return BigInt(sign: value < 0 ? .minus : .plus, magnitude: BigUInt(words: words))
    }

    /// The value when it fits in `Int128` without being `Int128.min`; otherwise `nil`.
    static func small(_ value: BigInt) -> Int128? {
        let magnitude = value.magnitude
        guard magnitude.bitWidth <= 127 else { return nil }
        var bits: UInt128 = 0
        for (index, word) in magnitude.words.enumerated() {
            if index >= 2 { if word != 0 { return nil } else { continue } }
            bits |= UInt128(word) << (64 * index)
        }
        guard bits <= UInt128(Int128.max) else { return nil }
        return value.sign == .minus ? -Int128(bits) : Int128(bits)
    }
}

extension WideConversion {
    /// The nearest `Int64` (clamped at its ends).
    static func clampedInt64(_ value: BigInt) -> Int64 {
        if let small = small(value) { return Int64(clamping: small) }
        return value.sign == .minus ? .min : .max
    }
}
