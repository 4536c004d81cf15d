import Foundation
import Testing

/// The README's "Start your own books" walks a new user from `init` to the first committee
/// workbook: `init`, `check`, the grants and budget reports and the export on the new books, then
/// `init` refusing the folder once it is full. `ReadmeConsoleTests` holds every block to what its
/// commands print (`Tests/tools/regenerate_readme.py` rewrites them); this says what they must show.
@Suite("README: start your own books")
struct StartYourOwnBooksTests {
    @Test func theSectionWalksFromInitToTheWorkbook() throws {
        let blocks = try ReadmeConsole.blocks(section: "## Start your own books")
        #expect(blocks.count == 5)
        #expect(blocks.first?.hasPrefix("$ grantledger init my-books\nwrote 6 files to my-books/:\n") == true)
        #expect(blocks.contains { $0.hasPrefix("$ grantledger check my-books\n6 files, ") && $0.contains("1 grant (£120,000.00 awarded), 1 bid, 4 areas") })
        #expect(blocks.contains { $0.contains("$ grantledger report grants --fy 2026-27 my-books\n") && $0.contains("£120,000.00")
            && $0.contains("$ grantledger report budget ") && $0.contains("Green") })
        #expect(blocks.contains { $0.hasPrefix("$ grantledger export --xlsx my-books/committee.xlsx --as-of 2026-") && $0.contains("Summary") })
        #expect(blocks.last?.contains("error[folder-not-empty]") == true && blocks.last?.hasSuffix("$ echo $?\n2\n") == true)
        // Where a new user finds it: after installing, before the tour of the shipped books.
        let readme = try ReadmeConsole.readme
        let start = try #require(readme.range(of: "\n## Start your own books\n"))
        #expect(try #require(readme.range(of: "\n## Two commands\n")).lowerBound < start.lowerBound)
        #expect(start.lowerBound < (try #require(readme.range(of: "\n## A tour\n"))).lowerBound)
    }
}
