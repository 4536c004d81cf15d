import Foundation
import GrantLedgerTestSupport
import Testing
@testable import GrantLedgerXlsx

@Suite("Independent oracle (openpyxl, LibreOffice)", .enabled(if: Requirement.workbookOracle.shouldRun))
struct OracleTests {
    @Test("openpyxl sees text as text, formulas with cached values, formats, names and the chart")
    func openpyxlView() throws {
        try Requirement.workbookOracle.require()
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("committee.xlsx")
        try SampleWorkbook.write(to: path)
        let output = try runTool(["python3", Requirement.xlsxOracleFolder.appendingPathComponent("openpyxl_dump.py").path, path])
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
        try Requirement.workbookOracle.require()
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("committee.xlsx")
        try SampleWorkbook.write(to: path)
        let (summary, output) = try XlsxOracle.recalculate(path)
        #expect(XlsxOracle.passedWithNoFailures(summary) == 3, "\(output)")
    }
}
