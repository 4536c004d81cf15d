import ArgumentParser
import GrantLedgerCore

/// The settings of one allocation as options, the same fourteen a scenario file holds
/// (`--floor £20,000.00` is `floor  £20,000.00`): one group shared by `allocate` and by
/// `export --xlsx` (its allocation sheet), turned into a scenario draft here and read by the core's
/// one scenario loader, so both commands accept exactly the same things.
struct AllocationFlags: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The amount to share out (£270,750.00), or a ledger line: 'grant:ID line:ID ledger:PATH'.", valueName: "AMOUNT"))
    var pot: String?

    @Option(help: ArgumentHelp(
        "Area data: a CSV file (or an .xlsx workbook) whose first column is area (a district, or an initiative) and whose other columns are indicators.",
        valueName: "FILE.csv"), completion: ShellCompletion.tables)
    var areas: String?

    @Option(name: .customLong("area-sheet"), help: ArgumentHelp(
        "The sheet of an .xlsx area file to read; the first sheet without it.", valueName: "NAME"))
    var areaSheet: String?

    @Option(name: .customLong("weight"), help: ArgumentHelp(
        "An indicator and its weight: NAME=1/3, NAME=0.25 or NAME=25%. Repeat for each.", valueName: "NAME=W"))
    var weights: [String] = []

    @Option(name: .customLong("indicator"), help: ArgumentHelp(
        "A derived indicator: 'NAME = A × B' or 'NAME = severity(A=W, B=W)'. Repeatable.", valueName: "NAME=FORMULA"))
    var indicators: [String] = []

    @Option(help: ArgumentHelp(
        "Round amounts to whole multiples of this unit (0.01, 1, 100); the default is 0.01.", valueName: "UNIT"))
    var round: String?

    @Option(name: .customLong("floor"), help: ArgumentHelp(
        "The least every area receives (AMOUNT), or one area's ('AREA AMOUNT'). Repeatable.", valueName: "AMOUNT"))
    var floors: [String] = []

    @Option(name: .customLong("cap"), help: ArgumentHelp(
        "The most every area receives (AMOUNT), or one area's ('AREA AMOUNT'). Repeatable.", valueName: "AMOUNT"))
    var caps: [String] = []

    @Option(name: .customLong("top-slice"), help: ArgumentHelp(
        "Taken off the pot first: 'NAME AMOUNT' (retained) or 'NAME AMOUNT to AREA'. Repeatable.", valueName: "SLICE"))
    var topSlices: [String] = []

    @Option(help: ArgumentHelp(
        "Last year's allocation: a CSV (or an .xlsx workbook's first sheet) with columns area and amount (for change and damping).",
        valueName: "FILE.csv"), completion: ShellCompletion.ids(.previousAllocation))
    var previous: String?

    @Option(help: ArgumentHelp("Hold each area within a band of last year's amount: 10%, -5%,+10%, -5% or +10%.", valueName: "BAND"))
    var damping: String?

    @Option(name: .customLong("per-head"), help: ArgumentHelp(
        "Show amounts per head of this column (e.g. population).", valueName: "COLUMN"))
    var perHead: String?

    @Option(help: ArgumentHelp("A one-line title, as a scenario file's scenario line gives.", valueName: "TEXT"))
    var title: String?

    @Option(name: .customLong("description"), help: ArgumentHelp(
        "A description, as a scenario file's description lines give.", valueName: "TEXT"))
    var scenarioDescription: String?

    /// The option that sets `key`: the command line's name for a scenario's setting.
    static func option(_ key: ScenarioKey) -> String { "--" + key.rawValue }

    /// How the loader names settings given as options, and the hints that show them written as options.
    static func wording(missing: [ScenarioKey: ScenarioWording.Missing]) -> ScenarioWording {
        ScenarioWording(limitNames: [.floor: option(.floor), .cap: option(.cap)], missing: missing, hints: hints,
                        weightForm: .init(syntax: "NAME=VALUE", example: "for example --weight population=1/3"))
    }

    /// The hints that show a setting written as its option.
    static let hints: [ScenarioKey: String] = [
        .round: "for example --round 0.01 (pence), --round 1 (pounds) or --round 100",
        .previous: "name last year's allocation with --previous FILE.csv (a scenario's previous line)",
        .weight: "for example --weight population=1/3, --weight crime=0.25 or --weight deprivation=25%",
    ]

    /// What is said when a required option is missing: `lead` words (`no pot given`), then the option.
    static func missing(pot: String, areas: String, weights: String) -> [ScenarioKey: ScenarioWording.Missing] {
        [.pot: .init("\(pot) (--pot)", hint: "name the amount to share out: --pot £270,750.00"),
         .areas: .init("\(areas) (--areas)",
                       hint: "name a CSV of areas and indicators: --areas examples/areas/nottinghamshire-districts.csv"),
         .weight: .init("\(weights) (--weight)",
                        hint: "name each indicator with its weight: --weight population=1/3 --weight crime=1/3 --weight deprivation=1/3")]
    }

    /// What `allocate` says when a required option is missing.
    static let allocateMissing = missing(pot: "no pot given", areas: "no area file given", weights: "no weights given")

    /// Each option that is a setting of the method, with the scenario key it sets and its values.
    var settings: [(key: ScenarioKey, values: [String])] {
        [(.pot, pot.map { [$0] } ?? []), (.areas, areas.map { [$0] } ?? []), (.areaSheet, areaSheet.map { [$0] } ?? []),
         (.weight, weights), (.indicator, indicators),
         (.round, round.map { [$0] } ?? []), (.floor, floors), (.cap, caps), (.topSlice, topSlices),
         (.previous, previous.map { [$0] } ?? []), (.damping, damping.map { [$0] } ?? []),
         (.perHead, perHead.map { [$0] } ?? []), (.title, title.map { [$0] } ?? []),
         (.description, scenarioDescription.map { [$0] } ?? [])]
    }

    /// Whether any setting was given as an option.
    var isGiven: Bool { settings.contains { !$0.values.isEmpty } }

    /// Every option's values by option name, for the text rule a scenario file's lines are held to.
    var textOptions: [(option: String, values: [String])] { settings.map { (Self.option($0.key), $0.values) } }

    /// The options as a scenario draft, each value located on the command line, named in messages
    /// as its option, and with the wording for missing settings the command gives.
    func draft(_ locator: ArgumentLocator, name: Located<String>? = nil,
               missing: [ScenarioKey: ScenarioWording.Missing] = allocateMissing) -> ScenarioDraft {
        var draft = ScenarioDraft(name: name)
        for (key, values) in settings {
            let option = Self.option(key)
            var occurrences: [String: Int] = [:]
            for value in values {
                let occurrence = occurrences[value, default: 0]
                occurrences[value] = occurrence + 1
                draft.settings.append(ScenarioSetting(
                    key, value, origin: locator.origin(option: option, value: value, occurrence: occurrence), label: option))
            }
        }
        draft.wording = Self.wording(missing: missing)
        return draft
    }
}
