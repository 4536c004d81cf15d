/// UTF-8 over raw bytes, decoded in place: the readers check a whole window without making a `String`.
extension UnsafeBufferPointer where Element == UInt8 {
    /// True when the bytes are valid UTF-8: checked in place, since almost every posting has a `£`
    /// and building a `String` per line to validate it would cost an allocation each.
    var isValidUTF8: Bool { firstInvalidUTF8Offset() == nil }

    /// The offset of the first byte that is not part of valid UTF-8, or nil. With
    /// `refusingNonCharacters`, U+FFFE and U+FFFF count as invalid too (see `TextRule.isClean(window:)`).
    func firstInvalidUTF8Offset(refusingNonCharacters: Bool = false) -> Int? {
        var i = 0
        let n = count
        guard let base = baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        while i < n {
            // Skip ASCII sixteen, then eight bytes at a time: most of a ledger is ASCII.
            while i + 16 <= n && (raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                                  | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) & 0x8080_8080_8080_8080 == 0 {
                i += 16
            }
            while i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            if i >= n { break }
            let lead = self[i]
            if lead < 0x80 { i += 1; continue }
            // Two bytes (`£` is C2 A3) need no further checks: C2...DF cannot start an overlong form.
            if lead >= 0xC2 && lead <= 0xDF {
                guard i + 1 < n, self[i + 1] & 0xC0 == 0x80 else { return i }
                i += 2
                continue
            }
            guard let (scalar, length) = utf8Scalar(at: i) else { return i }
            if refusingNonCharacters && (scalar == 0xFFFE || scalar == 0xFFFF) { return i }
            i += length
        }
        return nil
    }

    /// The scalar that the UTF-8 sequence starting at `i` (a lead byte of 0x80 or more) encodes,
    /// and its length, or nil when the bytes there are not valid UTF-8 (overlong, a surrogate,
    /// past U+10FFFF, cut short).
    @inline(__always)
    func utf8Scalar(at i: Int) -> (scalar: UInt32, length: Int)? {
        let lead = self[i]
        let length: Int
        let minimum: UInt32
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
        default: return nil
        }
        guard i + length <= count else { return nil }
        for k in 1..<length {
            let byte = self[i + k]
            guard byte & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return nil }
        return (scalar, length)
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The bytes in `range`.
    @inline(__always)
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: self[range]) }
}
