/// "Did you mean …?" for a mistyped id or name: the one algorithm every reader and command uses.
enum Suggestion {
    /// `known` (what there is), led by `did you mean X? ` when a candidate is near: the one wording of
    /// a suggestion in a hint. `quote` quotes the suggestion, as a list of quoted names does.
    static func hint(_ word: String, in candidates: [String], known: String, quote: Bool = false) -> String {
        guard let close = closest(to: word, in: candidates) else { return known }
        return "did you mean \(quote ? quoted(close) : close)? " + known
    }

    /// Words longer than this are matched only as they are but for case: nobody mistypes a
    /// hundred-character id, and the comparisons below grow with the word's length.
    static let longestCompared = 100

    /// The candidate a person most likely meant by `word`, ignoring case throughout:
    /// 1. one equal to it but for case;
    /// 2. else the one nearest by edit distance, when within a third of the word's length (at least
    ///    one edit): `ss4-bnz`, `youth-crme`, `ss4-bsn`;
    /// 3. else, for a word of three characters or more, the one whose start is nearest the word,
    ///    within the same distance: a slip inside the start of a longer id, `pcc-msb` for
    ///    `pcc-snb-2019-20`, `Newark` for `Newark and Sherwood`, `vru` for `vru-2019-20`; or whose
    ///    whole is nearest the word's start, within a third of its own length (`mansfield` for
    ///    `mansfield-town`).
    ///
    /// Each step wants one best candidate: two as near as each other (`ss` for four grants, `pcc`
    /// for two, `line3` for `line1` and `line2`, or an empty word) give nil, since a guess between
    /// them would be arbitrary and a wrong hint is worse than none. Whole ids come before starts, so `expenses:yout` is `expenses:youth`,
    /// not `expenses:youth-diversion`. Linear in the number of candidates: each comparison is a
    /// band of the edit-distance table as wide as the distance allowed, stopped once every cell
    /// of two rows is past it.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lower = word.lowercased()
        let target = Array(lower.unicodeScalars)
        guard !target.isEmpty else { return nil }
        guard target.count <= longestCompared else { return candidates.first { $0.lowercased() == lower } }
        let limit = max(1, target.count / 3), compared = target.count + limit + 1
        var table = DistanceTable(width: compared)
        var whole = Best(), start = Best()
        for candidate in candidates {
            let other = candidate.lowercased()
            if other == lower { return candidate }
            // The candidate's first characters only: past them it cannot be near as a whole.
            let characters = Array(other.unicodeScalars.prefix(compared))
            let distances = table.distances(target, characters, limit: limit)
            if distances.whole <= limit { whole.offer(candidate, (distances.whole, distances.start)) }
            // The candidate held against the word's start is held to a third of its own length:
            // `date` is three edits from `net ` but no slip for `net amount`.
            let wordStart = distances.wordStart <= max(1, characters.count / 3) ? distances.wordStart : limit + 1
            let nearest = min(distances.start, wordStart)
            if target.count >= 3 && characters.count >= 3 && nearest <= limit { start.offer(candidate, (nearest, 0)) }
        }
        if let found = whole.found { return whole.isUnique ? found : nil }
        return start.isUnique ? start.found : nil
    }

    /// The nearest candidate seen so far, and whether another was as near. Distances compare
    /// as pairs: two ids as near as a whole are told apart by how near their starts are (`dat` is
    /// one edit from `date` and from `vat`, but starts `date`).
    private struct Best {
        var found: String?
        var distance = (Int.max, Int.max)
        var isUnique = true

        mutating func offer(_ candidate: String, _ distance: (Int, Int)) {
            if distance < self.distance {
                (found, self.distance, isUnique) = (candidate, distance, true)
            } else if distance == self.distance && candidate != found {
                isUnique = false
            }
        }
    }
}

extension Grant {
    /// `its lines are: a, b` (or `none`): what a hint about a line the grant does not have lists.
    var linesKnown: String { "its lines are: " + (lines.isEmpty ? "none" : lines.map(\.id).joined(separator: ", ")) }

    /// The hint for a line id the grant does not have: a near one, then the lines it has.
    func hint(forLine id: String) -> String { Suggestion.hint(id, in: lines.map(\.id), known: linesKnown) }
}
