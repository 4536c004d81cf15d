import ArgumentParser
import GrantLedgerCore

/// One allocation given on the command line (`--pot --areas --weight … [--round] [--floor]`), as
/// `allocate` takes it, for commands that show an allocation alongside other things: `export --xlsx`
/// puts it on its own sheet. The same settings as a scenario file, for a one-off run.
struct AllocationFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Allocation sheet: the amount to share out, e.g. £270,750.00.", valueName: "AMOUNT"))
    var pot: String?

    @Option(help: ArgumentHelp("Allocation sheet: the area data (CSV, first column area).", valueName: "FILE.csv"))
    var areas: String?

    @Option(name: .customLong("weight"), help: ArgumentHelp(
        "Allocation sheet: an indicator and its weight, NAME=1/3, NAME=0.25 or NAME=25%; repeat for each.", valueName: "NAME=W"))
    var weights: [String] = []

    @Option(help: ArgumentHelp("Allocation sheet: round amounts to this unit (default 0.01).", valueName: "UNIT"))
    var round: String?

    @Option(help: ArgumentHelp("Allocation sheet: every area receives at least this.", valueName: "AMOUNT"))
    var floor: String?

    @Option(name: .customLong("allocation-name"), help: ArgumentHelp("Allocation sheet: its name (default Allocation).", valueName: "NAME"))
    var name: String?

    /// Whether any allocation flag was given (then all that are needed must be).
    var isGiven: Bool { pot != nil || areas != nil || !weights.isEmpty || round != nil || floor != nil || name != nil }

    /// Every flag's values, for the text rule: the name heads a sheet, and the others are quoted back.
    var textOptions: [(option: String, values: [String])] {
        [("--pot", pot.map { [$0] } ?? []), ("--areas", areas.map { [$0] } ?? []), ("--weight", weights),
         ("--round", round.map { [$0] } ?? []), ("--floor", floor.map { [$0] } ?? []),
         ("--allocation-name", name.map { [$0] } ?? [])]
    }

    /// The allocation, or every problem with the flags and the area file, located on the command
    /// line or in the file.
    func scenario(_ locator: ArgumentLocator) -> (scenario: AllocationScenario?, diagnostics: [Diagnostic]) {
        var diagnostics = locator.textProblems(textOptions)
        // A flag that is missing has no value to point at: the problem is shown at the first
        // allocation flag given, which is what asked for an allocation sheet.
        let given = textOptions.first { !$0.values.isEmpty }.flatMap { locator.origin(option: $0.option) }
        func missing(_ code: DiagnosticCode, _ message: String, hint: String) -> Diagnostic {
            Diagnostic(code, message, hint: hint, origin: given)
        }
        func amount(_ text: String?, _ option: String) -> Located<Money>? {
            guard let text else { return nil }
            do {
                return try AllocationSettings.amount(text, option: option, origin: locator.origin(option: option, value: text))
            } catch {
                diagnostics.append(error.diagnostic)
                return nil
            }
        }
        let potSetting = amount(pot, "--pot")
        if pot == nil {
            diagnostics.append(missing(.badPot, "an allocation sheet needs a pot (--pot)",
                                       hint: "name the amount to share out: --pot £270,750.00"))
        }
        let unit = round == nil ? Located(Money(pence: 1)) : amount(round, "--round")
        let floorSetting = amount(floor, "--floor")
        var weightSettings: [WeightSetting] = []
        var occurrences: [String: Int] = [:]
        for text in weights {
            let occurrence = occurrences[text, default: 0]
            occurrences[text] = occurrence + 1
            do {
                weightSettings.append(try WeightSetting.parse(
                    text, origin: locator.origin(option: "--weight", value: text, occurrence: occurrence)))
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        var table: AreaTable?
        if let areas {
            let (read, problems) = AreaTable.read(path: areas, origin: locator.origin(option: "--areas", value: areas), sources: Run.sources)
            table = read
            diagnostics += problems
        } else {
            diagnostics.append(missing(.fileNotFound, "an allocation sheet needs area data (--areas)",
                                       hint: "name a CSV of areas and indicators: --areas examples/areas/nottinghamshire-districts.csv"))
        }
        guard let potSetting, let unit, weightSettings.count == weights.count, floor == nil || floorSetting != nil else {
            if weights.isEmpty {
                diagnostics.append(missing(.noWeights, "an allocation sheet needs weights (--weight)",
                                           hint: "name each indicator with its weight: --weight population=1/3 --weight crime=1/3 --weight deprivation=1/3"))
            }
            return (nil, diagnostics)
        }
        let settings = AllocationSettings(pot: potSetting, weights: weightSettings, unit: unit, floor: floorSetting)
        guard let table else { return (nil, diagnostics + settings.problems()) }
        let (allocation, problems) = Allocator.allocate(table, settings)
        diagnostics += problems
        guard let allocation else { return (nil, diagnostics) }
        let described = "From the command line"
        return (AllocationScenario(name: name ?? "Allocation", description: described, allocation: allocation), diagnostics)
    }
}
