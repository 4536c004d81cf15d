import Foundation
import Testing

/// A run killed at any moment leaves each file it writes as it was or as it will be, never half of
/// it; the next run removes the killed run's temporary file.
@Suite("Killed runs", .serialized)
struct KilledRunTests {
    /// Moments spread over a run, in a fixed pseudo-random order (so a failure can be repeated).
    static func moments(_ count: Int) -> [Double] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return 0.02 + 0.96 * Double(state >> 11) / Double(1 << 53)
        }
    }

    /// Starts `arguments` in `folder` and SIGKILLs it after `delay` seconds if it is still running;
    /// whether it was killed.
    static func kill(_ arguments: [String], in folder: URL, after delay: TimeInterval) throws -> Bool {
        let process = try Grantledger.start(arguments, in: folder)
        Thread.sleep(forTimeInterval: delay)
        var killed = false
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            killed = true
        }
        process.waitUntilExit()
        return killed && process.terminationReason == .uncaughtSignal
    }

    /// One grant and `transactions` payments against it: a Spend sheet big enough to take a while.
    static func spendLedger(transactions: Int) -> String {
        var text = "account assets:bank\naccount expenses:cctv\nfunder f  F\ngrant g  G\n  funder f\n  period 2022-01-01..2023-03-31\n"
            + "  award £100,000,000.00\n  line l  £100,000,000.00  L\n\n"
        for index in 0..<transactions {
            text += "2022-\(String(format: "%02d", index % 12 + 1))-\(String(format: "%02d", index % 28 + 1)) Payment \(index) to supplier \(index % 97)  ; grant:g, line:l, ref:INV-\(index)\n"
                + "    expenses:cctv  £\(index % 5000 + 1).\(String(format: "%02d", index % 100))\n    assets:bank\n\n"
        }
        return text
    }

    /// Puts `old` in `file`, starts `arguments` and kills it at each of 24 moments of a run that
    /// takes `duration`: each time `file` must be `old` or `new`, and most kills must land part-way.
    static func killRepeatedly(_ arguments: [String], in folder: URL, duration: TimeInterval, file: URL, old: Data, new: Data) throws {
        var killed = 0
        for moment in moments(24) {
            try old.write(to: file)
            if try kill(arguments, in: folder, after: duration * moment) { killed += 1 }
            let now = try Data(contentsOf: file)
            #expect(now == old || now == new, "killed at \(moment) of the run: \(file.lastPathComponent) is neither old nor complete (\(now.count) bytes)")
        }
        #expect(killed >= 12, "only \(killed) of 24 runs were killed part-way")
    }

    static func temporaries(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".grantledger-") }
    }

    @Test func aKilledWorkbookExportLeavesTheOldWorkbookOrTheNewOne() throws {
        let folder = try ScratchFolder()
        let text = Self.spendLedger(transactions: 30_000)
        try folder.write("big.ledger", text)
        let arguments = ["export", "--xlsx", "out/committee.xlsx", "--as-of", "2026-11-25", "big.ledger"]
        let out = folder.url.appendingPathComponent("out")
        let book = out.appendingPathComponent("committee.xlsx")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let start = Date()
        let complete = try Grantledger.run(arguments, in: folder.url)
        let duration = Date().timeIntervalSince(start)
        #expect(complete.status == 0, "\(complete.stderr)")
        let new = try Data(contentsOf: book)
        let old = Data("the previous workbook".utf8)

        try Self.killRepeatedly(arguments, in: folder.url, duration: duration, file: book, old: old, new: new)
        let next = try Grantledger.run(arguments, in: folder.url)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try Data(contentsOf: book) == new)
        let left = try Self.temporaries(in: out)
        #expect(left.isEmpty, "left behind: \(left)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["committee.xlsx"])
    }

    @Test func aKilledImportLeavesTheLedgerBeforeOrAfter() throws {
        // A large export, so that the import takes long enough to be killed at many points.
        var csv = ImportCommandTests.header
        let centres = ["CS2101", "CS2102", "CS2103", "CS2104", "CS2105", "CS2106", "CS2107"]
        for index in 0..<6000 {
            csv += ImportCommandTests.row(date: String(format: "%02d/%02d/2021", index % 28 + 1, index % 9 + 4), centre: centres[index % 7],
                                          reference: "BIG-\(index)", amount: "1.\(String(format: "%02d", index % 100))")
        }
        let file = ImportCommandTests.nwpsFile
        let arguments = ["import", "big.csv", "--rules", "examples/finance/ncc-nwps.rules", "--into", file, "ledgers"]
        let reference = try ImportCommandTests.books()
        try reference.write("big.csv", csv)
        let before = try ImportCommandTests.bytes(reference)
        let start = Date()
        let complete = try Grantledger.run(arguments, in: reference.url)
        let duration = Date().timeIntervalSince(start)
        #expect(complete.status == 0, "\(complete.stderr)")
        let after = try ImportCommandTests.bytes(reference)
        #expect(after.count > before.count)

        let folder = try ImportCommandTests.books()
        try folder.write("big.csv", csv)
        let ledger = folder.url.appendingPathComponent(file)
        try Self.killRepeatedly(arguments, in: folder.url, duration: duration, file: ledger, old: before, new: after)
        try before.write(to: ledger)
        let next = try Grantledger.run(arguments, in: folder.url)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try Data(contentsOf: ledger) == after)
        let books = ledger.deletingLastPathComponent()
        let left = try Self.temporaries(in: books)
        #expect(left.isEmpty, "left behind: \(left)")
    }
}
