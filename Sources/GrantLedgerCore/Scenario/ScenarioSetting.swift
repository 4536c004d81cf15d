/// One setting as written, in a scenario file or on the command line: its key, its value text and
/// where the value sits, so that every problem with it is shown in place.
public struct ScenarioSetting: Sendable {
    public let key: ScenarioKey
    public let text: String
    public let origin: SettingOrigin?
    /// How messages name it: `pot` in a file; the command line names it as its option, and the
    /// core never spells an option itself.
    public let label: String

    public init(_ key: ScenarioKey, _ text: String, origin: SettingOrigin?, label: String? = nil) {
        self.key = key
        self.text = text
        self.origin = origin
        self.label = label ?? key.rawValue
    }
}

/// A scenario as written, before any value is read: its name and settings, and where relative paths
/// start. Scenario files and command-line options both become one of these, and are then read by the
/// same code (`ScenarioLoader`), so both forms accept exactly the same things.
public struct ScenarioDraft: Sendable {
    public var name: Located<String>?
    public var settings: [ScenarioSetting]
    /// The scenario file; `nil` for options on the command line.
    public var file: String?
    /// Where relative paths in the settings start: the scenario file's folder (`nil`: the current folder).
    public var directory: String?
    /// Where a problem with the scenario as a whole (a missing pot) is shown: its `scenario` line.
    public var headerOrigin: SettingOrigin?
    /// Whether some lines of the file were left out for problems already reported: a setting that
    /// seems missing may be one of them, so it is not reported again.
    public var hasProblems = false
    /// How messages name what the draft's writer calls its settings (a file's words, or options).
    public var wording = ScenarioWording.file
    /// A pot given from outside the settings, replacing any `pot` among them.
    public var potOverride: PotOverride?

    public init(name: Located<String>? = nil, settings: [ScenarioSetting] = [], file: String? = nil,
                directory: String? = nil, headerOrigin: SettingOrigin? = nil) {
        self.name = name
        self.settings = settings
        self.file = file
        self.directory = directory
        self.headerOrigin = headerOrigin
    }

    public func all(_ key: ScenarioKey) -> [ScenarioSetting] { settings.filter { $0.key == key } }

    public func first(_ key: ScenarioKey) -> ScenarioSetting? { settings.first { $0.key == key } }

    /// This draft with every key that `overrides` sets replaced by its settings (all of them, for
    /// keys given more than once: `--weight` on the command line replaces the file's whole blend).
    /// Other area data replaces the file's sheet of its own too: the sheet belongs to its workbook.
    public func overridden(by overrides: ScenarioDraft) -> ScenarioDraft {
        var replaced = Set(overrides.settings.map(\.key))
        if replaced.contains(.areas) { replaced.insert(.areaSheet) }
        var merged = self
        merged.settings = settings.filter { !replaced.contains($0.key) } + overrides.settings
        merged.wording = wording.taking(replaced, from: overrides.wording)
        if let name = overrides.name { merged.name = name }
        if let pot = overrides.potOverride { merged.potOverride = pot }
        return merged
    }
}

/// A pot every scenario of a run takes in place of its own `pot` setting, as `--pot` would replace
/// it: `allocate --underspend`'s forecast underspend of a grant's window.
public enum PotOverride: Sendable {
    /// The window's underspend, located where it was asked for.
    case underspend(Located<UnderspendPot>)
    /// Asked for, but it could not be worked out: its problems are said already, so a scenario reads
    /// no pot of its own and says nothing more about it.
    case unavailable
}
