/// How the loader's messages name a draft's settings, given by whoever wrote the draft: a scenario
/// file's own words by default, the command line's options when the CLI made it. The core never
/// spells an option (`--floor`); the CLI hands over the names its commands use, and the hints that
/// show how to write a setting in its syntax.
public struct ScenarioWording: Sendable {
    /// What is said when a required setting (pot, areas, weight) is missing.
    public struct Missing: Sendable {
        public let message: String
        public let hint: String

        public init(_ message: String, hint: String) {
            self.message = message
            self.hint = hint
        }
    }

    /// How one weight is written, for a weight that is not in that form.
    public struct WeightForm: Sendable {
        /// The form the message names: `NAME VALUE` in a file, `NAME=VALUE` as an option.
        public let syntax: String
        /// The hint for a weight with no name: one example.
        public let example: String

        public init(syntax: String, example: String) {
            self.syntax = syntax
            self.example = example
        }
    }

    /// How a floor or cap is named in its own messages (`floor AMOUNT`).
    public var limitNames: [AreaLimit.Kind: String]
    /// Messages for the required settings that are missing, by key.
    public var missing: [ScenarioKey: Missing]
    /// Hints that show how to write a setting, by its key: `.round` (a rounding unit), `.previous`
    /// (naming last year's allocation, which damping needs), `.weight` (weights, for a weight not
    /// written as one). A key without one gets the scenario file's.
    public var hints: [ScenarioKey: String]
    public var weightForm: WeightForm

    public init(limitNames: [AreaLimit.Kind: String], missing: [ScenarioKey: Missing],
                hints: [ScenarioKey: String] = [:], weightForm: WeightForm = ScenarioWording.fileWeightForm) {
        self.limitNames = limitNames
        self.missing = missing
        self.hints = hints
        self.weightForm = weightForm
    }

    /// The hint for `key` in this wording, or a scenario file's.
    public func hint(_ key: ScenarioKey) -> String { hints[key] ?? Self.fileHints[key] ?? "" }

    /// A scenario file's words.
    public static let file = ScenarioWording(
        limitNames: [.floor: "floor", .cap: "cap"],
        missing: [
            .pot: Missing("no pot given", hint: "add a line: pot  £270,750.00 (or pot  grant:ID line:ID ledger:PATH)"),
            .areas: Missing("no area file given",
                            hint: "add a line: areas  ../areas/nottinghamshire-districts.csv (relative to the scenario file)"),
            .weight: Missing("no weights given", hint: "add a line per indicator: weight  population  1/3"),
        ],
        hints: fileHints)

    /// A scenario file's lines, as hints show them.
    static let fileHints: [ScenarioKey: String] = [
        .round: "for example: round  0.01 (pence), round  1 (pounds) or round  100",
        .previous: "name last year's allocation on a line: previous  FILE.csv (relative to the scenario file)",
        .weight: "for example: weight  population  1/3, weight  crime  0.25 or weight  deprivation  25%",
    ]

    public static let fileWeightForm = WeightForm(syntax: "NAME VALUE", example: "for example: weight  population  1/3")

    /// This wording with `other`'s for the settings of `keys`, which `other`'s writer gave instead
    /// (options overriding a scenario file's lines).
    func taking(_ keys: Set<ScenarioKey>, from other: ScenarioWording) -> ScenarioWording {
        var merged = self
        for key in keys {
            merged.hints[key] = other.hints[key]
        }
        // Damping given by the other writer needs last year's allocation: say how, in their words too.
        if keys.contains(.damping) && !keys.contains(.previous) { merged.hints[.previous] = other.hints[.previous] }
        if keys.contains(.weight) { merged.weightForm = other.weightForm }
        if keys.contains(.floor) { merged.limitNames[.floor] = other.limitNames[.floor] }
        if keys.contains(.cap) { merged.limitNames[.cap] = other.limitNames[.cap] }
        return merged
    }
}
