import Foundation
import Testing
@testable import GrantLedgerCore

/// No scenario file, however malformed, crashes the allocation: seeded mutations of the shipped
/// scenarios, each read, loaded (area files, last year's file, the ledger), allocated and shown in
/// every format, in-process; every problem located inside the file.
@Suite("Scenario robustness")
struct ScenarioRobustnessTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/scenarios")

    static let shipped: [(name: String, bytes: [UInt8])] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".scenario") }.sorted() ?? []
        return names.compactMap { name in (try? Data(contentsOf: folder.appendingPathComponent(name))).map { (name, Array($0)) } }
    }()

    /// Lines that a hurried edit might leave behind.
    static let lines = [
        "  floor Mansfield £1", "  cap £0", "  cap £1,000,000,000", "  top-slice x £270,750 to Ashfield", "  top-slice y £1 to",
        "  damping 100%", "  damping -100%,+0%", "  damping 0", "  indicator x = crime × crime × crime", "  indicator y = severity(crime=0)",
        "  weight x 1", "  weight crime 0", "  round 100000", "  round 0.01", "  previous nwps-2020-21-illustrative.csv",
        "  per-head crime", "  pot grant:pcc-nwps-2021-22", "  pot £0", "  pot £92,233,720,368,547,758.07", "  areas ../areas",
    ]

    @Test(arguments: 0..<4)
    func mutatedScenariosNeverTrap(_ batch: Int) throws {
        try #require(!Self.shipped.isEmpty, "no shipped scenarios found")
        var rng = RobustnessTests.SeededGenerator(state: 0x5CE0_0000 + UInt64(batch))
        let ledgers = LedgerCache()
        var allocated = 0
        for index in 0..<RobustnessTests.casesPerBatch {
            let source = Self.shipped[index % Self.shipped.count]
            var bytes = RobustnessTests.mutate(source.bytes, &rng)
            if Bool.random(using: &rng), let line = Self.lines.randomElement(using: &rng) { bytes += Array(("\n" + line + "\n").utf8) }
            let file = Self.folder.appendingPathComponent("mutated.scenario").path
            let lineCount = bytes.split(separator: ASCII.newline, omittingEmptySubsequences: false).count
            let (draft, problems) = ScenarioFile.parse(bytes, file: file)
            for problem in problems where problem.location?.file == file {
                #expect(problem.location.map { $0.line >= 1 && $0.line <= lineCount && $0.column >= 1 } == true, "\(problem)")
            }
            guard let draft else { continue }
            let (scenario, more) = ScenarioLoader.load(draft, ledgers: ledgers)
            for problem in more where problem.location?.file == file {
                #expect(problem.location.map { $0.line >= 1 && $0.line <= lineCount && $0.column >= 1 } == true, "\(problem)")
            }
            Self.expectRendered(problems + more)
            guard let scenario else {
                #expect((problems + more).contains { $0.severity == .error }, "a scenario refused says why")
                continue
            }
            let (allocation, diagnostics) = scenario.allocate()
            Self.expectRendered(diagnostics)
            guard let allocation else {
                #expect(diagnostics.contains { $0.severity == .error }, "an allocation refused says why")
                continue
            }
            allocated += 1
            #expect(allocation.total.pence + allocation.retained.pence == allocation.pot.pence)
            #expect(AllocationTable.text(allocation).contains(allocation.total.description), "the table shows the total")
            #expect(AllocationCSV.text(allocation).split(separator: "\n").count > allocation.areas.count, "a CSV row per area")
            #expect((try? JSONSerialization.jsonObject(with: Data(AllocationJSON.text(allocation).utf8))) != nil, "the JSON parses")
            if let area = allocation.areas.first {
                #expect(AllocationExplanation.text(allocation, area: area).contains(area.name), "the explanation names its area")
            }
            let (sweep, sweepProblems) = AllocationSweep.run(scenario.table, scenario.settings, count: 3)
            #expect(sweep != nil || sweepProblems.contains { $0.severity == .error }, "a sweep refused says why")
        }
        #expect(allocated > RobustnessTests.casesPerBatch / 10, "most mutations still allocate something")
    }

    @Test func randomSettingTextNeverTraps() {
        var rng = RobustnessTests.SeededGenerator(state: 0xA11C_0000)
        let pieces = ["£", "1", "0", ",", ".", "/", "%", "-", "+", "=", "×", "*", " ", "to", "Mansfield", "severity(", ")", "x", "\u{FF}", "9999999999999999999999"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined()
            let refusals: [SettingError?] = [
                Self.refusal { () throws(SettingError) in _ = try TopSlice.parse(text) },
                Self.refusal { () throws(SettingError) in _ = try AreaLimit.parse(text, kind: .floor) },
                Self.refusal { () throws(SettingError) in _ = try DampingBand.parse(text) },
                Self.refusal { () throws(SettingError) in _ = try IndicatorDefinition.parse(text) },
                Self.refusal { () throws(SettingError) in _ = try WeightSetting.parse(text) },
            ]
            for case let refusal? in refusals {
                #expect(refusal.diagnostic.severity == .error && !refusal.diagnostic.message.isEmpty, "\(text): refused with a reason")
            }
            // Nothing is all five settings at once.
            #expect(refusals.contains { $0 != nil }, "\(text) cannot be every kind of setting")
        }
    }

    /// The error a parse throws, nil when it accepts the text.
    static func refusal(_ parse: () throws(SettingError) -> Void) -> SettingError? {
        do throws(SettingError) { try parse() } catch { return error }
        return nil
    }

    /// Every problem shown is rendered with its code, and problems past none are lost.
    static func expectRendered(_ diagnostics: [Diagnostic]) {
        let rendered = DiagnosticRenderer().render(diagnostics)
        for diagnostic in diagnostics {
            #expect(rendered.contains("[\(diagnostic.code.rawValue)]"), "\(diagnostic) is shown")
        }
    }
}
