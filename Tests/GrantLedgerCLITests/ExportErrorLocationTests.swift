import Foundation
import Testing

/// `export --xlsx`: every error about an option is located on the command line and names the option,
/// and the same scenario given twice is not an error at all. A program that reported these without
/// a place, or refused the repeat with an unlocated `duplicate-id`, fails here.
@Suite struct ExportErrorLocationTests {
    /// The same scenario twice is accepted: each mention gets its own sheet (`X`, `X (2)`), as
    /// `SheetNames.unique` gives any two scenarios whose names clash, and the comparison shows them
    /// side by side (no change, as a committee would expect). `allocate` refuses it, located at the
    /// second name, because its comparison table is keyed by name; a workbook is keyed by sheet.
    @Test func theSameScenarioTwiceGetsTwoSheets() throws {
        let folder = try ReportTestCLI.temporaryDirectory()
        let path = folder.appendingPathComponent("twice.xlsx").path
        let scenario = "examples/scenarios/nwps-2021-22-thirds.scenario"
        let result = try ReportTestCLI.grantledger(["export", "--xlsx", path, "--as-of", "2026-11-25",
                                                    "--scenario", scenario, "--scenario", scenario])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("nwps-2021-22-thirds, nwps-2021-22-thirds (2), Comparison"), "\(result.stdout)")
        #expect(!result.stderr.contains("duplicate-id"))
    }

    /// A missing allocation flag has no place of its own: the error names it and points at the
    /// first allocation flag given.
    @Test func aMissingAllocationFlagIsNamedAndLocated() throws {
        let folder = try ReportTestCLI.temporaryDirectory()
        let path = folder.appendingPathComponent("flags.xlsx").path
        let result = try ReportTestCLI.grantledger(["export", "--xlsx", path, "--as-of", "2026-11-25", "--round", "1"])
        #expect(result.status == 2)
        for (code, option) in [("bad-pot", "--pot"), ("file-not-found", "--areas"), ("no-weights", "--weight")] {
            let line = result.stderr.split(separator: "\n").first { $0.contains("error[\(code)]") }
            #expect(line?.hasPrefix("command line:1:") == true, "\(code): \(result.stderr)")
            #expect(line?.contains("(\(option))") == true, "\(code): \(result.stderr)")
        }
        #expect(!result.stderr.contains("grantledger: error"), "an unlocated error: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
