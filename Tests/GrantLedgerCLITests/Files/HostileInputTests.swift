import Foundation
import GrantLedgerTestSupport
import Testing

/// Inputs a hostile file or a tired officer gives: devices, pipes, huge files, endless errors,
/// includes that reach out of the books. Each came from an attack on an earlier release; each must
/// end promptly with a located, coded error (exit 2), and change no file.
@Suite("Hostile inputs", .serialized)
struct HostileInputTests {
    static let accounts = "account assets:bank\naccount expenses:cctv\n"

    /// Runs grantledger, killing it if it is still running after `limit` seconds (a hang, which is
    /// the failure being tested for, not a speed): nil then.
    static func run(_ arguments: [String], in folder: URL, limit: TimeInterval = 60) throws -> Grantledger.Result? {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Grantledger.Result?
        nonisolated(unsafe) var failure: (any Error)?
        Thread {
            do { result = try Grantledger.run(arguments, in: folder) } catch { failure = error }
            done.signal()
        }.start()
        if done.wait(timeout: .now() + limit) == .timedOut {
            // Find the process by its arguments and end it, so the test run goes on.
            let pkill = Process()
            pkill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
            pkill.arguments = ["-KILL", "-f", arguments.joined(separator: " ")]
            try? pkill.run()
            pkill.waitUntilExit()
            _ = done.wait(timeout: .now() + 10)
            return nil
        }
        if let failure { throw failure }
        return result
    }

    static func fifo(_ folder: ScratchFolder, _ name: String) -> String {
        let path = folder.url.appendingPathComponent(name).path
        _ = mkfifo(path, 0o644)
        return path
    }

    /// A pipe named like a ledger in the books' folder is refused, not skipped: "6 files … clean"
    /// must never be said of books one of whose .ledger files was not read.
    @Test func aPipeInTheBooksFolderIsRefusedNotSkipped() throws {
        let folder = try ScratchFolder()
        try folder.write("books/main.ledger", Self.accounts)
        _ = Self.fifo(folder, "books/pipe.ledger")
        let result = try #require(try Self.run(["check", "books"], in: folder.url), "check never finished")
        #expect(result.status == 2)
        #expect(result.stderr.contains("pipe.ledger") && result.stderr.contains("error[not-a-regular-file]"), "\(result.stderr)")
    }

