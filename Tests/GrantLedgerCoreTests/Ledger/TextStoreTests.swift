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
            #expect((0..<expected.count).map { store.string(Int32($0)) } == expected.map(Optional.some))
            #expect(store.string(TextStore.none) == nil)
            for (a, b) in zip(expected.indices, expected.indices.reversed()) {
                #expect(store.same(Int32(a), Int32(b)) == (expected[a] == expected[b]))
            }
        }
    }
}
