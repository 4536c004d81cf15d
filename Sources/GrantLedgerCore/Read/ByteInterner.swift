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
        var mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash && equals(Int(id), bytes) { return (id, false) }
            slot = (slot + 1) & mask
        }
        let id = Int32(starts.count)
        starts.append(Int32(arena.count))
        lengths.append(Int32(bytes.count))
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        slots[slot] = id
        if starts.count * 2 > slots.count {
            slots = Array(repeating: -1, count: slots.count * 2)
            mask = slots.count - 1
            for (index, h) in hashes.enumerated() {
                var s = Int(truncatingIfNeeded: h) & mask
                while slots[s] >= 0 { s = (s + 1) & mask }
                slots[s] = Int32(index)
            }
        }
        return (id, true)
    }

    mutating func intern(_ text: String) -> Int32 {
        var copy = text
        return copy.withUTF8 { intern($0).id }
    }

    func string(_ id: Int32) -> String {
        let start = Int(starts[Int(id)]), length = Int(lengths[Int(id)])
        return String(decoding: arena[start..<start + length], as: UTF8.self)
    }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = Int(lengths[id])
        guard length == bytes.count else { return false }
        guard length > 0, let other = bytes.baseAddress else { return true }
        let start = Int(starts[id])
        return arena.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress else { return false }
            return memcmp(base + start, other, length) == 0
        }
    }

    /// FNV-1a over eight bytes at a time, then the tail byte by byte: simple, good enough for
    /// identifiers, and deterministic across runs.
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            hash ^= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            hash = (hash &* 0x100_0000_01b3) ^ (hash >> 29)
            i += 8
        }
        while i < n {
            hash ^= UInt64(bytes[i])
            hash = hash &* 0x100_0000_01b3
            i += 1
        }
        return hash
    }
}
