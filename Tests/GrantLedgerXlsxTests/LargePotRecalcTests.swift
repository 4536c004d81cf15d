import Foundation
import GrantLedgerTestSupport
@testable import GrantLedgerCore
import Testing
@testable import GrantLedgerXlsx

/// A 1,000-area allocation at pots where binary arithmetic starts to lose pennies (£10m, £1bn,
/// £100bn, and the largest pot grantledger accepts, £9,999,999,999,999.99; 2^53 pence is past it and
/// refused where it is read): LibreOffice recalculates every formula and must agree with every
/// cached exact figure. Before formulas were gated by error bounds, 1 cell failed at £1bn, 775 at
/// £100bn and 1,963 near 2^53 pence, "units left over" among them.
@Suite("Large pots through LibreOffice", .enabled(if: Requirement.workbookOracle.shouldRun))
struct LargePotRecalcTests {
    static let pots: [(String, Int64)] = [
        ("£10m", 1_000_000_000), ("£1bn", 100_000_000_000), ("£100bn", 10_000_000_000_000),
        ("at the limit", Money.spreadsheetLimit.pence),
    ]

    @Test func thousandAreaWorkbooksRecalculateWithoutADifference() throws {
        try Requirement.workbookOracle.require()
        var generator = SplitMix64(seed: 2_053)
        let areas = ModelWorkbookOracleTests.randomAreas(1_000, using: &generator)
        let (ledger, _) = LedgerLoader.load(text: ModelWorkbookOracleTests.ledger)
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        for (label, pot) in Self.pots {
            let allocation = try ModelWorkbookOracleTests.allocation(
                areas, pot: pot, weights: [("population", "5/11"), ("crime", "1/3"), ("deprivation", "7/33")])
            let model = try CommitteeWorkbook.build(ledger, CommitteeWorkbookSettings(
                asOf: Day.parse("2019-12-31") ?? Day(daysSinceEpoch: 0),
                scenarios: [allocation.named("Pot \(label)")],
                provenance: Provenance(toolVersion: "0.0.0-test", commandLine: "test", inputs: [])))
            let path = ProcessInfo.processInfo.environment["KEEP_POT_BOOKS"].map { "\($0)/pot-\(pot).xlsx" } ?? scratch.file("pot-\(pot).xlsx")
            try WorkbookModelWriter.write(model, to: path)
            let (summary, output) = try XlsxOracle.recalculate(path)
            print("pot \(label): \(summary)")
            #expect(summary.hasSuffix(" passed, 0 failed"), "pot \(label): \(output.suffix(3_000))")
            #expect((Int(summary.split(separator: " ")[0]) ?? 0) > 1_000, "pot \(label): \(summary)")
        }
    }
}
