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

        The rows of the area file are whatever the pot is shared between: districts, or initiatives, each \
        with its indicators. --underspend GRANT --fy YEAR shares what the grant's window in that year (its \
        tranche, or its award to its deadline) is forecast to leave unspent by its spend-by date, forecast to \
        --as-of as report budget --rows tranches does; it replaces every scenario's pot, as --pot would.

        Examples:
          grantledger allocate --pot £270,750.00 \\
            --areas examples/areas/nottinghamshire-districts.csv \\
            --weight population=1/3 --weight crime=1/3 --weight deprivation=1/3
          grantledger allocate examples/scenarios/nwps-2021-22-thirds.scenario \\
            examples/scenarios/nwps-2021-22-crime-heavier.scenario
          grantledger allocate --underspend ss4-bns --fy 2023-24 --as-of 2023-06-30 \\
            --areas examples/areas/bassetlaw-newark-sherwood.csv \\
            --weight population=1/3 --weight crime=1/3 --weight deprivation=1/3
        """
    )

    @Argument(help: "Scenario files to run; with several, they are shown side by side, differences against the first.",
              completion: .file(extensions: ["scenario"]))
    var scenarios: [String] = []

    @OptionGroup(title: "Settings (as a scenario file's lines)")
    var settings: AllocationFlags

    @OptionGroup(title: "Sharing a forecast underspend")
    var underspendOptions: UnderspendOptions

    @Option(help: "A name for a one-off run, as a scenario file's scenario line gives.")
    var name: String?

    @Option(help: "Output: table (for people), csv or json.", completion: .list(Format.allCases.map(\.rawValue)))
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

    @OptionGroup(title: "Input files")
    var inputOptions: InputOptions

    func run() throws {
        Run.start(inputOptions)
        let locator = ArgumentLocator()
        // Scenario values given as flags are held to the text rule a scenario file's lines are.
        var diagnostics = locator.textProblems(settings.textOptions + underspendOptions.textOptions
                                               + [("--name", name.map { [$0] } ?? []), ("--explain", explain.map { [$0] } ?? [])])
        let files = ScenarioFiles()
        let potOverride = underspendOptions.potOverride(pot: settings.pot, locator, ledgers: files.ledgers, problems: &diagnostics)
        let drafts = readDrafts(locator, files, &diagnostics).map { draft in
            var draft = draft
            if let potOverride { draft.potOverride = potOverride }
            return draft
        }
        let chosenFormat = Format(rawValue: format)
        if chosenFormat == nil {
            diagnostics.append(Diagnostic(
                .badValue, "unknown format \"\(format)\"", hint: "choose table, csv or json",
                origin: locator.origin(option: "--format", value: format)))
        }
        let (loaded, problems) = ScenarioLoader.allocate(drafts, ledgers: files.ledgers)
        diagnostics += problems
        let explained = explanations(loaded, locator, &diagnostics)
        let step = sensitivityStep(chosenFormat, locator, &diagnostics)
        let path = checkedSweepPath(loaded, locator, &diagnostics)

        let status = ExitStatus(diagnostics)
        if !diagnostics.isEmpty {
            Console.error(Run.report(diagnostics))
        }
        if let sweep, let path, status != .badInput, let (scenario, _) = loaded.first {
            try Self.runSweep(scenario, count: sweep, path: path)
            return
        }
        guard status != .badInput, !loaded.isEmpty, loaded.count == drafts.count, let chosenFormat else {
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        Console.out(Self.render(loaded, explained: explained, step: step, format: chosenFormat))
        if status != .clean { throw ExitCode(status.rawValue) }
    }

    /// The scenarios to run: each file with the options overriding its settings, or the options alone.
    private func readDrafts(_ locator: ArgumentLocator, _ files: ScenarioFiles, _ diagnostics: inout [Diagnostic]) -> [ScenarioDraft] {
        let options = settings.draft(locator, name: name.map { Located($0, at: locator.origin(option: "--name", value: $0)) })
        guard !scenarios.isEmpty else { return [options] }
        var drafts: [ScenarioDraft] = []
        var occurrences: [String: Int] = [:]
        for path in scenarios {
            let occurrence = occurrences[path, default: 0]
            occurrences[path] = occurrence + 1
            let (draft, problems) = files.read(path, origin: locator.origin(argument: path, occurrence: occurrence))
            diagnostics += problems
            if let draft { drafts.append(draft.overridden(by: options)) }
        }
        return drafts
    }

    /// `--explain AREA` found in each allocation, or a problem naming the areas there are.
    private func explanations(_ loaded: [(Scenario, Allocation)], _ locator: ArgumentLocator,
                              _ diagnostics: inout [Diagnostic]) -> [(Allocation, AreaAllocation)] {
        guard let explain else { return [] }
        // The working is prose for people: a program asking for CSV or JSON must not get it instead.
        if let chosen = Format(rawValue: format), chosen != .table {
            diagnostics.append(Diagnostic(
                .badValue, "--explain is shown as text, not \(chosen == .csv ? "CSV" : "JSON")",
                hint: "leave out --format, or run without --explain for the \(format) figures",
                origin: locator.origin(option: "--format", value: format)))
        }
        var explained: [(Allocation, AreaAllocation)] = []
        for (_, allocation) in loaded {
            do {
                let origin = locator.origin(option: "--explain", value: explain)
                explained.append((allocation, try AllocationExplanation.area(named: explain, in: allocation, origin: origin)))
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        return explained
    }

    /// `--sensitivity STEP` read and checked against the other options.
    private func sensitivityStep(_ chosenFormat: Format?, _ locator: ArgumentLocator, _ diagnostics: inout [Diagnostic]) -> Rational? {
        guard let sensitivity else { return nil }
        var step: Rational?
        let origin = locator.origin(option: "--sensitivity", value: sensitivity)
        let parsed = try? ExactNumberParser.parseWeight(sensitivity)
        if let parsed, !parsed.isNegative, !parsed.isZero, parsed < .one {
            step = parsed
        } else {
            diagnostics.append(Diagnostic(
                .badValue, "--sensitivity \"\(sensitivity)\" is not a step between 0 and 1",
                hint: "write the step by which each weight moves: 5%, 0.05 or 1/20", origin: origin))
        }
        if explain != nil {
            diagnostics.append(Diagnostic(
                .badValue, "--sensitivity and --explain cannot be shown together",
                hint: "run the command twice, once with each", origin: origin))
        }
        if chosenFormat == .json {
            diagnostics.append(Diagnostic(
                .badValue, "--sensitivity is shown as a table or CSV, not JSON",
                hint: "use --format table or --format csv", origin: locator.origin(option: "--format", value: format)))
        }
        if scenarios.count > 1 {
            diagnostics.append(Diagnostic(
                .badValue, "--sensitivity is shown for one scenario at a time",
                hint: "run it once per scenario", origin: origin))
        }
        return step
    }

    /// The benchmark's path, when `--sweep` is given and its options make sense.
    private func checkedSweepPath(_ loaded: [(Scenario, Allocation)], _ locator: ArgumentLocator,
                           _ diagnostics: inout [Diagnostic]) -> AllocationSweep.Path? {
        let path = AllocationSweep.Path(rawValue: sweepPath)
        guard let sweep else { return path }
        if sweep < 1 || path == nil {
            diagnostics.append(Diagnostic(
                .badValue, "--sweep needs a count of 1 or more and --sweep-path fast or general",
                hint: "for example --sweep 10000", origin: locator.origin(option: "--sweep")))
        }
        if loaded.count > 1 {
            diagnostics.append(Diagnostic(.badValue, "--sweep runs one scenario", hint: "give one scenario file, or options",
                                          origin: locator.origin(option: "--sweep")))
        }
        return path
    }

    private static func runSweep(_ scenario: Scenario, count: Int, path: AllocationSweep.Path) throws {
        let clock = ContinuousClock()
        let start = clock.now
        let (result, _) = AllocationSweep.run(scenario.table, scenario.settings, count: count, path: path)
        let elapsed = clock.now - start
        guard let result else { throw ExitCode(ExitStatus.badInput.rawValue) }
        let seconds = elapsed.components.seconds
        let millis = elapsed.components.attoseconds / 1_000_000_000_000_000
        let checksum = String(result.checksum, radix: 16)
        Console.out("swept \(result.scenarios) weightings over \(result.areas) areas: \(result.byKernel) by the integer kernel, "
            + "\(result.byGeneralPath) by the general path, \(result.notPossible) not possible; checksum \(checksum); "
            + "\(seconds).\(String(repeating: "0", count: 3 - String(millis).count))\(millis) s")
    }

    /// What is printed: the explanations, the sensitivity, the comparison, or the one allocation.
    private static func render(_ loaded: [(Scenario, Allocation)], explained: [(Allocation, AreaAllocation)],
                               step: Rational?, format: Format) -> String {
        if !explained.isEmpty {
            return explained.map { AllocationExplanation.text($0, area: $1) }.joined(separator: "\n")
        }
        if let step, let (scenario, allocation) = loaded.first {
            let result = Sensitivity.run(scenario.table, scenario.settings, base: allocation, step: step)
            return format == .csv ? SensitivityTable.csv(result) : SensitivityTable.text(result)
        }
        if loaded.count > 1 {
            let comparison = AllocationComparison(loaded.map(\.1))
            switch format {
            case .table: return ComparisonTable.text(comparison)
            case .csv: return ComparisonTable.csv(comparison)
            case .json: return ComparisonTable.json(comparison)
            }
        }
        let allocation = loaded[0].1
        switch format {
        case .table: return AllocationTable.text(allocation)
        case .csv: return AllocationCSV.text(allocation)
        case .json: return AllocationJSON.text(allocation)
        }
    }
}
