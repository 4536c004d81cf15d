import Testing
@testable import GrantLedgerCore

/// The eight-at-a-time byte tests against the plain definitions, for every byte value in every
/// place of a word, beside every kind of neighbour (a borrow or a carry from the next byte would
/// show here), and for the scans built on them.
@Suite("Byte words")
struct ByteWordTests {
    static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    @Test(arguments: [UInt8(0x00), 0x1F, 0x20, 0x41, 0x7F, 0x80, 0xFF])
    func everyByteInEveryPlace(_ neighbour: UInt8) {
        for place in 0..<8 {
            for value in 0...255 {
                var bytes = [UInt8](repeating: neighbour, count: 8)
                bytes[place] = UInt8(value)
                let word = Self.word(bytes)
                let mask = { (flag: (UInt8) -> Bool) in Self.word(bytes.map { flag($0) ? 0x80 : 0 }) }
                #expect(ByteWord.below(0x20, word) == mask { $0 < 0x20 }, "\(bytes)")
                #expect(ByteWord.below(0x80, word) == mask { $0 < 0x80 }, "\(bytes)")
                for pattern: UInt8 in [0x22, 0x5C, 0x5F, 0x7F, 0x0A] {
                    #expect(ByteWord.equalMask(word, ByteWord.repeated(pattern)) == mask { $0 == pattern }, "\(bytes) \(pattern)")
                }
                #expect(ByteWord.hasUnprintable(word) == bytes.contains { $0 < 0x20 || $0 >= 0x7F }, "\(bytes)")
            }
        }
    }

    @Test func printableASCIIIsFoundEightAtATimeAndInTheTail() {
        var rng = GeneratedLedger.Rng(state: 11)
        for length in 0..<40 {
            for _ in 0..<50 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...10, using: &rng) == 0 ? UInt8.random(in: 0...255, using: &rng)
                                                  : UInt8.random(in: 0x20...0x7E, using: &rng) }
                #expect(bytes.withUnsafeBufferPointer(ASCII.isPrintable) == bytes.allSatisfy { (0x20...0x7E).contains($0) }, "\(bytes)")
            }
        }
    }
}