    @Test(arguments: ["fifo", "/dev/zero", "/dev/urandom"])
    func aDeviceOrPipeIncludedIsRefusedAtTheInclude(_ target: String) throws {
        let folder = try ScratchFolder()
        let path = target == "fifo" ? Self.fifo(folder, "pipe.ledger") : target
        let include = target == "fifo" ? "pipe.ledger" : target
        try folder.write("main.ledger", Self.accounts + "include \(include)\n")
        let result = try #require(try Self.run(["check", "--allow-includes-anywhere", "main.ledger"], in: folder.url),
                                  "check never finished on an include of \(path)")
        #expect(result.status == 2)
        #expect(result.stderr.contains("main.ledger:3:9: error[not-a-regular-file]"), "\(result.stderr)")
    }

    @Test func aDeviceOrPipeNamedAsAnyInputIsRefused() throws {
        let folder = try ScratchFolder()
        let pipe = Self.fifo(folder, "pipe.csv")
        try folder.write("books.ledger", Self.accounts)
        let rules = Grantledger.packageRoot.appendingPathComponent("examples/finance/bassetlaw-ss4.rules").path
        let cases: [[String]] = [
            ["check", "/dev/zero"],
            ["check", pipe],
            ["allocate", "--pot", "£100.00", "--areas", pipe, "--weight", "population=1"],
            ["allocate", "--pot", "£100.00", "--areas", "/dev/urandom", "--weight", "population=1"],
            ["allocate", pipe],
            ["import", pipe, "--rules", rules, "--into", "books.ledger", "books.ledger"],
            ["import", "x.csv", "--rules", pipe, "--into", "books.ledger", "books.ledger"],
            ["audit", "books.ledger", "--statement", "/dev/zero", "--rules", rules],
        ]
        for arguments in cases {
            let result = try #require(try Self.run(arguments, in: folder.url), "never finished: \(arguments)")
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("error[not-a-regular-file]"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func aScenarioPotFromADeviceOrTheRootFolderEnds() throws {
        let folder = try ScratchFolder()
        try folder.write("areas.csv", "area,population\nA,1\nB,3\n")
        for ledger in ["/dev/zero", "/"] {
            try folder.write("s.scenario", """
                scenario s  Pot from a ledger
                  pot     grant:g line:l ledger:\(ledger)
                  areas   areas.csv
                  weight  population  1

                """)
            let result = try #require(try Self.run(["allocate", "s.scenario", "--max-folder-entries", "2000"], in: folder.url),
                                      "never finished on ledger:\(ledger)")
            #expect(result.status == 2, "\(result.stderr)")
            let code = ledger == "/" ? "folder-too-large" : "not-a-regular-file"
            #expect(result.stderr.contains("error[\(code)]"), "\(result.stderr)")
        }
    }

    @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
        let folder = try ScratchFolder()
        // Sparse: five gigabytes that take no disk and no time to make.
        let huge = folder.url.appendingPathComponent("huge.ledger").path
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        #expect(truncate(huge, 5 << 30) == 0)
        for name in ["huge.csv", "huge.rules"] { #expect(link(huge, folder.url.appendingPathComponent(name).path) == 0) }
        try folder.write("books.ledger", Self.accounts)
        let rules = Grantledger.packageRoot.appendingPathComponent("examples/finance/bassetlaw-ss4.rules").path
        let cases: [[String]] = [
            ["check", "huge.ledger"],
            ["allocate", "--pot", "£100.00", "--areas", "huge.csv", "--weight", "population=1"],
            ["import", "huge.csv", "--rules", rules, "--into", "books.ledger", "books.ledger"],
            ["audit", "books.ledger", "--statement", "huge.csv", "--rules", "huge.rules"],
        ]
        for arguments in cases {
            let result = try #require(try Self.run(arguments, in: folder.url), "never finished: \(arguments)")
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("error[file-too-large]") && result.stderr.contains("larger than the 4 GiB"),
                    "\(arguments): \(result.stderr)")
        }
        // The limit can be raised (here lowered) by an option that the message names.
        let lowered = try #require(try Self.run(["check", "--max-file-size", "10", "books.ledger"], in: folder.url))
        #expect(lowered.stderr.contains("larger than the 10 bytes a file may be") && lowered.stderr.contains("--max-file-size"))
    }

    @Test func endlessCopiesOfOneBadLineGiveBoundedOutput() throws {
        let folder = try ScratchFolder()
        let copies = 300_000
        var text = Self.accounts
        text.reserveCapacity(copies * 24)
        for _ in 0..<copies { text += "2022-13-45 not a date\n\n" }
        try folder.write("bad.ledger", text)
        let result = try #require(try Self.run(["check", "bad.ledger"], in: folder.url))
        #expect(result.status == 2)
        #expect(result.stderr.utf8.count < 400_000, "\(result.stderr.utf8.count) bytes of errors")
        #expect(result.stderr.components(separatedBy: "error[impossible-date]").count - 1 == 500)
        #expect(result.stderr.contains("grantledger: 299,500 more problems not shown: 299,500 impossible-date"), "\(result.stderr.suffix(400))")
        #expect(result.stderr.hasSuffix("300,000 errors, 0 findings\n"))
        let fewer = try #require(try Self.run(["check", "--max-problems", "3", "bad.ledger"], in: folder.url))
        #expect(fewer.stderr.components(separatedBy: "error[impossible-date]").count - 1 == 3)
        #expect(fewer.stderr.contains("299,997 more problems not shown"))
    }

    @Test func anIncludeMayNotReachOutOfTheBooks() throws {
        let folder = try ScratchFolder()
        try folder.write("books/main.ledger", Self.accounts + "include /etc/hostname\ninclude ../outside.ledger\ninclude sub/inside.ledger\n")
        try folder.write("books/sub/inside.ledger", "account income:grants\n")
        try folder.write("outside.ledger", "a secret line that must not be shown\n")
        let result = try #require(try Self.run(["check", "books"], in: folder.url))
        #expect(result.status == 2)
        #expect(result.stderr.contains("books/main.ledger:3:9: error[include-outside-tree]: include /etc/hostname names an absolute path"))
        #expect(result.stderr.contains("books/main.ledger:4:9: error[include-outside-tree]: include ../outside.ledger reaches outside"))
        #expect(!result.stderr.contains("secret"))
        #expect(result.stderr.hasSuffix("2 errors, 0 findings\n"), "\(result.stderr)")
        // Named on the command line, a file's folder is part of the tree; the option lifts the rule.
        let allowed = try #require(try Self.run(["check", "--allow-includes-anywhere", "books/main.ledger"], in: folder.url))
        #expect(!allowed.stderr.contains("include-outside-tree"), "\(allowed.stderr)")
    }

    @Test func aUTF16LedgerIsNamedAsSuch() throws {
        let folder = try ScratchFolder()
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "account assets:bank\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try folder.write("u.ledger", Data(bytes))
        let result = try #require(try Self.run(["check", "u.ledger"], in: folder.url))
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("u.ledger:1:1: error[bad-encoding]: u.ledger is in UTF-16 (little-endian), not UTF-8"), "\(result.stderr)")
    }

    @Test func aLinkInTheBooksFolderMayNotLeadOutOfIt() throws {
        let folder = try ScratchFolder()
        try folder.write("books/main.ledger", Self.accounts)
        try folder.write("outside.ledger", "a secret line that must not be shown\n")
        #expect(symlink(folder.url.appendingPathComponent("outside.ledger").path, folder.url.appendingPathComponent("books/x.ledger").path) == 0)
        #expect(symlink("/etc/hostname", folder.url.appendingPathComponent("books/y.ledger").path) == 0)
        let result = try #require(try Self.run(["check", "books"], in: folder.url))
        #expect(result.status == 2)
        #expect(result.stderr.contains("error[include-outside-tree]: books/x.ledger is a link that leads outside the folder books"), "\(result.stderr)")
        #expect(result.stderr.contains("books/y.ledger is a link"))
        #expect(!result.stderr.contains("secret"))
    }

    @Test func aChainOfThousandsOfIncludesEndsWithALocatedError() throws {
        let folder = try ScratchFolder()
        for index in 0..<3_000 { try folder.write("f\(index).ledger", "include f\(index + 1).ledger\n") }
        try folder.write("f3000.ledger", Self.accounts)
        let result = try #require(try Self.run(["check", "f0.ledger"], in: folder.url))
        #expect(result.status == 2, "crashed? \(result.status)")
        #expect(result.stderr.contains("f63.ledger:1:9: error[include-too-deep]"), "\(result.stderr)")
    }

    @Test func oldMacLineEndsAndUnmarkedUTF32AreNamedNotReadAsEmptyBooks() throws {
        let folder = try ScratchFolder()
        try folder.write("mac.ledger", Self.accounts.replacingOccurrences(of: "\n", with: "\r") + "2022-01-01 x\r    expenses:cctv  £1.00\r    assets:bank\r")
        var utf32: [UInt8] = []
        for scalar in "account assets:bank\n".unicodeScalars { utf32 += [UInt8(scalar.value), 0, 0, 0] }
        try folder.write("u32.ledger", Data(utf32))
        let mac = try #require(try Self.run(["check", "mac.ledger"], in: folder.url))
        #expect(mac.status == 2)
        #expect(mac.stderr.contains("mac.ledger:1:1: error[bad-encoding]: mac.ledger ends its lines with carriage returns alone"), "\(mac.stderr)")
        let wide = try #require(try Self.run(["check", "u32.ledger"], in: folder.url))
        #expect(wide.stderr.contains("error[bad-encoding]: u32.ledger is in UTF-32 (little-endian, no byte-order mark)"), "\(wide.stderr)")
    }

    @Test func controlCharactersAndHugeLinesAreNotEchoedRaw() throws {
        let folder = try ScratchFolder()
        try folder.write("e.ledger", "\u{1B}]0;PWNED\u{07}\u{1B}[2J\n" + String(repeating: "x", count: 200_000) + " bad\n")
        let result = try #require(try Self.run(["check", "e.ledger"], in: folder.url))
        #expect(result.status == 2)
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "an escape reached the terminal")
        #expect(result.stderr.utf8.count < 5_000, "\(result.stderr.utf8.count) bytes for two problems")
    }

    @Test func theSameFileForBothExportsIsAUsageError() throws {
        let folder = try ScratchFolder()
        let result = try #require(try Self.run(["export", "--hledger", "x", "--xlsx", "./x", Grantledger.packageRoot.appendingPathComponent("ledgers").path],
                                                in: folder.url))
        #expect(result.status != 0)
        #expect(result.stderr.contains("name the same file"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test(.enabled(if: Requirement.root.shouldRun, "making a link owned by another user needs root"))
    func aLinkAnotherUserPlantedInASharedFolderIsNotFollowed() throws {
        let folder = try ScratchFolder()
        let shared = folder.url.appendingPathComponent("shared").path
        #expect(mkdir(shared, 0o777) == 0 && chmod(shared, 0o1777) == 0)
        try folder.write("precious.journal", "mine\n")
        let link = shared + "/book.journal"
        #expect(symlink(folder.url.appendingPathComponent("precious.journal").path, link) == 0)
        #expect(lchown(link, 65534, 65534) == 0)
        let result = try #require(try Self.run(["export", "--hledger", link, Grantledger.packageRoot.appendingPathComponent("ledgers").path],
                                                in: folder.url))
        #expect(result.status == 2)
        #expect(result.stderr.contains("error[permission-denied]: refusing to write through"), "\(result.stderr)")
        #expect(try String(contentsOf: folder.url.appendingPathComponent("precious.journal"), encoding: .utf8) == "mine\n")
    }
}
