import Foundation
import GrantLedgerTestSupport
import GrantLedgerCore
import Testing

/// `allocate` and `export --xlsx` share one group of allocation options and one loader: a setting
/// the old export flags lacked (a top-slice) is now read by export too, with allocate's message;
/// and each of the fourteen settings given as options allocates exactly as the same setting
/// written in a scenario file.
@Suite("Allocation flags")
struct AllocationFlagsTests {
    static let settings = ["--pot", "£100.00", "--areas", "examples/areas/nottinghamshire-districts.csv",
                           "--weight", "population=1", "--top-slice", "evaluation £200.00"]

    @Test func exportReadsEverySettingAsAllocateDoes() throws {
        let folder = try ReportTestCLI.temporaryDirectory()
        let target = folder.appendingPathComponent("committee.xlsx")
        let export = try ReportTestCLI.grantledger(["export", "--xlsx", target.path] + Self.settings)
        let allocate = try ReportTestCLI.grantledger(["allocate"] + Self.settings)
        let message = "error[top-slices-exceed-pot]: the top-slices add up to £200.00, more than the pot £100.00"
        #expect(export.status == 2)
        #expect(allocate.status == 2)
        #expect(export.stderr.contains(message), "\(export.stderr)")
        #expect(allocate.stderr.contains(message), "\(allocate.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    /// One setting as options and as a scenario file's lines. Paths are absolute, so the file's
    /// folder (where its relative paths start) does not matter and both show the same path.
    struct Setting: CustomTestStringConvertible, Sendable {
        let key: ScenarioKey
        let options: [String]
        let lines: [String]
        /// Replaces the base weights (an indicator is only used when weighted).
        var weights: [(name: String, value: String)]? = nil

        var testDescription: String { key.rawValue }
    }

    static let root = ReportTestCLI.root.path
    static let areas = "\(root)/examples/areas/nottinghamshire-districts.csv"
    static let workbook = "\(root)/examples/areas/nottinghamshire-districts.xlsx"
    static let previous = "\(root)/examples/scenarios/nwps-2020-21-illustrative.csv"
    static let baseWeights: [(name: String, value: String)] = [("population", "1/3"), ("crime", "1/3"), ("deprivation", "1/3")]

    static let everySetting: [Setting] = [
        Setting(key: .title, options: ["--title", "Thirds, as a one-off"], lines: []),
        Setting(key: .description, options: ["--description", "Every district by the board's method"],
                lines: ["description  Every district by the board's method"]),
        Setting(key: .pot, options: ["--pot", "grant:pcc-nwps-2021-22 line:nwps ledger:\(root)/ledgers/nottinghamshire"],
                lines: ["pot  grant:pcc-nwps-2021-22 line:nwps ledger:\(root)/ledgers/nottinghamshire"]),
        Setting(key: .areas, options: [], lines: []),
        // The same districts from a workbook's sheet, named as a person would type it.
        Setting(key: .areaSheet, options: ["--area-sheet", "districts"], lines: ["area-sheet  districts"]),
        Setting(key: .weight, options: [], lines: [],
                weights: [("population", "0.4"), ("crime", "35%"), ("deprivation", "1/4")]),
        Setting(key: .indicator, options: ["--indicator", "deprivation-pw = deprivation × population"],
                lines: ["indicator  deprivation-pw = deprivation × population"],
                weights: [("population", "1/4"), ("crime", "1/2"), ("deprivation-pw", "1/4")]),
        Setting(key: .round, options: ["--round", "1"], lines: ["round  1"]),
        Setting(key: .floor, options: ["--floor", "£36,000.00", "--floor", "Rushcliffe £37,500.00"],
                lines: ["floor  £36,000.00", "floor  Rushcliffe £37,500.00"]),
        Setting(key: .cap, options: ["--cap", "£44,000.00", "--cap", "Mansfield 41000"],
                lines: ["cap  £44,000.00", "cap  Mansfield 41000"]),
        Setting(key: .topSlice, options: ["--top-slice", "evaluation £5,000.00", "--top-slice", "hub £10,000 to Mansfield"],
                lines: ["top-slice  evaluation £5,000.00", "top-slice  hub £10,000 to Mansfield"]),
        Setting(key: .previous, options: ["--previous", previous], lines: ["previous  \(previous)"]),
        Setting(key: .damping, options: ["--previous", previous, "--damping=-5%,+10%"],
                lines: ["previous  \(previous)", "damping  -5%,+10%"]),
        Setting(key: .perHead, options: ["--per-head", "population"], lines: ["per-head  population"]),
    ]

    /// Every key a scenario file holds has a case here, so a new setting cannot go untested.
    @Test func everySettingIsCompared() {
        #expect(Set(Self.everySetting.map(\.key)) == Set(ScenarioKey.allCases))
    }

    @Test(arguments: everySetting)
    func anOptionAllocatesAsTheSameLineInAFile(_ setting: Setting) throws {
        let (options, file) = try Self.optionsAndFile(setting)
        let fromOptions = try ReportTestCLI.grantledger(["allocate"] + options)
        let fromFile = try ReportTestCLI.grantledger(["allocate", file.path, "--format", "json"])
        #expect(fromOptions.status == 0, "\(fromOptions.stderr)")
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let optionsJSON = try Self.allocation(fromOptions.stdout)
        #expect(optionsJSON == (try Self.allocation(fromFile.stdout)))
        // The setting took effect: the allocation is not the base one (areas: the base itself).
        if setting.key != .areas && setting.key != .areaSheet {
            let base = try ReportTestCLI.grantledger(["allocate", "--name", "s", "--areas", Self.areas, "--format", "json",
                                                      "--pot", "£270,750.00"]
                                                     + Self.baseWeights.flatMap { ["--weight", "\($0)=\($1)"] })
            #expect(optionsJSON != (try Self.allocation(base.stdout)))
        }
    }

    /// Export's half of the same promise: the allocation sheet export draws from the options is the
    /// sheet it draws from the same setting in a scenario file, cell for cell (formulas and cached
    /// values, read back by openpyxl), but for where the scenario came from.
    @Test(.enabled(if: Requirement.workbookOracle.shouldRun), arguments: everySetting)
    func anOptionDrawsTheSheetTheSameLineInAFileDraws(_ setting: Setting) throws {
        let (options, file) = try Self.optionsAndFile(setting)
        let folder = file.deletingLastPathComponent()
        let fromOptions = folder.appendingPathComponent("options.xlsx").path, fromFile = folder.appendingPathComponent("file.xlsx").path
        let common = ["export", "--as-of", "2026-11-25", "\(Self.root)/ledgers"]
        let optionsRun = try ReportTestCLI.grantledger(common + ["--xlsx", fromOptions, "--allocation-name", "s"]
                                                       + options.filter { $0 != "--format" && $0 != "json" && $0 != "--name" && $0 != "s" })
        let fileRun = try ReportTestCLI.grantledger(common + ["--xlsx", fromFile, "--scenario", file.path])
        #expect(optionsRun.status == 0, "\(optionsRun.stderr)")
        #expect(fileRun.status == 0, "\(fileRun.stderr)")
        let (a, b) = (try WorkbookOracle.inspect(fromOptions).cells("s"), try WorkbookOracle.inspect(fromFile).cells("s"))
        #expect(a.count > 50 && a.count == b.count, "\(a.count) cells and \(b.count)")
        for (ref, cell) in a {
            var value = cell["value"] as? String, other = b[ref]?["value"] as? String
            if ref == "A2" { value = value.map { $0.replacingOccurrences(of: "From the command line. ", with: "") } }
            if value != nil || other != nil {
                #expect(value == other, "\(setting.key) \(ref)")
            } else {
                #expect((cell["value"] as? NSNumber) == (b[ref]?["value"] as? NSNumber), "\(setting.key) \(ref)")
                #expect((cell["cached"] as? NSNumber) == (b[ref]?["cached"] as? NSNumber), "\(setting.key) \(ref)")
            }
        }
    }

    /// The options for `setting` over the base scenario, and the same written as a scenario file named s.
    static func optionsAndFile(_ setting: Setting) throws -> (options: [String], file: URL) {
        let weights = setting.weights ?? Self.baseWeights
        let areas = setting.key == .areaSheet ? Self.workbook : Self.areas
        var options = ["--name", "s", "--areas", areas, "--format", "json"]
        var lines = ["areas  \(areas)"]
        if setting.key != .pot {
            options += ["--pot", "£270,750.00"]
            lines.append("pot  £270,750.00")
        }
        for (name, value) in weights {
            options += ["--weight", "\(name)=\(value)"]
            lines.append("weight  \(name)  \(value)")
        }
        options += setting.options
        lines += setting.lines
        let title = setting.key == .title ? "  Thirds, as a one-off" : ""
        let folder = try ReportTestCLI.temporaryDirectory()
        let file = folder.appendingPathComponent("s.scenario")
        try Data(("scenario s\(title)\n" + lines.map { "  " + $0 + "\n" }.joined()).utf8).write(to: file)
        return (options, file)
    }

    /// The JSON allocation without the scenario's file, the one thing a file has that options lack.
    static func allocation(_ json: String) throws -> NSDictionary {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let document = try #require((object as? NSDictionary)?.mutableCopy() as? NSMutableDictionary, "\(json)")
        let scenario = try #require((document["scenario"] as? NSDictionary)?.mutableCopy() as? NSMutableDictionary)
        scenario.removeObject(forKey: "file")
        document["scenario"] = scenario
        return document
    }
}
