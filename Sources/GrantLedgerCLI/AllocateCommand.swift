import ArgumentParser
import Foundation
import GrantLedgerCore

/// `grantledger allocate`: split a pot across areas by a weighted blend of indicators, exactly, with
/// the parts adding up to the pot. The method's settings come from scenario files, from options, or
/// both (options then override every scenario's); several scenarios are shown side by side. Every
/// bad option or file is a located error and exit 2.
struct AllocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Split a pot across areas by a blend of indicators (population, crime, deprivation).",
        discussion: """
        Top-slices come off the pot first. Each indicator's share is the area's value / the column total; \
        the blended share is the sum of weight × share (weights sum to exactly one); the formula amount is \
        the formula pot × blended share. Floors and caps hold areas within limits, the others scaled in \
        proportion; damping holds each area within a band of last year's amount, the gainers' gains (or the \
        losers' losses) scaled so the whole pot is shared. Amounts are rounded to the unit by largest \
        remainder, ties to the area first in the file, so they add up to the pot exactly.

        A scenario file holds the same settings, one per line ('floor  £20,000.00' is '--floor £20,000.00'); \
        options given with scenario files override theirs. Several scenarios are compared side by side.

        Examples:
          grantledger allocate --pot £270,750.00 \\
            --areas examples/areas/nottinghamshire-districts.csv \\
            --weight population=1/3 --weight crime=1/3 --weight deprivation=1/3
          grantledger allocate examples/scenarios/nwps-2021-22-thirds.scenario \\
            examples/scenarios/nwps-2021-22-crime-heavier.scenario
        """
    )

    @Argument(help: "Scenario files to run; with several, they are shown side by side, differences against the first.")
    var scenarios: [String] = []

    @Option(help: "The amount to share out (£270,750.00), or a ledger line: 'grant:ID line:ID ledger:PATH'.")
    var pot: String?

    @Option(help: "Area data: a CSV file whose first column is area and whose other columns are indicators.")
    var areas: String?

    @Option(name: .customLong("weight"), help: "An indicator and its weight: NAME=1/3, NAME=0.25 or NAME=25%. Repeat for each.")
    var weights: [String] = []

    @Option(name: .customLong("indicator"), help: "A derived indicator: 'NAME = A × B' or 'NAME = severity(A=W, B=W)'. Repeatable.")
    var indicators: [String] = []

    @Option(help: "Round amounts to whole multiples of this unit (0.01, 1, 100); the default is 0.01.")
    var round: String?

    @Option(name: .customLong("floor"), help: "The least every area receives (AMOUNT), or one area's ('AREA AMOUNT'). Repeatable.")
    var floors: [String] = []

    @Option(name: .customLong("cap"), help: "The most every area receives (AMOUNT), or one area's ('AREA AMOUNT'). Repeatable.")
    var caps: [String] = []

    @Option(name: .customLong("top-slice"), help: "Taken off the pot first: 'NAME AMOUNT' (retained) or 'NAME AMOUNT to AREA'. Repeatable.")
    var topSlices: [String] = []

    @Option(help: "Last year's allocation: a CSV with columns area and amount (for change and damping).")
    var previous: String?

    @Option(help: "Hold each area within a band of last year's amount: 10%, -5%,+10%, -5% or +10%.")
    var damping: String?

    @Option(name: .customLong("per-head"), help: "Show amounts per head of this column (e.g. population).")
    var perHead: String?

    @Option(help: "A name for a one-off run, as a scenario file's scenario line gives.")
    var name: String?

    @Option(help: "A one-line title, as a scenario file's scenario line gives.")
    var title: String?

    @Option(name: .customLong("description"), help: "A description, as a scenario file's description lines give.")
    var scenarioDescription: String?

    @Option(help: "Output: table (for people), csv or json.")
    var format: String = "table"

    @Option(help: "Print the working for this area, step by step, with exact figures.")
    var explain: String?

    @Option(help: "Show how each area's amount moves when each weight moves up and down by this much (5%, 0.05, 1/20), the others rescaled.")
    var sensitivity: String?

    @Option(help: ArgumentHelp("Benchmark: allocate this many weightings (varied deterministically) and print the count, a checksum and the time.", visibility: .hidden))
    var sweep: Int?

    @Option(name: .customLong("sweep-path"), help: ArgumentHelp("Benchmark: fast (the integer kernel, general path behind it) or general.", visibility: .hidden))
    var sweepPath: String = "fast"

    enum Format: String, CaseIterable { case table, csv, json }

    /// The options that are settings of the method, and the scenario keys they set.
    private var settingOptions: [(ScenarioKey, [String])] {
        [(.pot, pot.map { [$0] } ?? []), (.areas, areas.map { [$0] } ?? []), (.weight, weights), (.indicator, indicators),
         (.round, round.map { [$0] } ?? []), (.floor, floors), (.cap, caps), (.topSlice, topSlices),
         (.previous, previous.map { [$0] } ?? []), (.damping, damping.map { [$0] } ?? []),
         (.perHead, perHead.map { [$0] } ?? []), (.title, title.map { [$0] } ?? []),
         (.description, scenarioDescription.map { [$0] } ?? [])]
    }

    @OptionGroup(title: "Input files")
    var inputOptions: InputOptions

    func run() throws {
        Run.start(inputOptions)
        let locator = ArgumentLocator()
        var diagnostics: [Diagnostic] = []

        // The options, as a scenario draft with each value located on the command line.
        var options = ScenarioDraft()
        for (key, values) in settingOptions {
            var occurrences: [String: Int] = [:]
            for value in values {
                let occurrence = occurrences[value, default: 0]
                occurrences[value] = occurrence + 1
                options.settings.append(ScenarioSetting(
                    key, value, origin: locator.origin(option: key.option, value: value, occurrence: occurrence), isOption: true))
            }
        }
        if let name { options.name = Located(name, at: locator.origin(option: "--name", value: name)) }
        // Scenario values given as flags are held to the text rule a scenario file's lines are.
        diagnostics += locator.textProblems(settingOptions.map { ($0.0.option, $0.1) }
                                            + [("--name", name.map { [$0] } ?? []), ("--explain", explain.map { [$0] } ?? [])])

        var drafts: [ScenarioDraft] = []
        if scenarios.isEmpty {
            drafts = [options]
        } else {
            var occurrences: [String: Int] = [:]
            for path in scenarios {
                let occurrence = occurrences[path, default: 0]
                occurrences[path] = occurrence + 1
                let (draft, problems) = ScenarioFile.read(path: path, origin: locator.origin(argument: path, occurrence: occurrence), sources: Run.sources)
                diagnostics += problems
                if let draft { drafts.append(draft.overridden(by: options)) }
            }
        }

        let chosenFormat = Format(rawValue: format)
        if chosenFormat == nil {
            diagnostics.append(diagnostic(
                .badValue, "unknown format \"\(format)\"", hint: "choose table, csv or json",
                origin: locator.origin(option: "--format", value: format)))
        }

        let ledgers = LedgerCache(sources: Run.sources)
        var loaded: [(Scenario, Allocation)] = []
        var names: [String: SettingOrigin?] = [:]
        for draft in drafts {
            let (scenario, problems) = ScenarioLoader.load(draft, ledgers: ledgers)
            diagnostics += problems
            guard let scenario else { continue }
            if drafts.count > 1 {
                let name = scenario.info.name
                if names[name] != nil {
                    diagnostics.append(diagnostic(
                        .duplicateID, "two scenarios are named \(name)",
                        hint: "give each scenario its own name on its scenario line, so the comparison can tell them apart",
                        origin: draft.name?.origin))
                }
                names[name] = draft.name?.origin
            }
            let (allocation, more) = scenario.allocate()
            diagnostics += more
            if let allocation { loaded.append((scenario, allocation)) }
        }

        var explained: [(Allocation, AreaAllocation)] = []
        if let explain {
            for (_, allocation) in loaded {
                if let area = allocation.area(named: explain) {
                    explained.append((allocation, area))
                    continue
                }
                let names = allocation.areas.map(\.name)
                var hint = "the areas are " + names.joined(separator: ", ")
                if let close = Suggestion.closest(to: explain, in: names) { hint = "did you mean \(close)? " + hint }
                diagnostics.append(diagnostic(
                    .unknownArea, "\(allocation.areaFile) has no area \"\(explain)\"", hint: hint,
                    origin: locator.origin(option: "--explain", value: explain)))
            }
        }

        var step: Rational?
        if let sensitivity {
            let origin = locator.origin(option: "--sensitivity", value: sensitivity)
            let parsed = try? ExactNumberParser.parseWeight(sensitivity)
            if let parsed, !parsed.isNegative, !parsed.isZero, parsed < .one {
                step = parsed
            } else {
                diagnostics.append(diagnostic(
                    .badValue, "--sensitivity \"\(sensitivity)\" is not a step between 0 and 1",
                    hint: "write the step by which each weight moves: 5%, 0.05 or 1/20", origin: origin))
            }
            if explain != nil {
                diagnostics.append(diagnostic(
                    .badValue, "--sensitivity and --explain cannot be shown together",
                    hint: "run the command twice, once with each", origin: origin))
            }
            if chosenFormat == .json {
                diagnostics.append(diagnostic(
                    .badValue, "--sensitivity is shown as a table or CSV, not JSON",
                    hint: "use --format table or --format csv", origin: locator.origin(option: "--format", value: format)))
            }
            if scenarios.count > 1 {
                diagnostics.append(diagnostic(
                    .badValue, "--sensitivity is shown for one scenario at a time",
                    hint: "run it once per scenario", origin: origin))
            }
        }

        let path = AllocationSweep.Path(rawValue: sweepPath)
        if let sweep {
            if sweep < 1 || path == nil {
                diagnostics.append(diagnostic(
                    .badValue, "--sweep needs a count of 1 or more and --sweep-path fast or general",
                    hint: "for example --sweep 10000", origin: locator.origin(option: "--sweep")))
            }
            if loaded.count > 1 {
                diagnostics.append(diagnostic(.badValue, "--sweep runs one scenario", hint: "give one scenario file, or options",
                                              origin: locator.origin(option: "--sweep")))
            }
        }

        let status = ExitStatus(diagnostics)
        if !diagnostics.isEmpty {
            Console.error(Run.report(diagnostics))
        }
        if let sweep, let path, status != .badInput, let (scenario, _) = loaded.first {
            let clock = ContinuousClock()
            let start = clock.now
            let (result, _) = AllocationSweep.run(scenario.table, scenario.settings, count: sweep, path: path)
            let elapsed = clock.now - start
            guard let result else { throw ExitCode(ExitStatus.badInput.rawValue) }
            let seconds = elapsed.components.seconds
            let millis = elapsed.components.attoseconds / 1_000_000_000_000_000
            let checksum = String(result.checksum, radix: 16)
            Console.out("swept \(result.scenarios) weightings over \(result.areas) areas: \(result.byKernel) by the integer kernel, "
                + "\(result.byGeneralPath) by the general path, \(result.notPossible) not possible; checksum \(checksum); "
                + "\(seconds).\(String(repeating: "0", count: 3 - String(millis).count))\(millis) s")
            return
        }
        guard status != .badInput, !loaded.isEmpty, loaded.count == drafts.count, let chosenFormat else {
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        if !explained.isEmpty {
            Console.out(explained.map { AllocationExplanation.text($0, area: $1) }.joined(separator: "\n"))
        } else if let step, let (scenario, allocation) = loaded.first {
            let result = Sensitivity.run(scenario.table, scenario.settings, base: allocation, step: step)
            Console.out(chosenFormat == .csv ? SensitivityTable.csv(result) : SensitivityTable.text(result))
        } else if loaded.count > 1 {
            let comparison = AllocationComparison(loaded.map(\.1))
            switch chosenFormat {
            case .table: Console.out(ComparisonTable.text(comparison))
            case .csv: Console.out(ComparisonTable.csv(comparison))
            case .json: Console.out(ComparisonTable.json(comparison))
            }
        } else if let (_, allocation) = loaded.first {
            switch chosenFormat {
            case .table: Console.out(AllocationTable.text(allocation))
            case .csv: Console.out(AllocationCSV.text(allocation))
            case .json: Console.out(AllocationJSON.text(allocation))
            }
        }
        if status != .clean { throw ExitCode(status.rawValue) }
    }

    private func diagnostic(_ code: DiagnosticCode, _ message: String, hint: String, origin: SettingOrigin?) -> Diagnostic {
        Diagnostic(code, message, hint: hint, origin: origin)
    }
}
