import Foundation
import Testing

/// `grantledger allocate A.scenario B.scenario …`: the shipped scenarios run, a scenario and its
/// settings given as options give the same allocation (both ways round), options override a file,
/// several scenarios are compared, and problems in scenario files are located errors.
@Suite("grantledger allocate with scenario files", .serialized)
struct ScenarioCommandTests {
    static let folder = "examples/scenarios"

    static func shipped() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: AllocateCLI.root.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(".scenario") }.sorted().map { "\(folder)/\($0)" }
    }

    @Test func theShippedScenariosRun() throws {
        let scenarios = try Self.shipped()
        #expect(scenarios.count >= 4)
        for scenario in scenarios {
            let output = try AllocateCLI.allocate([scenario])
            #expect(output.status == 0, "\(scenario): \(output.stderr)")
            #expect(output.stderr.isEmpty)
            let pot = try #require(output.stdout.split(separator: "\n").first { $0.hasPrefix("Allocation of ") })
            let amount = pot.dropFirst("Allocation of ".count).prefix { $0 != " " }
            let lines = output.stdout.split(separator: "\n")
            #expect(lines.contains { ($0.hasPrefix("Total ") || $0.hasPrefix("Pot ")) && $0.contains("  \(amount)") },
                    "\(scenario): the total is the whole pot")
        }
    }

    /// A scenario file's settings as command-line options: `key value` becomes `--key value`, paths
    /// taken relative to the file.
    static func options(of scenario: String) throws -> [String] {
        let text = try String(contentsOf: AllocateCLI.root.appendingPathComponent(scenario), encoding: .utf8)
        let directory = (scenario as NSString).deletingLastPathComponent
        var options: [String] = []
        for line in text.split(separator: "\n") where line.hasPrefix(" ") {
            var content = line.trimmingCharacters(in: .whitespaces)
            if let comment = content.range(of: " ;") { content = String(content[..<comment.lowerBound]) }
            content = content.trimmingCharacters(in: .whitespaces)
            guard let space = content.firstIndex(of: " ") else { continue }
            let key = String(content[..<space])
            var value = content[space...].trimmingCharacters(in: .whitespaces)
            if key == "areas" || key == "previous" { value = (directory as NSString).appendingPathComponent(value) }
            if key == "pot", let ledger = value.range(of: "ledger:") {
                value = value[..<ledger.upperBound] + (directory as NSString).appendingPathComponent(String(value[ledger.upperBound...]))
            }
            options += key == "damping" ? ["--damping=\(value)"] : ["--\(key)", value]
        }
        return options
    }

    @Test func aScenarioAndItsOptionsGiveTheSameAllocation() throws {
        for scenario in try Self.shipped() {
            let fromFile = try AllocateCLI.allocate([scenario, "--format", "csv"])
            let fromOptions = try AllocateCLI.allocate(try Self.options(of: scenario) + ["--format", "csv"])
            #expect(fromFile.status == 0 && fromOptions.status == 0, "\(scenario): \(fromOptions.stderr)")
            #expect(fromFile.stdout == fromOptions.stdout, "\(scenario)")
        }
    }

    @Test func optionsWithEverySettingMakeAScenarioFile() throws {
        let directory = try AllocateCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let root = AllocateCLI.root.path
        let settings: [(String, String)] = [
            ("pot", "grant:pcc-nwps-2021-22 line:nwps ledger:\(root)/ledgers/nottinghamshire"),
            ("areas", "\(root)/examples/areas/nottinghamshire-districts.csv"),
            ("indicator", "deprivation-pw = deprivation × population"),
            ("indicator", "crime-pw = severity(crime=2, population=1/100)"),
            ("weight", "population=1/4"), ("weight", "crime-pw=1/4"), ("weight", "deprivation-pw=1/2"),
            ("round", "1"), ("floor", "£20,000"), ("floor", "Rushcliffe £30,000"), ("cap", "£46,000"), ("cap", "Mansfield=£44,000"),
            ("top-slice", "evaluation £5,000"), ("top-slice", "oak-tree £2,000 to Gedling"),
            ("previous", "\(root)/examples/scenarios/nwps-2020-21-illustrative.csv"), ("damping", "-10%,+12%"),
            ("per-head", "population"), ("description", "Every setting at once"),
        ]
        var file = "scenario every-setting  Every setting\n"
        var options: [String] = ["--name", "every-setting", "--title", "Every setting"]
        for (key, value) in settings {
            file += "  \(key)  \(value)\n"
            options += key == "damping" ? ["--damping=\(value)"] : ["--\(key)", value]
        }
        let path = directory.appendingPathComponent("every.scenario").path
        try file.write(toFile: path, atomically: true, encoding: .utf8)
        for format in ["csv", "table", "json"] {
            let fromFile = try AllocateCLI.allocate([path, "--format", format])
            let fromOptions = try AllocateCLI.allocate(options + ["--format", format])
            #expect(fromFile.status == 0, "\(fromFile.stderr)")
            #expect(fromOptions.status == 0, "\(fromOptions.stderr)")
            // Only the JSON names the scenario's file.
            let fileLine = "\"file\": \(format == "json" ? "\"\(path)\"" : "")"
            #expect(fromFile.stdout.replacingOccurrences(of: fileLine, with: "\"file\": null") == fromOptions.stdout, "\(format)")
        }
    }

    @Test func optionsOverrideEveryScenario() throws {
        let scenario = "\(Self.folder)/nwps-2021-22-thirds.scenario"
        let overridden = try AllocateCLI.allocate([scenario, "--floor", "£30,000", "--format", "csv"])
        let oneOff = try AllocateCLI.allocate(try Self.options(of: scenario) + ["--floor", "£30,000", "--format", "csv"])
        #expect(overridden.status == 0)
        #expect(overridden.stdout == oneOff.stdout)
        #expect(overridden.stdout.contains("Rushcliffe,0.097622185264,30000.00,yes"))
    }

    @Test func scenariosSideBySide() throws {
        let a = "\(Self.folder)/nwps-2021-22-thirds.scenario"
        let b = "\(Self.folder)/nwps-2021-22-damped.scenario"
        let table = try AllocateCLI.allocate([a, b])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("Comparison of 2 scenarios (differences against A)\n  A  nwps-2021-22-thirds"))
        #expect(table.stdout.contains("B − A"))
        let csv = try AllocateCLI.allocate([a, b, "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        // The damped scenario retains £5,000 for evaluation: a retained row after the seven areas.
        #expect(lines.first == "area,nwps-2021-22-thirds,nwps-2021-22-damped,nwps-2021-22-damped - nwps-2021-22-thirds,kind")
        #expect(lines.count == 9)
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",").map { Int($0.replacingOccurrences(of: ".", with: "")) ?? 0 }
            #expect(cells[2] - cells[1] == cells[3], "\(line)")
        }
        let json = try AllocateCLI.allocate([a, b, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["scenarios"] as? [Any])?.count == 2)
        #expect((object["comparison"] as? [Any])?.count == 7)
        let explained = try AllocateCLI.allocate([a, b, "--explain", "Rushcliffe"])
        #expect(explained.stdout.components(separatedBy: "How Rushcliffe receives").count == 3)
    }

    @Test func problemsInScenariosAreLocatedAndAllReported() throws {
        let directory = try AllocateCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let areas = AllocateCLI.root.appendingPathComponent("examples/areas/nottinghamshire-districts.csv").path
        let ledger = AllocateCLI.root.appendingPathComponent("ledgers").path
        try "scenario one\n  pot grant:pcc-nwps-2021-22 line:nwsp ledger:\(ledger)\n  areas \(areas)\n  weight population 1\n"
            .write(to: directory.appendingPathComponent("one.scenario"), atomically: true, encoding: .utf8)
        try "scenario one\n  pot £100\n  areas \(areas)\n  weight population 1/2\n  weight crime 1/3\n"
            .write(to: directory.appendingPathComponent("two.scenario"), atomically: true, encoding: .utf8)
        let output = try AllocateCLI.allocate(["one.scenario", "two.scenario", "missing.scenario"], in: directory)
        #expect(output.status == 2)
        #expect(output.stderr.contains("one.scenario:2:35: error[unknown-line]: grant pcc-nwps-2021-22 has no line nwsp"))
        #expect(output.stderr.contains("hint: did you mean nwps?"))
        #expect(output.stderr.contains("two.scenario:5:10: error[weights-not-one]"))
        #expect(output.stderr.contains("command line:1:48: error[file-not-found]: scenario missing.scenario cannot be read"))
        #expect(output.stdout.isEmpty)

        let twice = try AllocateCLI.allocate(["two.scenario", "two.scenario", "--weight", "population=1"], in: directory)
        #expect(twice.stderr.contains("two.scenario:1:10: error[duplicate-id]: two scenarios are named one"))
        let sensitivity = try AllocateCLI.allocate(
            ["two.scenario", "one.scenario", "--sensitivity", "5%", "--pot", "£100", "--weight", "population=1"], in: directory)
        #expect(sensitivity.stderr.contains("error[bad-value]: --sensitivity is shown for one scenario at a time"))
    }

    /// A scenario file's problems name its settings as the file writes them; an option that
    /// overrides the setting is named as the option.
    @Test func aScenarioFilesProblemsAreWordedInItsOwnTerms() throws {
        let directory = try AllocateCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let areas = AllocateCLI.root.appendingPathComponent("examples/areas/nottinghamshire-districts.csv").path
        try "scenario floors\n  pot £1,000.00\n  areas \(areas)\n  weight population 1\n  floor Gedling ten\n"
            .write(to: directory.appendingPathComponent("floors.scenario"), atomically: true, encoding: .utf8)
        let file = try AllocateCLI.allocate(["floors.scenario"], in: directory)
        #expect(file.status == 2)
        #expect(file.stderr.contains("floors.scenario:5:17: error[bad-amount]: floor for Gedling: unexpected character in an amount: ten"))
        #expect(!file.stderr.contains("--floor"))
        let option = try AllocateCLI.allocate(["floors.scenario", "--floor", "Gedling x"], in: directory)
        #expect(option.stderr.contains("error[bad-amount]: --floor for Gedling: unexpected character in an amount: x"))
    }
}

extension ScenarioCommandTests {
    /// The README shows a shipped scenario as it is (its output and the comparison are console
    /// blocks, which ReadmeConsoleTests runs).
    @Test func theReadmeShowsTheRealScenarioFile() throws {
        let readme = try String(contentsOf: AllocateCLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```\n")
        let file = try String(contentsOf: AllocateCLI.root.appendingPathComponent("\(Self.folder)/nwps-2021-22-thirds.scenario"),
                              encoding: .utf8)
        #expect(blocks.contains(file))
    }
}
