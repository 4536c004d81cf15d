/// Ids for (grant, line) symbol pairs, in first-use order: an open-addressed table with a
/// multiplicative hash, since every posting with a `line:` tag looks its pair up and a `Dictionary`'s
/// seeded hashing costs more than the rest of that lookup.
struct PairIndex {
    private var keys: [UInt64] = Array(repeating: PairIndex.empty, count: 64)
    private var ids: [Int32] = Array(repeating: -1, count: 64)
    private(set) var count = 0

    /// No pair of non-negative symbols packs to this.
    private static let empty = UInt64.max

    /// The id of the pair, and whether this is its first use (the new id is then `count - 1`).
    mutating func id(grant: Int32, line: Int32) -> (id: Int32, isNew: Bool) {
        let key = UInt64(UInt32(bitPattern: grant)) << 32 | UInt64(UInt32(bitPattern: line))
        var slot = Self.slot(key, keys.count)
        while keys[slot] != Self.empty {
            if keys[slot] == key { return (ids[slot], false) }
            slot = (slot + 1) & (keys.count - 1)
        }
        let id = Int32(count)
        keys[slot] = key
        ids[slot] = id
        count += 1
        if count * 2 > keys.count { grow() }
        return (id, true)
    }

    private static func slot(_ key: UInt64, _ capacity: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & (capacity - 1)
    }

    private mutating func grow() {
        let oldKeys = keys, oldIDs = ids
        keys = Array(repeating: Self.empty, count: oldKeys.count * 2)
        ids = Array(repeating: -1, count: oldKeys.count * 2)
        for (key, id) in zip(oldKeys, oldIDs) where key != Self.empty {
            var slot = Self.slot(key, keys.count)
            while keys[slot] != Self.empty { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            ids[slot] = id
        }
    }
}
