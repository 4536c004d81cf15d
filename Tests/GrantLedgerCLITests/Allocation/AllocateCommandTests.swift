import Foundation
import Testing

/// The command end to end: the shipped example, every output format, and a located error with exit 2
/// for every kind of bad area file and bad option.
@Suite("grantledger allocate", .serialized)
struct AllocateCommandTests {
    static let districts = "examples/areas/nottinghamshire-districts.csv"
    static let thirds = ["--weight", "population=1/3", "--weight", "crime=1/3", "--weight", "deprivation=1/3"]

    @Test func districtsExampleAddsUpToThePot() throws {
        let output = try AllocateCLI.allocate(["--pot", "£270,750.00", "--areas", Self.districts, "--format", "csv"] + Self.thirds)
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.first == "area,share,amount")
        #expect(lines.count == 8)
        let pence = lines.dropFirst().compactMap { line -> Int? in
            guard let amount = line.split(separator: ",").last else { return nil }
            return Int(amount.replacingOccurrences(of: ".", with: ""))
        }
        #expect(pence.reduce(0, +) == 27_075_000)
        #expect(lines[7] == "Rushcliffe,0.097622185264,26431.21")
    }

    /// The README shows the example command with its output: it must be the real output.
    @Test func documentedExampleIsTheRealOutput() throws {
        let doc = try String(contentsOf: AllocateCLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = doc.components(separatedBy: "```\n")
        let shown = try #require(blocks.first { $0.hasPrefix("Allocation of £270,750.00") })
        let output = try AllocateCLI.allocate(["--pot", "£270,750.00", "--areas", Self.districts] + Self.thirds)
        #expect(output.stdout == shown)
    }

    @Test func tableHasATotalEqualToThePot() throws {
        let output = try AllocateCLI.allocate(["--pot", "£270,750.00", "--areas", Self.districts] + Self.thirds)
        #expect(output.status == 0)
        let total = try #require(output.stdout.split(separator: "\n").last)
        #expect(total.hasPrefix("Total"))
        #expect(total.hasSuffix("£270,750.00"))
    }

    @Test func jsonKeepsExactFractions() throws {
        let output = try AllocateCLI.allocate(["--pot", "£270,750.00", "--areas", Self.districts, "--format", "json"] + Self.thirds)
        #expect(output.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["total"] as? String == "270750.00")
        let areas = try #require(object["areas"] as? [[String: Any]])
        #expect(areas.count == 7)
        #expect(areas.last?["blended_share"] as? String == "187065490895/1916219047847")
    }

    @Test func explainShowsTheWorking() throws {
        let output = try AllocateCLI.allocate(
            ["--pot", "£270,750.00", "--areas", Self.districts, "--explain", "Rushcliffe", "--floor", "30000"] + Self.thirds)
        #expect(output.status == 0)
        #expect(output.stdout.contains("119,000 / 824,700 = 1190/8247 ≈ 0.144294895113"))
        #expect(output.stdout.contains("Rushcliffe was below the floor: its amount is £30,000.00."))
        #expect(output.stdout.contains("Amount: £30,000.00"))
    }

    @Test func sensitivityChangesSumToZero() throws {
        let output = try AllocateCLI.allocate(["--pot", "£270,750.00", "--areas", Self.districts, "--sensitivity", "5%"] + Self.thirds)
        #expect(output.status == 0, "\(output.stderr)")
        let total = try #require(output.stdout.split(separator: "\n").last)
        #expect(total.split(separator: " ", omittingEmptySubsequences: true).dropFirst(2).allSatisfy { $0 == "£0.00" })
    }

    @Test func withCityRuns() throws {
        let output = try AllocateCLI.allocate(
            ["--pot", "£270,750", "--areas", "examples/areas/nottinghamshire-with-city.csv", "--round", "1"] + Self.thirds)
        #expect(output.status == 0)
        #expect(output.stdout.contains("Nottingham "))
    }

    /// A bad input: the file's content, extra arguments, and the `file:line:col: error[code]` expected.
    struct BadInput: CustomTestStringConvertible, Sendable {
        let name: String
        let csv: String
        let arguments: [String]
        let expected: String
        var testDescription: String { name }
    }

    static let good = "area,population,crime,deprivation\nA,100,10,1.5\nB,300,30,2.5\n"

    static let badInputs: [BadInput] = [
        BadInput(name: "empty file", csv: "", arguments: [], expected: "areas.csv:1:1: error[empty-area-file]"),
        BadInput(name: "header only", csv: "area,population,crime,deprivation\n", arguments: [],
                 expected: "areas.csv:1:1: error[no-areas]"),
        BadInput(name: "no area column", csv: "name,population,crime,deprivation\nA,1,1,1\n", arguments: [],
                 expected: "areas.csv:1:1: error[missing-area-column]"),
        BadInput(name: "duplicate column", csv: "area,population,crime,deprivation,crime\nA,1,1,1,1\n", arguments: [],
                 expected: "areas.csv:1:35: error[duplicate-column]"),
        BadInput(name: "missing column", csv: "area,population,crime\nA,1,1\n", arguments: [],
                 expected: "command line:1:"),
        BadInput(name: "not a number", csv: "area,population,crime,deprivation\nA,1,1,1\nB,12x,1,1\n", arguments: [],
                 expected: "areas.csv:3:5: error[bad-indicator-value]"),
        BadInput(name: "decimal comma", csv: "area,population,crime,deprivation\nA,1,1,\"1,5\"\n", arguments: [],
                 expected: "areas.csv:2:9: error[bad-indicator-value]"),
        BadInput(name: "empty value", csv: "area,population,crime,deprivation\nA,1,,1\n", arguments: [],
                 expected: "areas.csv:2:5: error[bad-indicator-value]"),
        BadInput(name: "negative", csv: "area,population,crime,deprivation\nA,1,1,1\nB,1,-4,1\n", arguments: [],
                 expected: "areas.csv:3:5: error[negative-indicator]"),
        BadInput(name: "zero column total", csv: "area,population,crime,deprivation\nA,1,0,1\nB,1,0.00,1\n", arguments: [],
                 expected: "areas.csv:1:17: error[zero-indicator-total]"),
        BadInput(name: "duplicate area", csv: "area,population,crime,deprivation\nA,1,1,1\nA,1,1,1\n", arguments: [],
                 expected: "areas.csv:3:1: error[duplicate-area]"),
        BadInput(name: "short row", csv: "area,population,crime,deprivation\nA,1,1\n", arguments: [],
                 expected: "areas.csv:2:6: error[ragged-row]"),
        BadInput(name: "long row", csv: "area,population,crime,deprivation\nA,1,1,1,9\n", arguments: [],
                 expected: "areas.csv:2:9: error[ragged-row]"),
        BadInput(name: "unclosed quote", csv: "area,population,crime,deprivation\n\"A,1,1,1\n", arguments: [],
                 expected: "areas.csv:2:1: error[bad-csv-quote]"),
        BadInput(name: "stray quote", csv: "area,population,crime,deprivation\nA\"x,1,1,1\n", arguments: [],
                 expected: "areas.csv:2:2: error[bad-csv-quote]"),
        BadInput(name: "empty area name", csv: "area,population,crime,deprivation\n,1,1,1\n", arguments: [],
                 expected: "areas.csv:2:1: error[bad-area-name]"),
        BadInput(name: "not UTF-8", csv: "area,population,crime,deprivation\nA\u{FFFD},1,1,1\n", arguments: [],
                 expected: "areas.csv:2:1: error[bad-encoding]"),
    ]

    @Test(arguments: badInputs)
    func badAreaFilesAreLocatedErrors(_ input: BadInput) throws {
        let directory = try AllocateCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var data = Data(input.csv.utf8)
        if input.name == "not UTF-8", let range = data.range(of: Data("\u{FFFD}".utf8)) { data.replaceSubrange(range, with: [0xFF]) }
        try data.write(to: directory.appendingPathComponent("areas.csv"))
        let output = try AllocateCLI.allocate(
            ["--pot", "£1,000.00", "--areas", "areas.csv"] + Self.thirds + input.arguments, in: directory)
        #expect(output.status == 2)
        #expect(output.stderr.contains(input.expected), "\(output.stderr)")
        #expect(output.stderr.contains("  hint: "))
        #expect(output.stdout.isEmpty)
    }

    struct BadOption: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        let expected: String
        var testDescription: String { name }
    }

    static let badOptions: [BadOption] = [
        BadOption(name: "weights short of one", arguments: ["--weight", "population=1/3", "--weight", "crime=1/3", "--weight", "deprivation=0.33"],
                  expected: "error[weights-not-one]: the weights sum to 299/300 (≈ 0.996667), 1/300 (≈ 0.003333) short of one"),
        BadOption(name: "weights over one", arguments: ["--weight", "population=50%", "--weight", "crime=60%"],
                  expected: "error[weights-not-one]: the weights sum to 1.1, 0.1 over one"),
        BadOption(name: "bad weight", arguments: ["--weight", "population=1/0", "--weight", "crime=1"],
                  expected: "command line:1:63: error[bad-weight]"),
        BadOption(name: "weight without name", arguments: ["--weight", "=1"], expected: "error[bad-weight]"),
        BadOption(name: "weight without equals", arguments: ["--weight", "population"], expected: "error[bad-weight]"),
        BadOption(name: "negative weight", arguments: ["--weight", "population=-1/2", "--weight", "crime=3/2"],
                  expected: "error[bad-weight]: the weight for population is negative"),
        BadOption(name: "weighted twice", arguments: ["--weight", "crime=1/2", "--weight", "crime=1/2"],
                  expected: "error[duplicate-weight]"),
        BadOption(name: "unknown indicator", arguments: ["--weight", "populaton=1"],
                  expected: "error[unknown-indicator]: examples/areas/nottinghamshire-districts.csv has no column \"populaton\""),
        BadOption(name: "no weights", arguments: [], expected: "error[no-weights]"),
        BadOption(name: "bad pot", arguments: ["--pot", "1,5"] + thirds, expected: "command line:1:29: error[bad-amount]"),
        BadOption(name: "negative pot", arguments: ["--pot=-£5.00"] + thirds, expected: "error[bad-pot]"),
        BadOption(name: "zero unit", arguments: ["--round", "0"] + thirds, expected: "error[bad-rounding-unit]"),
        BadOption(name: "pot not whole units", arguments: ["--pot", "£270,750.50", "--round", "100"] + thirds,
                  expected: "error[pot-not-whole-units]: the pot £270,750.50 is not a whole number of £100.00 units (£50.50 would be left over)"),
        BadOption(name: "floor not whole units", arguments: ["--round", "1", "--floor", "10.50"] + thirds, expected: "error[bad-floor]"),
        BadOption(name: "floors exceed pot", arguments: ["--floor", "£40,000"] + thirds,
                  expected: "error[floors-exceed-pot]: a floor of £40,000.00 for each of 7 areas costs £280,000.00, more than the pot £270,750.00"),
        BadOption(name: "unknown format", arguments: ["--format", "xlsx"] + thirds, expected: "error[bad-value]: unknown format \"xlsx\""),
        BadOption(name: "unknown area to explain", arguments: ["--explain", "Notts"] + thirds, expected: "error[unknown-area]"),
        BadOption(name: "bad sensitivity", arguments: ["--sensitivity", "120%"] + thirds,
                  expected: "error[bad-value]: --sensitivity \"120%\" is not a step between 0 and 1"),
        BadOption(name: "sensitivity as JSON", arguments: ["--sensitivity", "5%", "--format", "json"] + thirds,
                  expected: "error[bad-value]: --sensitivity is shown as a table or CSV, not JSON"),
        BadOption(name: "missing area file", arguments: ["--areas", "no/such.csv"] + thirds, expected: "error[file-not-found]"),
        BadOption(name: "area file is a folder", arguments: ["--areas", "examples"] + thirds, expected: "is a folder"),
    ]

    @Test(arguments: badOptions)
    func badOptionsAreLocatedErrors(_ option: BadOption) throws {
        var arguments = option.arguments
        if !arguments.contains(where: { $0.hasPrefix("--pot") }) { arguments = ["--pot", "£270,750.00"] + arguments }
        if !arguments.contains("--areas") { arguments += ["--areas", Self.districts] }
        let output = try AllocateCLI.allocate(arguments)
        #expect(output.status == 2)
        #expect(output.stderr.contains(option.expected), "\(output.stderr)")
        #expect(output.stdout.isEmpty)
    }

    @Test func everyProblemIsReportedInOneRun() throws {
        let directory = try AllocateCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "area,population,crime,deprivation\nA,1,x,1\nB,-1,1,1\nA,1,1,1\n".write(
            to: directory.appendingPathComponent("areas.csv"), atomically: true, encoding: .utf8)
        let output = try AllocateCLI.allocate(
            ["--pot", "£100.00", "--areas", "areas.csv", "--round", "0", "--weight", "population=1/2", "--weight", "crime=1/3",
             "--weight", "deprivation=1/7"], in: directory)
        #expect(output.status == 2)
        for code in ["bad-indicator-value", "negative-indicator", "duplicate-area", "bad-rounding-unit", "weights-not-one"] {
            #expect(output.stderr.contains("error[\(code)]"), "\(code)")
        }
        #expect(output.stderr.hasSuffix("5 errors, 0 findings\n"))
    }
}
