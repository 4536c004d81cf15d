import Foundation
import Testing
@testable import GrantLedgerCore

/// The progress hook tells the truth: every byte to read is announced once, every byte parsed is
/// counted once (however a file is cut into ranges, and where a range stops at a directive and the
/// rest is read again in order), the checks are announced with the transactions' count, and a
/// writer reports every `WorkProgress.every` transactions.
@Suite("Progress of long work")
struct WorkProgressTests {
    /// The events a hook was given, in the order given.
    final class Recorder: @unchecked Sendable {
        // @unchecked: `events` is guarded by `lock`.
        private let lock = NSLock()
        private var recorded: [WorkProgress.Event] = []

        var hook: WorkProgress { WorkProgress { [self] event in lock.lock(); recorded.append(event); lock.unlock() } }

        var events: [WorkProgress.Event] {
            lock.lock()
            defer { lock.unlock() }
            return recorded
        }

        func total(_ pick: (WorkProgress.Event) -> Int?) -> Int { events.compactMap(pick).reduce(0, +) }
    }

    static func transactions(_ count: Int, from first: Int = 0) -> String {
        (first..<first + count).map { "2023-01-\(String(format: "%02d", $0 % 28 + 1)) Spend \($0)  ; grant:ss4\n"
            + "    expenses:cctv  £1.00  ; line:cctv, area:bassetlaw\n    assets:bank\n\n" }.joined()
    }

    @Test(arguments: [1, 3])
    func everyByteIsAnnouncedAndParsedOnce(ranges: Int) throws {
        let folder = try TemporaryFolder()
        // An include half-way: a range that reaches it stops, and the rest of it is read again in order.
        let main = LedgerText.declarations + Self.transactions(300) + "include more.ledger\n\n" + Self.transactions(300, from: 300)
        let mainPath = try folder.write("main.ledger", main)
        let more = Self.transactions(200, from: 600)
        try folder.write("more.ledger", more)
        let recorder = Recorder()
        let splitting = FileSplitting(minimumSize: 0, maximumRanges: ranges, blockSize: 7)
        // The main file named twice is still read, and counted, once.
        let (ledger, diagnostics) = LedgerReader.read(paths: [mainPath, mainPath], sources: SourceFiles(), splitting: splitting,
                                                      progress: recorder.hook)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(ledger.transactions.count == 800)
        let bytes = main.utf8.count + more.utf8.count
        #expect(recorder.total { if case .reading(let n) = $0 { n } else { nil } } == bytes)
        #expect(recorder.total { if case .parsed(let n) = $0 { n } else { nil } } == bytes)
    }

    @Test func theChecksAreAnnouncedWithTheTransactionsCount() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("books.ledger", LedgerText.declarations + Self.transactions(12))
        let recorder = Recorder()
        _ = LedgerLoader.load(paths: [path], progress: recorder.hook)
        #expect(recorder.events.last == .checking(transactions: 12))
        #expect(recorder.events.first == .reading(bytes: (LedgerText.declarations + Self.transactions(12)).utf8.count))
    }

    @Test func aWindowAtATimeAndWhereTheLinesStop() {
        let text = (0..<100).map { "line \($0)\n" }.joined()
        let file = SourceFile(name: "t", text: text)
        var reports: [Int] = []
        file.forEachLine(window: 64, parsed: { reports.append($0) }) { _, _, _ in true }
        #expect(reports.reduce(0, +) == text.utf8.count)
        #expect(reports.count > 10, "once per window, not once per file")
        #expect(reports.allSatisfy { $0 <= 64 })
        reports = []
        let stop = file.forEachLine(window: 64, parsed: { reports.append($0) }) { _, number, _ in number < 50 }
        #expect(reports.reduce(0, +) == stop?.offset, "what was passed over before the line it stopped at")
    }

    @Test func theJournalReportsEveryTenThousandTransactions() throws {
        let count = 2 * WorkProgress.every + 1
        let (ledger, diagnostics) = LedgerText.read(LedgerText.declarations + Self.transactions(count))
        #expect(diagnostics.isEmpty)
        let recorder = Recorder()
        var journal = ""
        HledgerWriter.write(ledger, to: &journal, progress: recorder.hook)
        #expect(recorder.events == [0, WorkProgress.every, 2 * WorkProgress.every].map { .writingJournal(transaction: $0, of: count) })
        #expect(journal == HledgerWriter.journal(ledger), "the journal is the same with a hook")
    }
}
