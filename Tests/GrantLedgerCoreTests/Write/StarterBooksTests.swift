import Foundation
import Testing
@testable import GrantLedgerCore

/// The books `grantledger init` writes: read through the core reader and checked, they give no
/// error and no finding, hold what a new office needs to see, and label every invented entry.
@Suite("Starter books")
struct StarterBooksTests {
    /// The starter books as the reader sees them from memory, named from `folder`: `main.ledger`
    /// and the files it includes, without touching the disk.
    static func load(namedAt folder: String) -> (ledger: Ledger, diagnostics: [Diagnostic]) {
        let sources = SourceFiles()
        for file in StarterBooks.files {
            sources.replace(folder + "/" + file.name, with: Array(file.text.utf8))
        }
        return LedgerLoader.load(paths: [folder + "/main.ledger"], sources: sources)
    }

    @Test func everyFileReadsAndChecksWithNoDiagnostics() {
        let (ledger, diagnostics) = Self.load(namedAt: "/nonexistent-starter-books")
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.location.map { "\($0.file):\($0.line)" } ?? ""): \($0.code.rawValue) \($0.message)" })")
        // Every file was reached through main.ledger's includes.
        #expect(Set(ledger.files.map(FilePaths.lastComponent)) == Set(StarterBooks.files.map(\.name)))
        #expect(StarterBooks.files.first?.name == "main.ledger")
    }

    @Test func theBooksHoldAGrantABidAreasAndSpend() throws {
        let ledger = Self.load(namedAt: "/nonexistent-starter-books").ledger
        let grant = try #require(ledger.grants.first)
        #expect(ledger.grants.count == 1 && ledger.bids.count == 1)
        #expect(grant.award == Money(pence: 12_000_000))
        #expect(grant.lines.count == 3)
        #expect(grant.profiles.count == grant.lines.count)
        #expect(ledger.bids[0].grantID == grant.id)
        #expect(ledger.bids[0].awarded == grant.award)
        #expect(ledger.areas.count >= 2)
        let spend = ledger.postings.filter { $0.hasGrant && ledger.account(of: $0).kind == .expenses && $0.grantLine >= 0 && $0.area >= 0 }
        #expect(spend.count >= 3)
    }

    @Test func everyTransactionIsDatedInTheStarterYear() throws {
        let ledger = Self.load(namedAt: "/nonexistent-starter-books").ledger
        let year = try #require(FinancialYear.parse(StarterBooks.year))
        #expect(!ledger.transactions.isEmpty)
        for transaction in ledger.transactions {
            #expect(year.period.contains(transaction.date), "\(transaction.date) is not in \(StarterBooks.year)")
        }
        #expect(StarterBooks.files.contains { $0.name.contains(StarterBooks.year) })
    }

    @Test func inventedEntriesAreLabelled() {
        let ledger = Self.load(namedAt: "/nonexistent-starter-books").ledger
        let names = ledger.grants.map(\.name) + ledger.bids.map(\.name) + ledger.areas.map(\.name) + ledger.initiatives.map(\.name)
        for name in names {
            #expect(name.lowercased().contains("example"), "\(name) is not labelled an example")
        }
        for file in StarterBooks.files {
            #expect(file.text.contains("Illustrative"), "\(file.name) says nowhere that it is illustrative")
        }
        #expect(StarterBooks.files.contains { $0.name == "areas.ledger" && $0.text.contains("replace with your own areas") })
    }

    @Test func writtenToDiskTheyReadTheSameWhetherTheFolderOrMainIsNamed() throws {
        let folder = try TemporaryFolder()
        let books = folder.path + "/books"
        try StarterBooks.write(to: books)
        #expect(try FileManager.default.contentsOfDirectory(atPath: books).sorted() == StarterBooks.files.map(\.name).sorted())
        for file in StarterBooks.files {
            #expect(try String(contentsOfFile: books + "/" + file.name, encoding: .utf8) == file.text)
        }
        let byFolder = LedgerLoader.load(paths: [books])
        let byMain = LedgerLoader.load(paths: [books + "/main.ledger"])
        #expect(byFolder.diagnostics.isEmpty && byMain.diagnostics.isEmpty)
        #expect(LedgerSummary(byFolder.ledger).text == LedgerSummary(byMain.ledger).text)
        #expect(byFolder.ledger.files.count == StarterBooks.files.count)
    }
}
