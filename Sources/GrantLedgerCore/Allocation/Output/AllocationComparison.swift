/// Several allocations side by side (`grantledger allocate A.scenario B.scenario …`): each area's
/// amount in each, and its difference from the first, which is the baseline. Areas are listed in
/// the order they first appear; an area missing from a scenario's area file has no amount there.
public struct AllocationComparison: Sendable {
    public let allocations: [Allocation]
    public let areaNames: [String]
    /// `amounts[area][scenario]`.
    public let amounts: [[Money?]]
    /// The names of the top-slices any scenario retains centrally, in the order first given.
    public let retainedNames: [String]
    /// `retained[name][scenario]`: what the scenario retains under that name (zero when it has no
    /// such top-slice), so that each scenario's areas and retained rows add up to its pot.
    public let retained: [[Money]]

    public init(_ allocations: [Allocation]) {
        self.allocations = allocations
        var names: [String] = []
        var seen: Set<String> = []
        for allocation in allocations {
            for area in allocation.areas where seen.insert(area.name).inserted { names.append(area.name) }
        }
        areaNames = names
        let lookups = allocations.map { allocation in
            Dictionary(allocation.areas.map { ($0.name, $0.amount) }, uniquingKeysWith: { first, _ in first })
        }
        amounts = names.map { name in lookups.map { $0[name] } }
        var retainedNames: [String] = []
        var seenSlices: Set<String> = []
        for allocation in allocations {
            for slice in allocation.retainedSlices where seenSlices.insert(slice.name).inserted { retainedNames.append(slice.name) }
        }
        self.retainedNames = retainedNames
        // Top-slices add up to at most their pot (the settings' checks): the checked sums cannot overflow.
        retained = retainedNames.map { name in
            allocations.map { allocation in
                Money(pence: allocation.retainedSlices.filter { $0.name == name }.reduce(0) { $0 + $1.amount.pence })
            }
        }
    }

    /// What scenario `s` retains under `retainedNames[name]` less what the first does.
    public func retainedDifference(name: Int, scenario s: Int) -> Money {
        // Parts of two pots, each within `Money.spreadsheetLimit`: the checked difference cannot overflow.
        Money(pence: retained[name][s].pence - retained[name][0].pence)
    }

    /// `amount in scenario s` − `amount in the first`, for an area in both.
    public func difference(area: Int, scenario: Int) -> Money? {
        guard let base = amounts[area][0], let other = amounts[area][scenario] else { return nil }
        // Both are parts of pots within `Money.spreadsheetLimit`: the checked difference cannot overflow.
        return Money(pence: other.pence - base.pence)
    }

    /// A, B, C, … AA: the letters the table heads its columns with.
    public static func letter(_ index: Int) -> String {
        var n = index
        var text = ""
        repeat {
            text = String(UnicodeScalar(UInt8(65 + n % 26))) + text
            n = n / 26 - 1
        } while n >= 0
        return text
    }

    public func name(_ scenario: Int) -> String {
        allocations[scenario].scenario?.name ?? Self.letter(scenario)
    }
}
