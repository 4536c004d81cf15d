import Foundation

/// Gives each distinct byte string (an account name, an area id) a small integer, without making a
/// `String` per lookup: the reader sees the same few hundred names millions of times.
struct ByteInterner {
    private var arena: [UInt8] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32] = Array(repeating: -1, count: 256)

    var count: Int { starts.count }

    /// The id of `bytes`, and whether it was seen for the first time.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash && equals(Int(id), bytes) { return (id, false) }
            slot = (slot + 1) & mask
        }
        return (insert(bytes, hash: hash, slot: slot), true)
    }

    /// Out of line: new names are rare, and the lookup above stays small enough to inline.
    @inline(never)
    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, slot: Int) -> Int32 {
        let id = Int32(starts.count)
        starts.append(Int32(arena.count))
        lengths.append(Int32(bytes.count))
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        slots[slot] = id
        if starts.count * 2 > slots.count {
            slots = Array(repeating: -1, count: slots.count * 2)
            let mask = slots.count - 1
            for (index, h) in hashes.enumerated() {
                var s = Int(truncatingIfNeeded: h) & mask
                while slots[s] >= 0 { s = (s + 1) & mask }
                slots[s] = Int32(index)
            }
        }
        return id
    }

    mutating func intern(_ text: String) -> Int32 {
        var copy = text
        return copy.withUTF8 { intern($0).id }
    }

    func string(_ id: Int32) -> String {
        let start = Int(starts[Int(id)]), length = Int(lengths[Int(id)])
        return String(decoding: arena[start..<start + length], as: UTF8.self)
    }

    /// Calls `body` with the bytes of `id`.
    func withBytes<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = Int(starts[Int(id)]), length = Int(lengths[Int(id)])
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<start + length])) }
    }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = Int(lengths[id])
        guard length == bytes.count else { return false }
        guard length > 0, let other = bytes.baseAddress else { return true }
        let start = Int(starts[id])
        return arena.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress else { return false }
            return Self.same(UnsafeRawPointer(base + start), UnsafeRawPointer(other), length)
        }
    }

    /// Whether `count` bytes at `a` and `b` are equal, eight at a time (names are short: a call to
    /// `memcmp` would cost more than the comparison).
    @inline(__always)
    private static func same(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        if count < 8 {
            for i in 0..<count where a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) {
                return false
            }
            return true
        }
        var i = 0
        while i + 8 < count {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        // The last eight bytes, overlapping what was compared already.
        return a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }

    /// FNV-1a style over eight bytes at a time, the last partial word in one load, then mixed: simple,
    /// good enough for identifiers, and deterministic across runs.
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(n)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            hash ^= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            hash = (hash &* 0x100_0000_01b3) ^ (hash >> 29)
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            if n >= 8 {
                // The last eight bytes, shifted down to the ones not yet hashed.
                tail = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) >> (8 * (8 - (n - i)))
            } else {
                for k in i..<n { tail |= UInt64(bytes[k]) << (8 * (k - i)) }
            }
            hash ^= tail
            hash = (hash &* 0x100_0000_01b3) ^ (hash >> 29)
        }
        // Spread every byte into the low bits, which pick the slot (MurmurHash3's finaliser).
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }
}
