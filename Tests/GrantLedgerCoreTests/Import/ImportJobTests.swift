import Foundation
import GrantLedgerCore
import Testing

/// The import job on the shipped books and export: a dry run plans and rechecks without writing;
/// a ledger that is not one of the books is refused before anything is read further.
@Suite("Import job")
struct ImportJobTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func job(into: String, dryRun: Bool = true) -> ImportJob {
        ImportJob(export: path("examples/finance/ncc-nwps-2021-q2.csv"), rules: path("examples/finance/ncc-nwps.rules"),
                  into: into, books: [path("ledgers")], dryRun: dryRun)
    }

    @Test func aDryRunPlansTheNewRowsAndWritesNothing() throws {
        let into = Self.path("ledgers/nottinghamshire/nwps-2021-22.ledger")
        let before = try Data(contentsOf: URL(fileURLWithPath: into))
        guard case .wouldImport(let block, let counts) = Self.job(into: into).run(sources: SourceFiles()) else {
            Issue.record("a dry run of new rows would import them")
            return
        }
        #expect(counts.transactions > 0 && counts.rowsToAdd >= counts.transactions)
        #expect(block.hasPrefix("; Imported by grantledger import from "))
        #expect(block.components(separatedBy: "\n20").count - 1 == counts.transactions, "one dated transaction per count")
        #expect(try Data(contentsOf: URL(fileURLWithPath: into)) == before, "a dry run writes nothing")
    }

    @Test func aDryRunLeavesTheCallersFilesAsTheyAreOnDisk() throws {
        let into = Self.path("ledgers/nottinghamshire/nwps-2021-22.ledger")
        let books = [Self.path("ledgers")]
        let onDisk = LedgerLoader.load(paths: books, sources: SourceFiles()).ledger
        let sources = SourceFiles()
        guard case .wouldImport(_, let counts) = Self.job(into: into).run(sources: sources) else {
            Issue.record("a dry run of new rows would import them")
            return
        }
        #expect(counts.transactions > 0)
        let again = LedgerLoader.load(paths: books, sources: sources).ledger
        #expect(again.transactions.count == onDisk.transactions.count, "the same door, loaded again, reads the books on disk")
        #expect(sources.file(atPath: into)?.bytes == Array(try Data(contentsOf: URL(fileURLWithPath: into))))
    }

    @Test func aLedgerOutsideTheBooksIsRefusedAtItsOrigin() throws {
        let origin = SettingOrigin(location: SourceLocation(file: "command line", line: 1, column: 9), length: 7, excerpt: nil)
        // A folder of its own: the job locks the folder of the ledger it would write.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-job-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let elsewhere = folder.appendingPathComponent("elsewhere.txt").path
        var job = Self.job(into: elsewhere, dryRun: false)
        job.intoOrigin = origin
        guard case .refused(let diagnostics, let refusal) = job.run(sources: SourceFiles()) else {
            Issue.record("a ledger outside the books is refused")
            return
        }
        #expect(refusal == .input)
        #expect(diagnostics.map(\.code) == [.badValue])
        #expect(diagnostics.first?.location == origin.location, "shown where --into was given")
        #expect(diagnostics.first?.message.hasPrefix("\(elsewhere) does not exist") == true)
    }
}
