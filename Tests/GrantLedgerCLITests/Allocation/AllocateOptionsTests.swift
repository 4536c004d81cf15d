import Foundation
import Testing

/// The full method's options on the command line: what they add to each output, and a located error
/// with exit 2 for each way they can be written wrongly.
@Suite("grantledger allocate: the full method's options", .serialized)
struct AllocateOptionsTests {
    static let districts = "examples/areas/nottinghamshire-districts.csv"
    static let base = ["--pot", "£270,750.00", "--areas", districts, "--weight", "population=1/3", "--weight", "crime=1/3",
                       "--weight", "deprivation=1/3"]

    static func previousFile() throws -> URL {
        let directory = try AllocateCLI.temporaryDirectory()
        let file = directory.appendingPathComponent("last.csv")
        try """
        area,amount
        Ashfield,41464.44
        Bassetlaw,38673.88
        Broxtowe,36408.61
        Gedling,38509.73
        Mansfield,36277.28
        Newark and Sherwood,40348.22
        Rushcliffe,39067.84

        """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func everyOptionShowsInTheCSV() throws {
        let previous = try Self.previousFile()
        let output = try AllocateCLI.allocate(Self.base + [
            "--floor", "£20,000", "--cap", "Mansfield £45,000", "--top-slice", "evaluation £10,750", "--top-slice", "oak-tree £5,000 to Gedling",
            "--previous", previous.path, "--damping=-10%,+15%", "--per-head", "population", "--format", "csv",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.first == "area,share,amount,floored,capped,top_slice,damping,previous,change,change_pct,per_head,kind")
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let pence = rows.map { Int($0[2].replacingOccurrences(of: ".", with: "")) ?? 0 }
        let areaPence = zip(rows, pence).filter { $0.0.last == "area" }.map(\.1)
        #expect(pence.reduce(0, +) == 27_075_000, "every row, the retained top-slice's with the areas', adds up to the pot")
        #expect(areaPence.reduce(0, +) == 26_000_000, "the areas' rows: the pot less the retained top-slice")
        #expect(areaPence.count == 7)
        // The retained top-slice is the last row: its name, its amount and its kind, nothing else.
        #expect(lines.last == "evaluation,,10750.00,,,,,,,,,retained")
        #expect(lines.contains { $0.hasPrefix("Gedling,") && $0.contains(",5000.00,") })
    }

    /// This year's CSV, retained row and all, reads back as next year's previous allocation: the
    /// retained row is skipped, not taken for an area the area file lacks.
    @Test func theCSVReadsBackAsLastYear() throws {
        let output = try AllocateCLI.allocate(Self.base + ["--top-slice", "evaluation £10,750", "--format", "csv"])
        #expect(output.status == 0, "\(output.stderr)")
        let file = try AllocateCLI.temporaryDirectory().appendingPathComponent("this-year.csv")
        try output.stdout.write(to: file, atomically: true, encoding: .utf8)
        let next = try AllocateCLI.allocate(Self.base + ["--previous", file.path, "--format", "csv"])
        #expect(next.status == 0, "\(next.stderr)")
        let lines = next.stdout.split(separator: "\n")
        #expect(lines.first == "area,share,amount,previous,change,change_pct")
        // Last year's Ashfield is this run's.
        let last = output.stdout.split(separator: "\n").first { $0.hasPrefix("Ashfield,") }?.split(separator: ",")[2]
        #expect(lines.first { $0.hasPrefix("Ashfield,") }?.split(separator: ",")[3] == last)
    }

    /// Several scenarios side by side as CSV: a retained row per top-slice name, so each scenario's
    /// column adds up to its pot, and its difference from the first.
    @Test func theComparisonCSVCarriesTheRetainedRows() throws {
        let output = try AllocateCLI.allocate(["examples/scenarios/nwps-2021-22-thirds.scenario",
                                               "examples/scenarios/nwps-2021-22-damped.scenario", "--format", "csv"])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.first?.hasSuffix(",kind") == true)
        #expect(lines.last == "evaluation,0.00,5000.00,5000.00,retained")
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        for column in [1, 2] {
            let pence = rows.map { Int($0[column].replacingOccurrences(of: ".", with: "")) ?? 0 }
            #expect(pence.reduce(0, +) == 27_075_000, "column \(column) adds up to the pot")
        }
        #expect(rows.dropLast().allSatisfy { $0.last == "area" })
    }

    @Test func theTableEndsWithThePot() throws {
        let output = try AllocateCLI.allocate(Self.base + ["--top-slice", "evaluation £10,750", "--per-head", "population"])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.last?.hasPrefix("Pot") == true)
        #expect(lines.last?.hasSuffix("£270,750.00") == true)
        #expect(lines.contains { $0.hasPrefix("Retained: evaluation") && $0.hasSuffix("£10,750.00") })
        #expect(lines.contains { $0.hasPrefix("Total to areas") && $0.contains("£260,000.00") })
        #expect(output.stdout.contains("Per head: amount / population"))
    }

