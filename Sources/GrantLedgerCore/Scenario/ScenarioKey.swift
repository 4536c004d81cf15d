/// The settings a scenario file holds, one per line (`floor  £20,000.00`). Each is also a
/// command-line option of `grantledger allocate` with the same name and the same value text
/// (`--floor £20,000.00`), so that a scenario can be tried as a one-off and a one-off kept as a
/// scenario without translating anything.
public enum ScenarioKey: String, CaseIterable, Sendable {
    case title
    case description
    case pot
    case areas
    /// The sheet of an .xlsx area file to read (its first sheet without it).
    case areaSheet = "area-sheet"
    case weight
    case indicator
    case round
    case floor
    case cap
    case topSlice = "top-slice"
    case previous
    case damping
    case perHead = "per-head"

    /// Keys that may be given more than once (each weight, each derived indicator, each area's
    /// limit, each top-slice; description lines are joined).
    public var isRepeatable: Bool {
        switch self {
        case .description, .weight, .indicator, .floor, .cap, .topSlice: return true
        default: return false
        }
    }

    /// Keys whose value is a path, resolved against the scenario file's folder.
    public var isPath: Bool { self == .areas || self == .previous }
}
