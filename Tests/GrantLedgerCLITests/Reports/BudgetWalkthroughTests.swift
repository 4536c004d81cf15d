import Foundation
import Testing

/// The README's "Budget monitoring through the year" shows real output: `report budget` for a
/// quarter, by quarter and by initiative, and `report register` behind one figure, on the shipped books, exactly
/// as the commands print it (`Tests/tools/regenerate_readme.py` rewrites them after a change).
@Suite("README: budget monitoring")
struct BudgetWalkthroughTests {
    @Test func theSectionShowsWhatItMeansTo() throws {
        let blocks = try ReadmeConsole.blocks(section: "## Budget monitoring through the year")
        #expect(blocks.count == 8)
        #expect(blocks.contains { $0.hasPrefix("$ grantledger report budget --quarter 2019-20-Q3") })
        #expect(blocks.contains { $0.contains("--by quarter") })
        #expect(blocks.contains { $0.hasPrefix("$ grantledger report register") && $0.contains("Balance") })
        #expect(blocks.contains { $0.contains("--rows initiatives") && $0.contains("nwps-rushcliffe") })
        #expect(blocks.contains { $0.hasPrefix("$ grantledger report calendar") && $0.contains("tranche spend-by") })
        #expect(blocks.contains { $0.hasPrefix("$ grantledger report claims") && $0.contains("submitted")
            && $0.contains("£114,521.45\n") })
        #expect(blocks.contains { $0.hasPrefix("$ grantledger claim ss4-bns --quarter 2022-23-Q3") && $0.contains("Inputs (SHA-256)") })
        #expect(blocks.contains { $0.contains("--rows tranches") && $0.contains("£478.55") })
    }
}