    @Test func derivedIndicatorsAreExplained() throws {
        let output = try AllocateCLI.allocate([
            "--pot", "£270,750.00", "--areas", Self.districts, "--indicator", "deprivation-pw = deprivation × population",
            "--weight", "population=1/4", "--weight", "crime=1/2", "--weight", "deprivation-pw=1/4", "--explain", "Mansfield",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("deprivation-pw = deprivation × population\n    = 28.503 × 110,500 = 3,149,581.5"))
    }

    @Test func dampingIsExplainedStepByStep() throws {
        let previous = try Self.previousFile()
        let output = try AllocateCLI.allocate(Self.base + ["--previous", previous.path, "--damping", "10%", "--explain", "Rushcliffe"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("Damping: within ±10% of last year"))
        #expect(output.stdout.contains("Rushcliffe is lifted to the bottom of its band: £35,161.06"))
        #expect(output.stdout.contains("Against last year (£39,067.84): −£3,906.78, −10.00%"))
    }

    struct BadOption: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        let expected: String
        var testDescription: String { name }
    }

    static let badOptions: [BadOption] = [
        BadOption(name: "top-slice to an unknown area", arguments: ["--top-slice", "x £10 to Mansfeld"],
                  expected: "error[unknown-area]: top-slice x: examples/areas/nottinghamshire-districts.csv has no area \"Mansfeld\""),
        BadOption(name: "floor of an unknown area", arguments: ["--floor", "Notts £10"], expected: "error[unknown-area]"),
        BadOption(name: "bad area floor amount", arguments: ["--floor", "Mansfield £1,0"], expected: "command line:1:184: error[bad-amount]"),
        BadOption(name: "cap not whole units", arguments: ["--cap", "£40,000.50", "--round", "1"], expected: "error[bad-cap]"),
        BadOption(name: "slice above its cap", arguments: ["--top-slice", "x £50,000 to Mansfield", "--cap", "Mansfield £40,000"],
                  expected: "error[bad-cap]: the top-slices paid to Mansfield, £50,000.00, are more than its cap £40,000.00"),
        BadOption(name: "damping without previous", arguments: ["--damping", "10%"], expected: "error[bad-damping]: damping holds areas near"),
        BadOption(name: "damping two sides reversed", arguments: ["--damping", "+5%,-5%"], expected: "error[bad-damping]"),
        BadOption(name: "missing previous file", arguments: ["--previous", "no/such.csv"], expected: "error[file-not-found]: previous allocation no/such.csv"),
        BadOption(name: "unknown per-head column", arguments: ["--per-head", "populaton"], expected: "did you mean \"population\"?"),
        BadOption(name: "derived indicator of an unknown column", arguments: ["--indicator", "h = severity(violence=2)", "--weight", "h=0"],
                  expected: "error[unknown-indicator]"),
        BadOption(name: "indicator defined twice", arguments: ["--indicator", "h = crime × population", "--indicator", "h = crime × deprivation"],
                  expected: "error[duplicate-setting]: indicator h is defined twice"),
        BadOption(name: "indicator hiding a column it does not use", arguments: ["--indicator", "population = crime × deprivation"],
                  expected: "error[bad-indicator-definition]: indicator population = crime × deprivation would hide the area file's own population column"),
        BadOption(name: "explain as JSON", arguments: ["--explain", "Mansfield", "--format", "json"],
                  expected: "error[bad-value]: --explain is shown as text, not JSON"),
        BadOption(name: "explain as CSV", arguments: ["--explain", "Mansfield", "--format", "csv"],
                  expected: "error[bad-value]: --explain is shown as text, not CSV"),
    ]

    /// `--damping` given over a scenario file that names no previous allocation: the hint says how
    /// to give one in the options' words (the problem was made on the command line), once.
    @Test func dampingOverAFileIsHintedInTheOptionsWords() throws {
        let scenario = AllocateCLI.root.appendingPathComponent("examples/scenarios/nwps-2021-22-thirds.scenario").path
        let output = try AllocateCLI.allocate([scenario, scenario, "--damping", "5%"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("hint: name last year's allocation with --previous FILE.csv"), "\(output.stderr)")
        #expect(output.stderr.components(separatedBy: "error[bad-damping]").count - 1 == 1, "said once: \(output.stderr)")
    }

    @Test(arguments: badOptions)
    func badOptionsAreLocatedErrors(_ option: BadOption) throws {
        let output = try AllocateCLI.allocate(Self.base + option.arguments)
        #expect(output.status == 2)
        #expect(output.stderr.contains(option.expected), "\(output.stderr)")
        #expect(output.stderr.contains("command line:1:") || option.name == "missing previous file", "\(output.stderr)")
        #expect(output.stdout.isEmpty)
    }

    @Test func badPreviousFilesAreLocatedErrors() throws {
        let directory = try AllocateCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases: [(String, String)] = [
            ("area,amount\nAshfield,1,5\n", "last.csv:2:12: error[ragged-row]"),
            ("area,total\nAshfield,1\n", "last.csv:1:11: error[missing-field]"),
            ("area,amount\nAshfield,-£1.00\n", "last.csv:2:10: error[bad-amount]"),
            ("area,amount\nAshfield,1.234\n", "last.csv:2:"),
            ("area,amount\nAshfeld,1\n", "did you mean Ashfield?"),
        ]
        for (text, expected) in cases {
            try text.write(to: directory.appendingPathComponent("last.csv"), atomically: true, encoding: .utf8)
            let output = try AllocateCLI.allocate(
                ["--pot", "£100", "--areas", AllocateCLI.root.appendingPathComponent(Self.districts).path, "--weight", "population=1",
                 "--previous", "last.csv"], in: directory)
            #expect(output.status == 2)
            #expect(output.stderr.contains(expected), "\(text): \(output.stderr)")
        }
    }
}
