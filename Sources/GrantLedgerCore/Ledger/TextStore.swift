/// The texts of the books' transactions and postings (descriptions, codes, references, suppliers),
/// one after another in one buffer, each known by its number.
///
/// Why not a `String` in each: a million-transaction ledger holds three million references and a
/// million descriptions. As Strings they cost 16 bytes in every posting and transaction, a block on
/// the heap for every text over 15 bytes, and a reference count touched by every copy of a posting.
/// Here a text costs its bytes and one offset, a posting holds an `Int32`, and copying a posting
/// touches no count. The bytes were checked as text when their line was read (`TextRule`).
public struct TextStore: Sendable {
    /// The number standing for no text (a posting without a `ref:` tag).
    public static let none: Int32 = -1

    private var bytes: [UInt8] = []
    /// Where each text ends in `bytes` (it starts where the one before it ends).
    private var ends: [Int] = []

    public init() {}

    /// The number of texts held.
    public var count: Int { ends.count }

    /// Keeps `text` and returns its number.
    mutating func add(_ text: UnsafeBufferPointer<UInt8>) -> Int32 {
        bytes.append(contentsOf: text)
        ends.append(bytes.count)
        return Int32(ends.count - 1)
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
    public func withBytes<R>(_ number: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard number >= 0 else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let index = Int(number)
        let start = index == 0 ? 0 : ends[index - 1], end = ends[index]
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Where text `number` lies in the bytes `withAllBytes` gives (empty for `TextStore.none`): for
    /// a loop that reads many texts inside one call rather than one closure per text.
    public func span(_ number: Int32) -> Range<Int> {
        guard number >= 0 else { return 0..<0 }
        let index = Int(number)
        return (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// Calls `body` with every text's bytes, one after another (see `span`).
    public func withAllBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try bytes.withUnsafeBufferPointer { (all) throws(E) -> R in try body(all) }
    }

    /// Whether texts `a` and `b` are the same bytes (both none counts as the same).
    public func same(_ a: Int32, _ b: Int32) -> Bool {
        if a == b { return true }
        guard a >= 0, b >= 0 else { return false }
        return withBytes(a) { first in withBytes(b) { second in first.elementsEqual(second) } }
    }

    /// Takes `other`'s texts after these, returning what to add to its numbers.
    mutating func append(_ other: TextStore) -> Int32 {
        let base = Int32(ends.count), shift = bytes.count
        bytes.append(contentsOf: other.bytes)
        ends.append(contentsOf: other.ends.lazy.map { $0 + shift })
        return base
    }

    /// Room for about `byteCount` bytes in about `textCount` texts.
    mutating func reserveCapacity(bytes byteCount: Int, texts textCount: Int) {
        bytes.reserveCapacity(byteCount)
        ends.reserveCapacity(textCount)
        SystemCalls.preferHugePages(forCapacityOf: &bytes)
        SystemCalls.preferHugePages(forCapacityOf: &ends)
    }
}
