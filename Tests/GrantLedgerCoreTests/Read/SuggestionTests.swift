import Foundation
import Testing
@testable import GrantLedgerCore

/// "Did you mean": a near typo gets the id meant; an ambiguous or empty start gets no guess.
@Suite struct SuggestionTests {
    let grants = ["pcc-snb-2019-20", "pcc-nwps-2021-22", "ss1-ncity-burglary", "ss1-ncity-youth", "ss4-bns", "vru-2019-20", "eiyf"]

    @Test func nearTyposAndCaseFindTheId() {
        #expect(Suggestion.closest(to: "ss4-bnz", in: grants) == "ss4-bns")
        #expect(Suggestion.closest(to: "SS4-BNS", in: grants) == "ss4-bns")
        #expect(Suggestion.closest(to: "SS4-BSN", in: grants) == "ss4-bns")
        #expect(Suggestion.closest(to: "vru", in: grants) == "vru-2019-20")
        #expect(Suggestion.closest(to: "Newark", in: ["Ashfield", "Newark and Sherwood"]) == "Newark and Sherwood")
    }

    @Test func aSlipInsideTheStartOfALongerIdFindsIt() {
        // Two edits from pcc-snb, the start of pcc-snb-2019-20, and far from every whole id.
        #expect(Suggestion.closest(to: "pcc-msb", in: grants) == "pcc-snb-2019-20")
        #expect(Suggestion.closest(to: "PCC-MSB", in: grants) == "pcc-snb-2019-20")
        #expect(Suggestion.closest(to: "pcc-nwsp", in: grants) == "pcc-nwps-2021-22")
        #expect(Suggestion.closest(to: "ss1-ncity-yuoth", in: grants) == "ss1-ncity-youth")
        // The id typed and then more: the word's start is the candidate.
        #expect(Suggestion.closest(to: "mansfield-town", in: ["ashfield", "mansfield"]) == "mansfield")
        // But a short candidate is not near a long word's start by a third of the word:
        // three edits turn "net " into "date".
        #expect(Suggestion.closest(to: "Net Amount", in: ["Date", "Invoice", "Supplier", "Cost Centre", "Amount"]) == nil)
    }

    @Test func aWholeIdComesBeforeOneThatOnlyStartsTheSame() {
        let accounts = ["expenses:youth", "expenses:youth-diversion"]
        #expect(Suggestion.closest(to: "expenses:yout", in: accounts) == "expenses:youth")
        #expect(Suggestion.closest(to: "aera", in: ["area", "area-north"]) == "area")
        // One edit from both, but only one starts with it.
        #expect(Suggestion.closest(to: "dat", in: ["amount", "vat", "date"]) == "date")
    }

    @Test func ambiguousEmptyOrShortStartsGetNoGuess() {
        #expect(Suggestion.closest(to: "", in: grants) == nil)
        #expect(Suggestion.closest(to: "", in: ["a", "b"]) == nil)
        #expect(Suggestion.closest(to: "ss", in: grants) == nil)
        #expect(Suggestion.closest(to: "pcc", in: grants) == nil)
        #expect(Suggestion.closest(to: "ss1-ncity", in: grants) == nil)
        #expect(Suggestion.closest(to: "home-office", in: ["ho", "opcc-notts"]) == nil)
        #expect(Suggestion.closest(to: "n", in: ["nottinghamshire-force", "newark-sherwood"]) == nil)
        // One edit from each of two ids: a guess between them would be arbitrary.
        #expect(Suggestion.closest(to: "line3", in: ["line1", "line2"]) == nil)
    }

    @Test func idsUnrelatedToEveryShippedIdGetNone() throws {
        for (kind, ids) in try Self.shippedIDs() {
            for word in ["housing-benefit", "zzzzzzzz", "parking-fines-2030", "qx", "-x", "ünïcødé", String(repeating: "w", count: 5000)] {
                #expect(Suggestion.closest(to: word, in: ids) == nil, "\(word) among the \(kind)")
            }
        }
    }

    /// Every one-character slip (a letter replaced, left out, doubled or swapped with the next) of
    /// every id in the shipped books suggests that id among the ids of its kind, unless the slip
    /// is as near another id (then no guess) or is another id.
    @Test func aOneCharacterSlipOfEveryShippedIdSuggestsIt() throws {
        var tried = 0, ambiguous = 0
        let bytes = { (text: String) in Array(text.utf8) }
        for (kind, ids) in try Self.shippedIDs() {
            for id in ids {
                // A slip one edit from `id` can be as near only an id a few edits from `id` itself.
                let neighbours = ids.filter { $0 != id && Self.editDistance(bytes($0), bytes(id)) <= 3 }
                for slip in Self.slips(of: Array(id.unicodeScalars)) {
                    let word = String(String.UnicodeScalarView(slip))
                    guard !ids.contains(word) else { continue }
                    tried += 1
                    let rival = neighbours.contains { Self.editDistance(bytes(word), bytes($0)) <= Self.editDistance(bytes(word), bytes(id)) }
                    let found = Suggestion.closest(to: word, in: ids)
                    if rival {
                        ambiguous += 1
                        #expect(found == nil || found == id, "\(word) (a slip of \(id) among the \(kind)) suggests \(found ?? "nothing")")
                    } else {
                        #expect(found == id, "\(word) (a slip of \(id) among the \(kind)) suggests \(found ?? "nothing")")
                    }
                }
            }
        }
        #expect(tried > 5_000 && ambiguous < tried / 20, "\(tried) slips, \(ambiguous) as near another id")
    }

