import Foundation
import GrantLedgerTestSupport
import Testing

/// `grantledger init`: new books that check clean and report from the first minute, written all
/// or nothing, and never over or beside anything already there.
@Suite("init")
struct InitCommandTests {
    static let summary = "6 files, 5 transactions, 10 postings; 1 grant (£120,000.00 awarded), 1 bid, 4 areas, 1 initiative, 6 accounts\n"

    /// Every path under `folder` (links not followed) with its bytes, or its kind when not a file.
    static func tree(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            let path = folder.appendingPathComponent(relative).path
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: result[relative] = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            case S_IFDIR: result[relative] = "folder"
            case S_IFLNK: result[relative] = "link to " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
            default: result[relative] = "mode \(info.st_mode & S_IFMT)"
            }
        }
        return result
    }

    @Test func newBooksCheckCleanAndReport() throws {
        let scratch = try ScratchFolder()
        let books = scratch.url.appendingPathComponent("x").path
        let made = try Grantledger.run(["init", books], in: scratch.url)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.isEmpty)
        #expect(made.stdout.hasPrefix("wrote 6 files to \(books)/:\n  main.ledger "), "\(made.stdout)")
        #expect(made.stdout.contains("\n  grantledger check \(books)\n"), "\(made.stdout)")
        for arguments in [["check", books], ["check", books + "/main.ledger"]] {
            let checked = try Grantledger.run(arguments, in: scratch.url)
            #expect(checked.status == 0, "\(arguments): \(checked.stderr)")
            #expect(checked.stderr.isEmpty, "\(checked.stderr)")
            #expect(checked.stdout == Self.summary)
        }
        let grants = try Grantledger.run(["report", "grants", "--fy", "2026-27", books], in: scratch.url)
        #expect(grants.status == 0 && grants.stderr.isEmpty, "\(grants.stderr)")
        let row = grants.stdout.split(separator: "\n").first { $0.hasPrefix("pcc-csp-2026-27 ") }
        #expect(row?.contains("£120,000.00") == true, "\(grants.stdout)")
        let budget = try Grantledger.run(["report", "budget", "--month", "2026-05", books], in: scratch.url)
        #expect(budget.status == 0 && budget.stderr.isEmpty, "\(budget.stderr)")
        #expect(budget.stdout.contains("coordinator"))
        let workbook = books + "/committee.xlsx"
        let export = try Grantledger.run(["export", "--xlsx", workbook, "--as-of", "2026-05-31", books], in: scratch.url)
        #expect(export.status == 0 && export.stderr.isEmpty, "\(export.stderr)")
        #expect(FileManager.default.fileExists(atPath: workbook))
    }

    @Test func theDefaultIsTheFolderEveryCommandReads() throws {
        let scratch = try ScratchFolder()
        let made = try Grantledger.run(["init"], in: scratch.url)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.hasPrefix("wrote 6 files to ledgers/:\n"))
        #expect(made.stdout.contains("\n  grantledger check\n"), "\(made.stdout)")
        let checked = try Grantledger.run(["check"], in: scratch.url)
        #expect(checked.status == 0 && checked.stdout == Self.summary, "\(checked.stderr)")
    }

    @Test func anAwkwardNameIsWrittenAndQuotedInTheNextSteps() throws {
        let scratch = try ScratchFolder()
        for name in ["-my books é", "it's", "Année 2026-27"] {
            let made = try Grantledger.run(["init", "--", name], in: scratch.url)
            #expect(made.status == 0, "\(name): \(made.stderr)")
            let word = "'" + (name.hasPrefix("-") ? "./" : "") + name.replacingOccurrences(of: "'", with: "'\\''") + "'"
            #expect(made.stdout.contains("\n  grantledger check \(word)\n"), "\(made.stdout)")
            // The next step, as printed, works in a shell.
            let checked = try Grantledger.run(["-c", "PATH='\(Grantledger.binary.deletingLastPathComponent().path)':$PATH; grantledger check \(word)"],
                                              in: scratch.url, executable: URL(fileURLWithPath: "/bin/sh"))
            #expect(checked.status == 0 && checked.stdout == Self.summary, "\(name): \(checked.stdout) \(checked.stderr)")
        }
    }

    @Test func aControlCharacterInTheNameNeverReachesTheTerminal() throws {
        let scratch = try ScratchFolder()
        let made = try Grantledger.run(["init", "books\u{1B}[2J"], in: scratch.url)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(!made.stdout.contains("\u{1B}"))
        #expect(made.stdout.hasPrefix("wrote 6 files to books\u{FFFD}[2J/:\n"), "\(made.stdout)")
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("books\u{1B}[2J/main.ledger").path))
    }

    @Test func anEmptyFolderIsFilledInPlace() throws {
        let scratch = try ScratchFolder()
        let books = scratch.url.appendingPathComponent("books")
        try FileManager.default.createDirectory(at: books, withIntermediateDirectories: false)
        let made = try Grantledger.run(["init", "."], in: books)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.hasPrefix("wrote 6 files to ./:\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: books.path).count == 6)
        // Through a symlink to an empty folder: the folder is written, the link stays a link.
        let target = scratch.url.appendingPathComponent("target")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        #expect(symlink("target", scratch.url.appendingPathComponent("link").path) == 0)
        #expect(try Grantledger.run(["init", "link"], in: scratch.url).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).count == 6)
        #expect(try Self.tree(scratch.url)["link"] == "link to target")
    }

    /// Each refusal: exit 2, its code, the folder named and nothing changed anywhere.
    @Test func refusalsChangeNothing() throws {
        let scratch = try ScratchFolder()
        try scratch.write("mine/main.ledger", "; my own books\n")
        try scratch.write("file.ledger", "; a ledger\n")
        try scratch.write("hidden/.git/HEAD", "ref: refs/heads/main\n")
        #expect(mkfifo(scratch.url.appendingPathComponent("pipe").path, 0o600) == 0)
        #expect(try Grantledger.run(["init", "done"], in: scratch.url).status == 0)
        let cases: [(arguments: [String], folder: URL, code: String)] = [
            (["init", "mine"], scratch.url, "folder-not-empty"),
            (["init", "hidden"], scratch.url, "folder-not-empty"),
            (["init", "done"], scratch.url, "folder-not-empty"),     // init twice
            (["init", "."], scratch.url.appendingPathComponent("mine"), "folder-not-empty"),
            (["init", "file.ledger"], scratch.url, "not-a-folder"),
            (["init", "pipe"], scratch.url, "not-a-folder"),
            (["init", "file.ledger/books"], scratch.url, "not-a-folder"),   // the parent is a file: refused for root too
            (["init", "no/such/folder"], scratch.url, "file-not-found"),
        ]
        for (arguments, folder, code) in cases {
            let before = try Self.tree(scratch.url)
            let result = try Grantledger.run(arguments, in: folder)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("error[\(code)]: "), "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasSuffix("nothing was changed\n\n1 error, 0 findings\n"), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(try Self.tree(scratch.url) == before, "\(arguments) changed the folder")
        }
    }

    @Test func theRefusalIsLocatedAtTheFolderOnTheCommandLine() throws {
        let scratch = try ScratchFolder()
        try scratch.write("init/main.ledger", "; mine\n")
        let result = try Grantledger.run(["init", "init"], in: scratch.url)
        #expect(result.stderr.hasPrefix("""
            command line:1:18: error[folder-not-empty]: refusing to write into init: it is not empty (it holds main.ledger)
              1 | grantledger init init
                |                  ^^^^
            """), "\(result.stderr)")
    }

    /// A full disk (and every other write failure) part-way: the error, and no folder left behind.
    @Test(arguments: ["ENOSPC", "EIO"])
    func aFailedWriteLeavesNothingBehind(_ fault: String) throws {
        let scratch = try ScratchFolder()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("empty"), withIntermediateDirectories: false)
        for folder in ["books", "empty"] {
            let before = try Self.tree(scratch.url)
            let result = try Grantledger.run(["init", folder], in: scratch.url, environment: ["GRANTLEDGER_FAULT_WRITE": fault])
            #expect(result.status == 2)
            #expect(result.stderr.contains(fault == "ENOSPC" ? "error[disk-full]: cannot write \(folder)/main.ledger" : "error[write-failed]"),
                    "\(result.stderr)")
            #expect(try Self.tree(scratch.url) == before)
        }
    }

    /// A real full disk (a 12 KiB tmpfs holds the first files, not all six): disk-full, and the
    /// disk as it was, for a new folder and for an empty one alike.
    @Test(.enabled(if: Requirement.root.shouldRun, "mounting a small tmpfs needs root"))
    func aRealFullDiskLeavesNothingBehind() throws {
        let scratch = try ScratchFolder()
        let disk = scratch.url.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: false)
        let shell = URL(fileURLWithPath: "/bin/sh")
        let mounted = try Grantledger.run(["-c", "mount -t tmpfs -o size=12k tmpfs \"$0\"", disk.path], in: scratch.url, executable: shell)
        guard mounted.status == 0 else {
            Requirement.recordSkip("init full-disk test", because: "cannot mount a tmpfs here: " + mounted.stderr.trimmingCharacters(in: .whitespacesAndNewlines))
            return
        }
        defer { _ = try? Grantledger.run(["-c", "umount \"$0\"", disk.path], in: scratch.url, executable: shell) }
        try FileManager.default.createDirectory(at: disk.appendingPathComponent("empty"), withIntermediateDirectories: false)
        for folder in ["books", "empty"] {
            let before = try Self.tree(disk)
            let result = try Grantledger.run(["init", folder], in: disk)
            #expect(result.status == 2)
            #expect(result.stderr.contains("error[disk-full]: cannot write \(folder)/"), "\(result.stderr)")
            #expect(try Self.tree(disk) == before)
        }
    }

    @Test(.enabled(if: geteuid() != 0, "root may write in a read-only folder; refusalsChangeNothing covers a file in place of the parent"))
    func aFolderThatMayNotBeWrittenIsPermissionDenied() throws {
        let scratch = try ScratchFolder()
        let locked = scratch.url.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        #expect(chmod(locked.path, 0o555) == 0)
        defer { chmod(locked.path, 0o755) }
        let result = try Grantledger.run(["init", "locked/books"], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("error[permission-denied]"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path).isEmpty)
    }

    @Test func aKilledRunsLeftoversAreClearedByTheNext() throws {
        let scratch = try ScratchFolder()
        // What a run killed while writing leaves: its temporary folder, lock released with the process.
        try scratch.write(".books.grantledger-4194304-dead.tmp/main.ledger", "; half wr")
        let made = try Grantledger.run(["init", "books"], in: scratch.url)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["books"])
    }
}
