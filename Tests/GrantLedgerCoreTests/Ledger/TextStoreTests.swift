import PropertyBased
import Testing
@testable import GrantLedgerCore

/// The texts' store: whatever the order of adding texts and taking other stores' (as ranges of a
/// file read in parallel are joined), every number gives back its text, against a plain array of
/// the texts added.
@Suite("Text store")
struct TextStoreTests {
    @Test func everyNumberGivesBackItsText() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000_000)) { seed in
            var rng = GeneratedLedger.Rng(state: UInt64(seed))
            var store = TextStore(), expected: [String] = []
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                var other = TextStore(), added: [String] = []
                for _ in 0..<Int.random(in: 0...5, using: &rng) {
                    let text = String(repeating: ["", "a", "é", "Youth Club", "£"].randomElement(using: &rng)!, count: Int.random(in: 0...3, using: &rng))
                    if Bool.random(using: &rng) {
                        #expect(Int(store.add(text)) == expected.count)
                        expected.append(text)
                    } else {
                        #expect(Int(other.add(text)) == added.count)
                        added.append(text)
                    }
                }
                let base = store.append(other)
                #expect(Int(base) == expected.count, "numbers of the store taken follow this one's")
                expected += added
                #expect(store.count == expected.count)
            }
            // A store that has itself taken others' (several segments, an empty one last) is taken whole.
            var nested = TextStore(), inner = TextStore(), nestedTexts: [String] = []
            for text in ["x", "", "yz"] { _ = inner.add(text); nestedTexts.append(text) }
            _ = nested.append(inner)
            _ = nested.add("after")
            nestedTexts.append("after")
            #expect(Int(store.append(nested)) == expected.count)
            expected += nestedTexts
            #expect((0..<expected.count).map { store.string(Int32($0)) } == expected.map(Optional.some))
            #expect(store.string(TextStore.none) == nil)
            for (a, b) in zip(expected.indices, expected.indices.reversed()) {
                #expect(store.same(Int32(a), Int32(b)) == (expected[a] == expected[b]))
            }
        }
    }

    /// The texts taken are not copied, then or when texts are added after: their bytes stay where
    /// they were (copying the later ranges' texts is what the segments are for).
    @Test func textsTakenAreNotCopied() {
        var store = TextStore(), other = TextStore()
        _ = store.add("first")
        let taken = other.add(String(repeating: "a long description ", count: 100))
        let before = other.withBytes(taken) { UInt(bitPattern: $0.baseAddress) }
        let base = store.append(other)
        other = TextStore()
        for index in 0..<1000 { _ = store.add("added \(index)") }
        #expect(store.withBytes(base + taken) { UInt(bitPattern: $0.baseAddress) } == before)
        #expect(store.string(base + taken) == String(repeating: "a long description ", count: 100))
    }
}
