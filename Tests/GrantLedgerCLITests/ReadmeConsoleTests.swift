import Foundation
import GrantLedgerTestSupport
import Testing

/// Every console block in the README prints what it shows: each `## ` section's blocks run in
/// turn, as a reader would type them, in one copy of the shipped ledgers and examples
/// (`Tests/tools/regenerate_readme.py` rewrites them after a change; read the diff).
@Suite("README: every console block")
struct ReadmeConsoleTests {
    static let headings: [String] = (try? ReadmeConsole.headings()) ?? []

    @Test func theReadmeHasItsWalkthroughs() throws {
        let blocks = try Self.headings.flatMap { try ReadmeConsole.blocks(section: $0) }
        let readme = try ReadmeConsole.readme
        // Every console block belongs to a section this suite runs: none is left unchecked.
        #expect(blocks.count == readme.components(separatedBy: "```console\n").count - 1)
        #expect(blocks.count >= 24)
        #expect(Self.headings.contains("## A tour") && Self.headings.contains("## Import and audit"))
    }

    @Test(arguments: headings)
    func everyBlockPrintsWhatItShows(heading: String) throws {
        let folder = try ReadmeConsole.workspace()
        for block in try ReadmeConsole.blocks(section: heading) {
            if block.contains("$ hledger "), !Requirement.hledger.shouldRun { continue }
            #expect(try ReadmeConsole.output(of: block, in: folder.url) == block,
                    "\(heading): regenerate the README block that starts: \(block.prefix(80))")
        }
    }
}
