/// How the loader's messages name a draft's settings, given by whoever wrote the draft: a scenario
/// file's own words by default, the command line's options when the CLI made it. The core never
/// spells an option (`--floor`); the CLI hands over the names its commands use.
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

    /// How a floor or cap is named in its own messages (`floor AMOUNT`).
    public var limitNames: [AreaLimit.Kind: String]
    /// Messages for the required settings that are missing, by key.
    public var missing: [ScenarioKey: Missing]

    public init(limitNames: [AreaLimit.Kind: String], missing: [ScenarioKey: Missing]) {
        self.limitNames = limitNames
        self.missing = missing
    }

    /// A scenario file's words.
    public static let file = ScenarioWording(
        limitNames: [.floor: "floor", .cap: "cap"],
        missing: [
            .pot: Missing("no pot given", hint: "add a line: pot  £270,750.00 (or pot  grant:ID line:ID ledger:PATH)"),
            .areas: Missing("no area file given",
                            hint: "add a line: areas  ../areas/nottinghamshire-districts.csv (relative to the scenario file)"),
            .weight: Missing("no weights given", hint: "add a line per indicator: weight  population  1/3"),
        ])
}
