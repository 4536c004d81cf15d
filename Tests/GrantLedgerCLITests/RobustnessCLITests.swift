import Foundation
import Testing

/// A failed check changes nothing on disk: every file in the folder is byte-identical afterwards,
/// and nothing is added or removed.
@Suite("Robustness of the command")
struct RobustnessCLITests {
    @Test func aBrokenLedgerLeavesEveryFileAsItWas() throws {
        let folder = try ScratchFolder()
        var broken = Data("""
            include areas.ledger
            include missing.ledger
            account assets:bank
            account expenses:cctv
            2022-10-31 Caf
            """.utf8)
        broken.append(contentsOf: [0xE9, 0x0A, 0xFF, 0xFE])   // Windows-1252 é, then junk
        broken.append(Data("""

                expenses:cctv  £1,2
                assets:bank
            2022-02-30 x
                expenses:cctv  £99999999999999999999999
            grant
              line
            2022-10-31\r
            """.utf8))
        try folder.write("books/main.ledger", broken)
        try folder.write("books/areas.ledger", "area a  A\r\n  within  nowhere\r\ninclude main.ledger\r\n")
        try folder.write("books/notes.txt", "not a ledger")
        try folder.write("out/report.txt", "an earlier report")
        let before = try folder.snapshot()

        let result = try Grantledger.run(["check", "books", "books/main.ledger", "nope.ledger"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("error[bad-encoding]"))
        #expect(result.stderr.contains("error[include-cycle]"))
        #expect(result.stderr.contains("error[include-not-found]"))
        #expect(result.stderr.contains("error[file-not-found]"))

        let after = try folder.snapshot()
        #expect(Set(after.keys) == Set(before.keys))
        for (path, (data, modified)) in before {
            #expect(after[path]?.0 == data, "\(path) changed")
            #expect(after[path]?.1 == modified, "\(path) was touched")
        }
    }

    /// Each catalogue reproducer, copied to a scratch folder and checked there, leaves it unchanged
    /// and never crashes the program (a crash would exit with a signal, not 1 or 2).
    @Test func noReproducerCrashesOrWrites() throws {
        let catalogue = Grantledger.packageRoot.appendingPathComponent("Tests/ErrorCatalogue")
        let folder = try ScratchFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: catalogue.path) where name.hasSuffix(".ledger") {
            try folder.write(name, try Data(contentsOf: catalogue.appendingPathComponent(name)))
        }
        let before = try folder.snapshot()
        let result = try Grantledger.run(["check", "."], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.hasSuffix("findings\n") || result.stderr.hasSuffix("finding\n"))
        let after = try folder.snapshot()
        #expect(Set(after.keys) == Set(before.keys))
        for (path, (data, _)) in before { #expect(after[path]?.0 == data, "\(path) changed") }
    }
}
