extension Ledger {
    /// Each area's parent (`within`) as an index into `areas`, or -1: looked up once, so that a walk
    /// up many levels costs an array read a step, not a dictionary lookup.
    var areaParents: [Int] {
        areas.map { area in area.parentID.flatMap { areaIndex[$0] } ?? -1 }
    }

    /// For each area, whether it is `root` or under it. Each area is walked up once: the answer for
    /// every area on a walk is kept, so 100,000 areas nested one in the next take 100,000 steps,
    /// not five billion; a `within` cycle in bad books ends a walk, without looping.
    func areas(under root: Int) -> [Bool] {
        let parents = areaParents
        // 0 not yet known, 1 under root, 2 not under root, 3 on the walk being made.
        var state = [UInt8](repeating: 0, count: areas.count)
        if areas.indices.contains(root) { state[root] = 1 }
        var walk: [Int] = []
        for start in areas.indices where state[start] == 0 {
            var here = start
            var answer: UInt8 = 2
            while true {
                if here < 0 { answer = 2; break }
                if state[here] == 1 || state[here] == 2 { answer = state[here]; break }
                if state[here] == 3 { answer = 2; break }   // a cycle without root on it
                state[here] = 3
                walk.append(here)
                here = parents[here]
            }
            for index in walk { state[index] = answer }
            walk.removeAll(keepingCapacity: true)
        }
        return state.map { $0 == 1 }
    }
}
