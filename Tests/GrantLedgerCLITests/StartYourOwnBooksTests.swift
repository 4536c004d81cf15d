import Foundation
import Testing

/// The README's "Start your own books" shows real output: `init`, `check`, the grants and budget
/// reports and the first committee workbook on the new books, and `init` refusing the folder once
/// it is full, exactly as the commands print them (`Tests/tools/regenerate_readme.py` rewrites them).
@Suite("README: start your own books")
struct StartYourOwnBooksTests {
    @Test func everyBlockPrintsWhatItShows() throws {
        let blocks = try ReadmeConsole.blocks(section: "## Start your own books")
        #expect(blocks.count == 5)
        #expect(blocks.first?.hasPrefix("$ grantledger init my-books\nwrote 6 files to my-books/:\n") == true)
        #expect(blocks.contains { $0.hasPrefix("$ grantledger check my-books\n6 files, ") && $0.contains("1 grant (£120,000.00 awarded), 1 bid, 4 areas") })
        #expect(blocks.contains { $0.contains("$ grantledger report grants --fy 2026-27 my-books\n") && $0.contains("$ grantledger report budget ") })
        #expect(blocks.contains { $0.hasPrefix("$ grantledger export --xlsx my-books/committee.xlsx --as-of 2026-") && $0.contains("Summary") })
        #expect(blocks.last?.contains("error[folder-not-empty]") == true)
        let folder = try ReadmeConsole.workspace()
        for block in blocks {
            #expect(try ReadmeConsole.output(of: block, in: folder.url) == block, "regenerate the README block that starts: \(block.prefix(80))")
        }
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("my-books/committee.xlsx").path))
    }
}
