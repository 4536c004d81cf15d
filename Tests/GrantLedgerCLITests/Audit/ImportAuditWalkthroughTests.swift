import Foundation
import Testing

/// The README's "Import and audit" section shows real output: each console block, run as one shell
/// script in a copy of the repository's ledgers and examples, must print exactly what it shows.
@Suite("README: import and audit walkthrough")
struct ImportAuditWalkthroughTests {
    @Test func theSectionShowsWhatItMeansTo() throws {
        let blocks = try ReadmeConsole.blocks(section: "## Import and audit")
        #expect(blocks.count == 6)
    }
}
