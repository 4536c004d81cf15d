import Foundation
import Testing
@testable import GrantLedgerXlsx

/// The workbook oracle the project carries (`Tests/tools/xlsx-oracle`): openpyxl reads the file as a
/// spreadsheet library would, and headless LibreOffice recalculates every formula so the cached
/// values can be compared with its results.
///
/// Skipped on a machine without the oracle; under CI (`CI` set) a missing oracle is a failure,
/// because `make test` installs everything it needs.
enum Oracle {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // GrantLedgerXlsxTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("tools/xlsx-oracle")  // the project's own copy

    static var isCI: Bool {
        guard let value = ProcessInfo.processInfo.environment["CI"]?.lowercased() else { return false }
        return !["", "0", "false", "no"].contains(value)
    }

    static var isAvailable: Bool { missing.isEmpty }

    /// What is missing, for the failure message.
    static let missing: [String] = {
        var missing: [String] = []
        if !FileManager.default.fileExists(atPath: directory.appendingPathComponent("xlsx_recalc_check.py").path) {
            missing.append("oracle scripts at \(directory.path)")
        }
        if (try? runTool(["python3", "-c", "import openpyxl"])) == nil { missing.append("python3 with openpyxl") }
        if (try? runTool(["sh", "-c", "command -v soffice"])) == nil { missing.append("soffice (LibreOffice)") }
        return missing
    }()

    static var shouldRun: Bool { isCI || isAvailable }

    /// `xlsx_recalc_check.py BOOK`: LibreOffice recalculates every formula; its last line
    /// (`N passed, M failed`) and all it printed.
    static func recalculate(_ path: String) throws -> (summary: String, output: String) {
        let output = String(decoding: try runTool([
            "python3", directory.appendingPathComponent("xlsx_recalc_check.py").path, path,
        ]), as: UTF8.self)
        return (output.split(separator: "\n").last.map(String.init) ?? "", output)
    }
}

@Suite("Independent oracle (openpyxl, LibreOffice)", .enabled(if: Oracle.shouldRun))
struct OracleTests {
    @Test("openpyxl sees text as text, formulas with cached values, formats, names and the chart")
    func openpyxlView() throws {
        try #require(Oracle.isAvailable, "oracle missing: \(Oracle.missing.joined(separator: ", "))")
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("committee.xlsx")
        try SampleWorkbook.write(to: path)
        let output = try runTool(["python3", Oracle.directory.appendingPathComponent("openpyxl_dump.py").path, path])
        let dump = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])

        #expect(dump["sheets"] as? [String] == ["Summary", "Spend data"])
        let cells = try #require(dump["cells"] as? [String: [String: [String: Any]]])
        let summary = try #require(cells["Summary"])
        for (ref, text) in zip(["B2", "B3", "B4", "B5"], [SampleWorkbook.injected] + SampleWorkbook.otherLeaders) {
            #expect(summary[ref]?["value"] as? String == text)
            #expect(summary[ref]?["type"] as? String == "s")
        }
        #expect(summary["C5"]?["type"] as? String == "f")
        #expect(summary["C5"]?["value"] as? String == "=SUM(C2:C4)")
        #expect(summary["C5"]?["cached"] as? Double == 399_750)
        #expect(summary["C5"]?["fmt"] as? String == CellStyle.moneyFormat)
        #expect(summary["C2"]?["value"] as? Double == 20_000)
        #expect(summary["D2"]?["value"] as? String == "2019-04-01T00:00:00")
        #expect(summary["D2"]?["fmt"] as? String == "dd/mm/yyyy")
        let names = try #require(dump["defined_names"] as? [String: String])
        #expect(names["Allocations"] == "'Spend data'!$B$2:$B$4")
        #expect(names["Spend data!Pot"] == "Summary!$C$3")
        let charts = try #require(dump["charts"] as? [String: Int])
        #expect(charts["Spend data"] == 1)
    }

    @Test("LibreOffice's recalculation agrees with every cached formula value")
    func recalculation() throws {
        try #require(Oracle.isAvailable, "oracle missing: \(Oracle.missing.joined(separator: ", "))")
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("committee.xlsx")
        try SampleWorkbook.write(to: path)
        let output = String(decoding: try runTool([
            "python3", Oracle.directory.appendingPathComponent("xlsx_recalc_check.py").path, path,
        ]), as: UTF8.self)
        let summary = try #require(output.split(separator: "\n").last.map(String.init))
        let parts = summary.split(separator: " ")
        #expect(summary.hasSuffix("passed, 0 failed"), "\(output)")
        #expect(parts.count == 4 && Int(parts[0]) == 3, "\(output)")
    }
}
