/// The texts of the books' transactions and postings (descriptions, codes, references, suppliers),
/// one after another in a few buffers, each known by its number.
///
/// Why not a `String` in each: a million-transaction ledger holds three million references and a
/// million descriptions. As Strings they cost 16 bytes in every posting and transaction, a block on
/// the heap for every text over 15 bytes, and a reference count touched by every copy of a posting.
/// Here a text costs its bytes and a four-byte offset, a posting holds an `Int32`, and copying a
/// posting touches no count. The bytes were checked as text when their line was read (`TextRule`).
///
/// Why segments: a large file is read in ranges on several threads, each with texts of its own.
/// Joining them (`append`) takes the other store's segments as they are, where copying them into
/// one buffer would hold every text of the later ranges twice while it ran.
public struct TextStore: Sendable {
    /// The number standing for no text (a posting without a `ref:` tag).
    public static let none: Int32 = -1

    /// Texts numbered from `first`, one after another in `bytes`; each ends where `ends` says (and
    /// starts where the one before it ends). Under 4 GiB of bytes, so an end fits four bytes.
    private struct Segment: Sendable {
        var first: Int32
        var bytes: [UInt8] = []
        var ends: [UInt32] = []
    }

    /// Never empty: texts are added to the last.
    private var segments = [Segment(first: 0)]

    public init() {}

    /// The number of texts held.
    public var count: Int { Int(segments[segments.count - 1].first) + segments[segments.count - 1].ends.count }

    /// Keeps `text` and returns its number.
    mutating func add(_ text: UnsafeBufferPointer<UInt8>) -> Int32 {
        var last = segments.count - 1
        if segments[last].bytes.count + text.count > Int(UInt32.max) {
            segments.append(Segment(first: Int32(count)))
            last += 1
        }
        segments[last].bytes.append(contentsOf: text)
        segments[last].ends.append(UInt32(truncatingIfNeeded: segments[last].bytes.count))
        return segments[last].first + Int32(segments[last].ends.count - 1)
    }

    /// Keeps `text` and returns its number.
    mutating func add(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { add($0) }
    }

    /// Text `number`, or nil for `TextStore.none`.
    public func string(_ number: Int32) -> String? {
        guard number >= 0 else { return nil }
        return withBytes(number) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of text `number` (none for `TextStore.none`).
    @inline(__always)
    public func withBytes<R, E: Error>(_ number: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        guard number >= 0 else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        // The segment holding it: the last that starts at or before it (there are few).
        var index = segments.count - 1
        while segments[index].first > number { index -= 1 }
        let text = Int(number - segments[index].first)
        let start = text == 0 ? 0 : Int(segments[index].ends[text - 1]), end = Int(segments[index].ends[text])
        return try segments[index].bytes.withUnsafeBufferPointer { (all) throws(E) -> R in
            try body(UnsafeBufferPointer(rebasing: all[start..<end]))
        }
    }

    /// Whether texts `a` and `b` are the same bytes (both none counts as the same).
    public func same(_ a: Int32, _ b: Int32) -> Bool {
        if a == b { return true }
        guard a >= 0, b >= 0 else { return false }
        return withBytes(a) { first in withBytes(b) { second in first.elementsEqual(second) } }
    }

    /// Takes `other`'s texts after these, returning what to add to its numbers. Its segments are
    /// taken as they are, and texts added after go to a new one of this store's own (adding to a
    /// taken segment, still shared with `other`, would copy it).
    mutating func append(_ other: TextStore) -> Int32 {
        let base = Int32(count)
        guard other.count > 0 else { return base }
        if segments[segments.count - 1].ends.isEmpty { segments.removeLast() }
        for var segment in other.segments where !segment.ends.isEmpty {
            segment.first += base
            segments.append(segment)
        }
        segments.append(Segment(first: Int32(count)))
        return base
    }

    /// Room for about `byteCount` bytes in about `textCount` texts.
    mutating func reserveCapacity(bytes byteCount: Int, texts textCount: Int) {
        let last = segments.count - 1
        segments[last].bytes.reserveCapacity(min(byteCount, Int(UInt32.max)))
        segments[last].ends.reserveCapacity(textCount)
        SystemCalls.preferHugePages(forCapacityOf: &segments[last].bytes)
        SystemCalls.preferHugePages(forCapacityOf: &segments[last].ends)
    }
}
