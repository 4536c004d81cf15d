import Foundation
import Testing
@testable import GrantLedgerCore

/// A chain of about 8,700 files each including the next once overflowed the reader's stack. It now
/// ends at the depth limit with one located error naming where the chain starts, in one pass and
/// when the file that starts it is read in ranges.
@Suite("A long chain of includes")
struct IncludeChainTests {
    static let length = 8_700

    static func chain() throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        var main = "account assets:bank\naccount expenses:cctv\n\n"
        for day in 1...80 { main += "2022-06-\(String(format: "%02d", day % 28 + 1)) Spend \(day)\n    expenses:cctv  £1.00\n    assets:bank\n\n" }
        main += "include c1.ledger\n"
        let path = try folder.write("main.ledger", main)
        for index in 1..<length { try folder.write("c\(index).ledger", "; link \(index)\ninclude c\(index + 1).ledger\n") }
        try folder.write("c\(length).ledger", "; the end\n")
        return (folder, path)
    }

    @Test(arguments: [1, 3])
    func aChainOfThousandsEndsAtTheLimitWithALocatedError(ranges: Int) throws {
        let (folder, path) = try Self.chain()
        let splitting = ranges == 1 ? SplitReadingTests.oneRange : SplitReadingTests.split(ranges)
        let (ledger, diagnostics) = LedgerReader.read(paths: [path], splitting: splitting)
        #expect(diagnostics.codes == [.includeTooDeep])
        let problem = try #require(diagnostics.first)
        let last = ReadSession.maximumIncludeDepth - 1
        #expect(problem.location == GrantLedgerCore.SourceLocation(file: folder.path + "/c\(last).ledger", line: 2, column: 9))
        #expect(problem.hint?.contains("the chain starts at main.ledger") == true, "\(problem.hint ?? "")")
        #expect(ledger.transactions.count == 80)
        #expect(ledger.files.count == ReadSession.maximumIncludeDepth)
    }
}
