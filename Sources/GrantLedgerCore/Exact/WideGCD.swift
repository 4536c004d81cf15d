/// Greatest common divisors of 128-bit magnitudes, by the binary method: shifts and subtractions,
/// no 128-bit division (which is a slow library call), since every rational step reduces by one.
enum WideGCD {
    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        if a == 0 { return b }
        if b == 0 { return a }
        var u = a
        var v = b
        let shift = (u | v).trailingZeroBitCount
        u >>= u.trailingZeroBitCount
        repeat {
            v >>= v.trailingZeroBitCount
            if u > v { swap(&u, &v) }
            v -= u
        } while v != 0
        return u << shift
    }

    /// `gcd` of a signed value's magnitude and a positive one, as a signed value.
    static func gcd(_ a: Int128, _ b: Int128) -> Int128 {
        Int128(gcd(a.magnitude, b.magnitude))
    }
}
