/// Areas nest with `within`; an area must not end up within itself, or roll-ups have no top.
public enum AreaChecks {
    @Sendable public static func noCycles(_ ledger: Ledger) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (start, area) in ledger.areas.enumerated() {
            var chain = [area.id]
            var current = area.parentID.flatMap { ledger.areaIndex[$0] }
            while let here = current, chain.count <= ledger.areas.count {
                chain.append(ledger.areas[here].id)
                if here == start {
                    // Report each cycle once: at the area that comes first in the file among those on it.
                    let members = chain.dropLast().compactMap { ledger.areaIndex[$0] }
                    if members.min() == start {
                        problems.append(Diagnostic(
                            .areaCycle, "area \(area.id) ends up within itself: \(chain.joined(separator: " → "))",
                            hint: "an area's within must name a larger area; correct one of these", at: area.location,
                            length: area.id.utf8.count))
                    }
                    break
                }
                current = ledger.areas[here].parentID.flatMap { ledger.areaIndex[$0] }
            }
        }
        return problems
    }
}
