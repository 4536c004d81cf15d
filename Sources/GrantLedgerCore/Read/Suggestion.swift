/// "Did you mean …?" for a mistyped id or name: the one algorithm every reader and command uses.
enum Suggestion {
    /// A candidate equal to `word` but for case; else the nearest by edit distance, when close
    /// enough (a third of the word's length); else the only one that starts the same way, ignoring
    /// case (`Newark` for `Newark and Sherwood`), when the shorter of the two has three characters or
    /// more. Nil when nothing is near, or when several start the same way: a guess among them (`ss`
    /// for four grants, or an empty word) would be arbitrary, and a wrong hint is worse than none.
    /// `known` (what there is), led by `did you mean X? ` when a candidate is near: the one wording of
    /// a suggestion in a hint. `quote` quotes the suggestion, as a list of quoted names does.
    static func hint(_ word: String, in candidates: [String], known: String, quote: Bool = false) -> String {
        guard let close = closest(to: word, in: candidates) else { return known }
        return "did you mean \(quote ? quoted(close) : close)? " + known
    }

    static func closest(to word: String, in candidates: [String]) -> String? {
        let lower = word.lowercased()
        if let same = candidates.first(where: { $0.lowercased() == lower }) { return same }
        let target = Array(word.utf8)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.utf8))
            guard distance <= max(1, target.count / 3) else { continue }
            if let current = best, current.1 <= distance { continue }
            best = (candidate, distance)
        }
        if let best { return best.0 }
        let starting = candidates.filter { candidate in
            let other = candidate.lowercased()
            return min(other.count, lower.count) >= 3 && (other.hasPrefix(lower) || lower.hasPrefix(other))
        }
        return starting.count == 1 ? starting[0] : nil
    }

    /// Edits (insert, delete, replace, or swap two neighbours: `nwsp` for `nwps` is one slip of the
    /// fingers, not two) turning `a` into `b`.
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
}

extension Grant {
    /// `its lines are: a, b` (or `none`): what a hint about a line the grant does not have lists.
    var linesKnown: String { "its lines are: " + (lines.isEmpty ? "none" : lines.map(\.id).joined(separator: ", ")) }

    /// The hint for a line id the grant does not have: a near one, then the lines it has.
    func hint(forLine id: String) -> String { Suggestion.hint(id, in: lines.map(\.id), known: linesKnown) }
}
