/// Areas nest with `within`; an area must not end up within itself, or roll-ups have no top.
public enum AreaChecks {
    /// Each cycle reported once, at the area on it that comes first in the file. Each area is walked
    /// up once (a walk stops at an area already walked), so the check is linear in the number of
    /// areas however deep they nest: 100,000 areas one within the next are checked in 100,000 steps.
    @Sendable public static func noCycles(_ ledger: Ledger) -> [Diagnostic] {
        let parents = ledger.areaParents
        // 0 not walked, 1 on the walk being made, 2 walked.
        var state = [UInt8](repeating: 0, count: ledger.areas.count)
        var walk: [Int] = []
        var problems: [(first: Int, diagnostic: Diagnostic)] = []
        for start in ledger.areas.indices where state[start] == 0 {
            var here = start
            while here >= 0 && state[here] == 0 {
                state[here] = 1
                walk.append(here)
                here = parents[here]
            }
            if here >= 0 && state[here] == 1, let at = walk.firstIndex(of: here) {
                // The walk came back to an area on it: from there on, the walk is the cycle.
                let cycle = walk[at...]
                if let first = cycle.min() {
                    problems.append((first, diagnostic(ledger, cycleFrom: first, parents)))
                }
            }
            for index in walk { state[index] = 2 }
            walk.removeAll(keepingCapacity: true)
        }
        return problems.sorted { $0.first < $1.first }.map(\.diagnostic)
    }

    /// `area a ends up within itself: a → b → a`, at `a`.
    private static func diagnostic(_ ledger: Ledger, cycleFrom first: Int, _ parents: [Int]) -> Diagnostic {
        let area = ledger.areas[first]
        var chain = [area.id]
        var here = parents[first]
        while here >= 0 && here != first {
            chain.append(ledger.areas[here].id)
            here = parents[here]
        }
        chain.append(area.id)
        return Diagnostic(
            .areaCycle, "area \(area.id) ends up within itself: \(chain.joined(separator: " → "))",
            hint: "an area's within must name a larger area; correct one of these", at: area.location,
            length: area.id.utf8.count)
    }
}
