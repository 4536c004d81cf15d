/// A scenario ready to allocate: its name and pot's source, the area data and every setting read.
public struct Scenario: Sendable {
    public let info: ScenarioInfo
    public let table: AreaTable
    public let settings: AllocationSettings
    /// Whether it has a name (a scenario file, or `--name`): one-off runs without one print no
    /// scenario heading.
    public let isNamed: Bool
    /// The window whose forecast underspend is the pot, when the run was given one.
    public var underspend: UnderspendPot?

    /// The allocation, with the scenario's name attached when it has one, and the underspend it shares.
    public func allocate() -> (Allocation?, [Diagnostic]) {
        var (allocation, diagnostics) = Allocator.allocate(table, settings)
        if isNamed { allocation?.scenario = info }
        allocation?.underspend = underspend
        return (allocation, diagnostics)
    }
}
