import Foundation
import GrantLedgerTestSupport
import Testing

/// The tests carry their own oracles: a clone with nothing beside it (no shared folder) runs the
/// workbook recalculation check from `Tests/tools`, and a missing oracle is a listed skip, never a
/// quiet pass.
@Suite("Oracles carried by the project")
struct OwnOraclesTests {
    @Test func theWorkbookOracleIsTheProjectsOwnScript() throws {
        let folder = Requirement.xlsxOracleFolder.standardizedFileURL.path
        #expect(folder.hasPrefix(packageRoot.standardizedFileURL.path + "/Tests/tools/"))
        for script in ["xlsx_recalc_check.py", "lo_recalc.sh", "openpyxl_dump.py"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/" + script), "\(script)")
        }
    }

    @Test func noTestReachesOutsideTheClone() throws {
        let tests = packageRoot.appendingPathComponent("Tests")
        let files = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        let sources = files.filter { ["swift", "py", "sh"].contains($0.pathExtension) }
        #expect(sources.count > 100)
        for file in sources where file.lastPathComponent != "OwnOraclesTests.swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            // The folder's name is put together here, so this file does not hold the path it forbids.
            let outside = [".." + "/shared", "shared" + "/tools"]
            #expect(!outside.contains { text.contains($0) }, "\(file.path)")
        }
    }

    @Test func aMissingOracleIsWrittenDownForMakeTestsList() throws {
        let missing = Requirement(name: "own-oracles probe \(UUID().uuidString.prefix(8))", missing: ["a tool that is not here"],
                                  requiredUnderCI: false)
        let file = Requirement.skipFolder.appendingPathComponent(missing.name.replacingOccurrences(of: " ", with: "-") + ".txt")
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(!missing.shouldRun)
        #expect(try String(contentsOf: file, encoding: .utf8) == "\(missing.name): a tool that is not here\n")
        let listed = try ToolProcess.run(URL(fileURLWithPath: "/bin/bash"),
                                         [packageRoot.appendingPathComponent("Tests/tools/report_skips.sh").path, Requirement.skipFolder.path])
        let report = String(decoding: listed.stderr, as: UTF8.self)
        #expect(listed.status == 0)
        #expect(report.contains("SKIPPED") && report.contains("  \(missing.name): a tool that is not here\n"))
        #expect(throws: Requirement.Unmet.self) { try missing.require() }
        let required = Requirement(name: missing.name + " required", missing: ["x"], requiredUnderCI: true)
        defer { try? FileManager.default.removeItem(at: Requirement.skipFolder.appendingPathComponent(required.name.replacingOccurrences(of: " ", with: "-") + ".txt")) }
        #expect(required.shouldRun == Requirement.isCI)
    }
}