    @Test func tenThousandIdsStillFindTheOneMeant() {
        var rng = RandomBooks.Rng(state: 15)
        let letters = Array("abcdefghijklmnopqrstuvwxyz-0123456789".unicodeScalars)
        var ids = (0..<10_000).map { _ in String(String.UnicodeScalarView((0..<14).map { _ in letters[Int(rng.next() % UInt64(letters.count))] })) }
        ids.append("pcc-snb-2019-20")
        #expect(Suggestion.closest(to: "pcc-msb", in: ids) == "pcc-snb-2019-20")
        let meant = ids[7_531]
        var typo = Array(meant.unicodeScalars)
        typo.swapAt(3, 4)
        if typo[3] == typo[4] { typo[3] = "!" }
        #expect(Suggestion.closest(to: String(String.UnicodeScalarView(typo)), in: ids) == meant)
        // A word as long as a whole cell is compared only as it is.
        #expect(Suggestion.closest(to: String(repeating: "a", count: 32_767), in: ids) == nil)
    }

    /// The banded table gives what the whole table gives, within the limit: on every pair of short
    /// words over three letters, the whole distance, and the nearest start either way.
    @Test func theBandedTableAgreesWithTheWholeOne() {
        var rng = RandomBooks.Rng(state: 7)
        let letters: [Unicode.Scalar] = ["a", "b", "c"]
        func word() -> [Unicode.Scalar] { (0..<Int(rng.next() % 9)).map { _ in letters[Int(rng.next() % 3)] } }
        for _ in 0..<3_000 {
            let a = word(), b = word(), limit = max(1, a.count / 3)
            guard !a.isEmpty else { continue }
            var table = DistanceTable(width: 1)
            let found = table.distances(a, Array(b.prefix(a.count + limit + 1)), limit: limit)
            let bytes = { (scalars: ArraySlice<Unicode.Scalar>) in scalars.map { UInt8($0.value) } }
            let whole = Self.editDistance(bytes(a[...]), bytes(b[...]))
            let starts = (0...b.count).map { Self.editDistance(bytes(a[...]), bytes(b[..<$0])) }
            let wordStarts = (0...a.count).map { Self.editDistance(bytes(a[..<$0]), bytes(b[...])) }
            #expect(found.whole == min(whole, limit + 1), "\(a) \(b)")
            #expect(found.start == min(starts.min() ?? 0, limit + 1), "\(a) \(b)")
            #expect(found.wordStart == min(wordStarts.min() ?? 0, limit + 1), "\(a) \(b)")
        }
    }

    @Test func aSuggestedNameListsFewIdsAndCountsMany() {
        #expect(SuggestedName("pcc-msb", among: grants) == .near("pcc-snb-2019-20"))
        #expect(SuggestedName("zzzz", among: grants) == .known(grants))
        let many = (1...13).map { "grant-\($0)" }
        #expect(SuggestedName("zzzz", among: many) == .many(13))
        #expect(SuggestedName("zzzz", among: many).hint("grants", listedBy: "report grants", declaredAs: "grant ID  Name")
            == "there are 13 grants: grantledger report grants lists them")
        #expect(SuggestedName("zzzz", among: ["a", "b"]).hint("grants", listedBy: "report grants", declaredAs: "grant ID  Name")
            == "the grants are: a, b")
        #expect(SuggestedName("zzzz", among: []).hint("grants", listedBy: "report grants", declaredAs: "grant ID  Name")
            == "there are no grants: they are declared as: grant ID  Name")
    }

    // MARK: Helpers

    /// The whole edit-distance table, no band and no limit (insert, delete, replace, or swap two
    /// neighbours): the oracle the banded one is held to.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    /// Each kind of id the shipped books declare, and the ids of it.
    static func shippedIDs() throws -> [(String, [String])] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let (ledger, diagnostics) = LedgerLoader.load(paths: [root.appendingPathComponent("ledgers").path])
        try #require(diagnostics.isEmpty && !ledger.grants.isEmpty)
        var lines: [String] = []
        for grant in ledger.grants { lines += grant.lines.map(\.id).filter { !lines.contains($0) } }
        return [("grants", ledger.grants.map(\.id)), ("lines", lines), ("areas", ledger.areas.map(\.id)),
                ("initiatives", ledger.initiatives.map(\.id)), ("accounts", ledger.accounts.map(\.name))]
    }

    /// Every word one slip from `word`: a character replaced by `x` or by the character before it,
    /// left out, doubled, or swapped with the next.
    static func slips(of word: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var slips: [[Unicode.Scalar]] = []
        for index in word.indices {
            for other in Set(["x", index > 0 ? word[index - 1] : "q"]) where other != word[index] {
                var replaced = word
                replaced[index] = other
                slips.append(replaced)
            }
            var left = word
            left.remove(at: index)
            slips.append(left)
            var doubled = word
            doubled.insert(word[index], at: index)
            slips.append(doubled)
            if index + 1 < word.count && word[index] != word[index + 1] {
                var swapped = word
                swapped.swapAt(index, index + 1)
                slips.append(swapped)
            }
        }
        return slips.filter { !$0.isEmpty }
    }
}
