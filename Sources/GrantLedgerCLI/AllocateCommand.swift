import ArgumentParser
import GrantLedgerCore

/// `grantledger allocate`: split a pot across areas by a weighted blend of indicators, exactly, with
/// the parts adding up to the pot. Every bad option or area file is a located error and exit 2.
struct AllocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Split a pot across areas by a blend of indicators (population, crime, deprivation).",
        discussion: """
        Each indicator's share is the area's value / the column total; the blended share is the sum of
        weight × share (weights sum to exactly one); the exact amount is pot × blended share. With --floor,
        areas below the floor are lifted to it and the others scaled down in proportion. Amounts are
        rounded to the unit by largest remainder, ties to the area first in the file, so they add up to
        the pot exactly.

        Example:
          grantledger allocate --pot £270,750.00 --areas examples/areas/nottinghamshire-districts.csv \\
            --weight population=1/3 --weight crime=1/3 --weight deprivation=1/3
        """
    )

    @Option(help: "The amount to share out, e.g. £270,750.00.")
    var pot: String?

    @Option(help: "Area data: a CSV file whose first column is area and whose other columns are indicators.")
    var areas: String?

    @Option(name: .customLong("weight"), help: "An indicator column and its weight: NAME=1/3, NAME=0.25 or NAME=25%. Repeat for each.")
    var weights: [String] = []

    @Option(help: "Round amounts to whole multiples of this unit (0.01, 1, 100).")
    var round: String = "0.01"

    @Option(help: "Every area receives at least this amount (a whole number of units).")
    var floor: String?

    @Option(help: "Output: table (for people), csv or json.")
    var format: String = "table"

    @Option(help: "Print the working for this area, step by step, with exact figures.")
    var explain: String?

    @Option(help: "Show how each area's amount moves when each weight moves up and down by this much (5%, 0.05, 1/20), the others rescaled.")
    var sensitivity: String?

    enum Format: String, CaseIterable { case table, csv, json }

    func run() throws {
        let locator = ArgumentLocator()
        var diagnostics: [Diagnostic] = []

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
            diagnostics.append(Diagnostic(.badPot, "no pot given", hint: "name the amount to share out: --pot £270,750.00"))
        }
        let unit = amount(round, "--round")
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

        let chosenFormat = Format(rawValue: format)
        if chosenFormat == nil {
            diagnostics.append(diagnostic(
                .badValue, "unknown format \"\(format)\"", hint: "choose table, csv or json",
                origin: locator.origin(option: "--format", value: format)))
        }

        var table: AreaTable?
        if let areas {
            let (read, problems) = AreaTable.read(path: areas, origin: locator.origin(option: "--areas", value: areas))
            table = read
            diagnostics += problems
        } else {
            diagnostics.append(Diagnostic(
                .fileNotFound, "no area file given",
                hint: "name a CSV of areas and indicators: --areas examples/areas/nottinghamshire-districts.csv"))
        }

        var allocation: Allocation?
        var allocationSettings: AllocationSettings?
        let areaTable = table
        if let potSetting, let unit, weightSettings.count == weights.count, floor == nil || floorSetting != nil {
            let settings = AllocationSettings(pot: potSetting, weights: weightSettings, unit: unit, floor: floorSetting)
            allocationSettings = settings
            if let table {
                let (result, problems) = Allocator.allocate(table, settings)
                allocation = result
                diagnostics += problems
            } else {
                diagnostics += settings.problems()
            }
        } else if weights.isEmpty {
            diagnostics.append(Diagnostic(
                .noWeights, "no weights given",
                hint: "name each indicator with its weight: --weight population=1/3 --weight crime=1/3 --weight deprivation=1/3"))
        }

        var explained: AreaAllocation?
        if let allocation, let explain {
            explained = allocation.area(named: explain)
            if explained == nil {
                let names = allocation.areas.map(\.name)
                var hint = "the areas are " + names.joined(separator: ", ")
                if let close = closest(explain, names) { hint = "did you mean \(close)? " + hint }
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
        }

        let status = ExitStatus(diagnostics)
        if !diagnostics.isEmpty {
            Console.error(DiagnosticRenderer().render(diagnostics) + diagnostics.summary)
        }
        guard status != .badInput, let allocation, let chosenFormat else {
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        if let explained {
            Console.out(AllocationExplanation.text(allocation, area: explained))
        } else if let step, let table = areaTable, let settings = allocationSettings {
            let result = Sensitivity.run(table, settings, base: allocation, step: step)
            Console.out(chosenFormat == .csv ? SensitivityTable.csv(result) : SensitivityTable.text(result))
        } else {
            switch chosenFormat {
            case .table: Console.out(AllocationTable.text(allocation))
            case .csv: Console.out(AllocationCSV.text(allocation))
            case .json: Console.out(AllocationJSON.text(allocation))
            }
        }
        if status != .clean { throw ExitCode(status.rawValue) }
    }

    private func diagnostic(_ code: DiagnosticCode, _ message: String, hint: String, origin: SettingOrigin?) -> Diagnostic {
        origin?.diagnostic(code, message, hint: hint) ?? Diagnostic(code, message, hint: hint)
    }

    /// The name nearest to `word` ignoring case, when one starts the same way.
    private func closest(_ word: String, _ names: [String]) -> String? {
        let lower = word.lowercased()
        return names.first { $0.lowercased() == lower }
            ?? names.first { $0.lowercased().hasPrefix(lower) || lower.hasPrefix($0.lowercased()) }
    }
}
