import Foundation

/// Gives each distinct byte string (an account name, an area id) a small integer, without making a
/// `String` per lookup: the reader sees the same few hundred names millions of times.
///
/// Each name is also kept as its first and last eight bytes: for names of up to sixteen bytes (most
/// ids) those two words and the length are the whole name, so a lookup compares two integers and
/// never touches the stored bytes.
struct ByteInterner {
    private var arena: [UInt8] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt64] = []
    /// The open-addressed table: each slot holds the name's words and length beside its id, so a
    /// lookup reads one slot (one cache line) and compares integers.
    private var slots = [Slot](repeating: .empty, count: 256)

    private struct Slot {
        var head: UInt64
        var tail: UInt64
        var length: Int32
        /// -1 for an empty slot.
        var id: Int32

        static let empty = Slot(head: 0, tail: 0, length: 0, id: -1)
    }

    var count: Int { starts.count }

    /// The id of `bytes`, and whether it was new (given the next id).
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        let (head, tail) = Self.words(bytes)
        let hash = Self.hash(bytes, head, tail)
        let found = lookUp(bytes, head: head, tail: tail, hash: hash)
        if found.id >= 0 { return (found.id, false) }
        return (insert(bytes, head: head, tail: tail, hash: hash, slot: found.slot), true)
    }

    /// The id of `bytes` if it has one (nothing is added).
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let (head, tail) = Self.words(bytes)
        let found = lookUp(bytes, head: head, tail: tail, hash: Self.hash(bytes, head, tail))
        return found.id >= 0 ? found.id : nil
    }

    /// The id of `bytes` (-1 if none) and the slot it is in, or the empty slot it would take.
    @inline(__always)
    private func lookUp(_ bytes: UnsafeBufferPointer<UInt8>, head: UInt64, tail: UInt64, hash: UInt64) -> (id: Int32, slot: Int) {
        let length = Int32(truncatingIfNeeded: bytes.count)
        return slots.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = table[slot]
                if entry.id < 0 { return (-1, slot) }
                if entry.head == head && entry.tail == tail && entry.length == length
                    && (bytes.count <= 16 || equals(Int(entry.id), bytes)) {
                    return (entry.id, slot)
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Out of line: new names are rare, and the lookup above stays small enough to inline.
    @inline(never)
    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, head: UInt64, tail: UInt64, hash: UInt64,
                                 slot: Int) -> Int32 {
        let id = Int32(starts.count)
        starts.append(Int32(arena.count))
        lengths.append(Int32(bytes.count))
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        slots[slot] = Slot(head: head, tail: tail, length: Int32(bytes.count), id: id)
        if starts.count * 2 > slots.count {
            let old = slots
            slots = [Slot](repeating: .empty, count: old.count * 2)
            let mask = slots.count - 1
            for entry in old where entry.id >= 0 {
                var s = Int(truncatingIfNeeded: hashes[Int(entry.id)]) & mask
                while slots[s].id >= 0 { s = (s + 1) & mask }
                slots[s] = entry
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

    /// Whether the stored bytes of `id` equal `bytes` (of the same length), for names too long for
    /// their head and tail words to be the whole name.
    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let other = bytes.baseAddress else { return true }
        let start = Int(starts[id])
        return arena.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress else { return false }
            let a = UnsafeRawPointer(base + start), b = UnsafeRawPointer(other)
            // The first and last eight bytes are known to match; compare the words between.
            var i = 8
            while i < bytes.count - 8 {
                if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                    return false
                }
                i += 8
            }
            return true
        }
    }

    /// The first and the last eight bytes (the tail is zero for names of eight bytes or fewer, which
    /// the head holds whole, a name under eight bytes as two loads that may overlap).
    @inline(__always)
    static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (head: UInt64, tail: UInt64) {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return (0, 0) }
        let raw = UnsafeRawPointer(base)
        if n >= 8 {
            let head = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            let tail = n > 8 ? UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) : 0
            return (head, tail)
        }
        // Shorter names (an area, a line, a grant id) in two loads that may overlap: for a given
        // length, every byte is in one of them, so equal words still mean equal bytes.
        if n >= 4 {
            let low = UInt64(raw.loadUnaligned(as: UInt32.self)), high = UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            return (low | high << 32, 0)
        }
        if n >= 2 {
            let low = UInt64(raw.loadUnaligned(as: UInt16.self)), high = UInt64(raw.loadUnaligned(fromByteOffset: n - 2, as: UInt16.self))
            return (low | high << 16, 0)
        }
        return (n == 1 ? UInt64(bytes[0]) : 0, 0)
    }

    /// The two words and the length, mixed; for longer names, every word between as well (FNV-1a
    /// style). Simple, good enough for identifiers, and deterministic across runs.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let (head, tail) = words(bytes)
        return hash(bytes, head, tail)
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ head: UInt64, _ tail: UInt64) -> UInt64 {
        var hash = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(bytes.count)
        if bytes.count > 16, let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            var i = 8
            while i < bytes.count - 8 {
                hash ^= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                hash = (hash &* 0x100_0000_01b3) ^ (hash >> 29)
                i += 8
            }
        }
        // Spread every bit into the low ones, which pick the slot (MurmurHash3's finaliser).
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }
}
