import Foundation
import GrantLedgerTestSupport
import Testing

/// Every file the tool writes goes through one door (OutputFile): all or nothing, never over a
/// device, through a symlink to its target, with the mode a user expects, and every failure coded.
@Suite("Writing files", .serialized)
struct OutputSafetyTests {
    static let root = Grantledger.packageRoot
    static let ledgers = root.appendingPathComponent("ledgers").path

    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode : nil
    }

    /// grantledger run under `ulimit -f`: files may grow to `fileLimitKiB` KiB.
    static func run(_ arguments: [String], fileLimitKiB: Int, in folder: URL) throws -> Grantledger.Result {
        try Grantledger.run(["-c", "ulimit -f \(fileLimitKiB); exec \"$0\" \"$@\"", Grantledger.binary.path] + arguments,
                            in: folder, executable: URL(fileURLWithPath: "/bin/bash"))
    }

    static func temporaries(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".grantledger-") }
    }

    /// Standard output on a full disk (or closed) is an output like any other: a coded error and
    /// exit 2, never a trap.
    @Test func aFullOrClosedStandardOutputIsAnErrorNotACrash() throws {
        let folder = try ScratchFolder()
        for (redirect, code) in [("> /dev/full", "error[disk-full]: cannot write standard output"),
                                 (">&-", "error[write-failed]: cannot write standard output")] {
            // The register is streamed a megabyte at a time, by a way of its own: held to the same.
            for command in ["report grants --format json", "check", "allocate examples/scenarios/nwps-2021-22-thirds.scenario",
                            "report register", "report register --format csv", "report register --format json"] {
                let result = try Grantledger.run(["-c", "cd \"$1\" && exec \"$0\" \(command) \(redirect)", Grantledger.binary.path, Self.root.path],
                                                 in: folder.url, executable: URL(fileURLWithPath: "/bin/bash"))
                #expect(result.status == 2, "\(command) \(redirect): \(result.stderr)")
                #expect(result.stderr.contains(code), "\(command) \(redirect): \(result.stderr)")
                #expect(!result.stderr.contains("Fatal error"))
            }
        }
    }

    @Test func aFIFOOrFolderDestinationIsRefused() throws {
        let folder = try ScratchFolder()
        let pipe = folder.url.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o644) == 0)
        for arguments in [["export", "--hledger", pipe, Self.ledgers], ["export", "--xlsx", pipe, "--as-of", "2026-11-25", Self.ledgers],
                          ["export", "--xlsx", folder.url.path, Self.ledgers]] {
            let result = try Grantledger.run(arguments, in: folder.url)
            #expect(result.status == 2)
            #expect(result.stderr.contains("error[not-a-regular-file]: refusing to write"), "\(result.stderr)")
        }
        #expect(Self.mode(pipe).map { $0 & S_IFMT } == S_IFIFO)
        #expect(try Self.temporaries(in: folder.url).isEmpty)
    }

    @Test(.enabled(if: Requirement.root.shouldRun, "making device nodes needs root"))
    func aDeviceDestinationIsRefusedAndStaysADevice() throws {
        let folder = try ScratchFolder()
        let null = folder.url.appendingPathComponent("null").path, full = folder.url.appendingPathComponent("full").path
        guard mknod(null, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0, mknod(full, S_IFCHR | 0o666, dev_t((1 << 8) | 7)) == 0 else {
            Requirement.recordSkip("device-node test", because: "mknod is not allowed here (errno \(errno))")
            return
        }
        for (option, path) in [("--xlsx", null), ("--hledger", full), ("--hledger", null)] {
            let result = try Grantledger.run(["export", option, path, Self.ledgers], in: folder.url)
            #expect(result.status == 2)
            #expect(result.stderr.contains("error[not-a-regular-file]: refusing to write \(path): it is a device"), "\(result.stderr)")
            #expect(Self.mode(path).map { $0 & S_IFMT } == S_IFCHR, "\(path) is still a device")
        }
        #expect(try Self.temporaries(in: folder.url).isEmpty)
    }

    @Test func throughASymlinkTheTargetIsWrittenAndModesAreKept() throws {
        let folder = try ScratchFolder()
        let real = folder.url.appendingPathComponent("real.journal").path
        let link = folder.url.appendingPathComponent("link.journal").path
        try folder.write("real.journal", "old\n")
        #expect(chmod(real, 0o600) == 0)
        #expect(symlink("real.journal", link) == 0)
        let result = try Grantledger.run(["export", "--hledger", link, Self.ledgers], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.mode(link).map { $0 & S_IFMT } == S_IFLNK, "the link stays a link")
        #expect(Self.mode(real).map { $0 & 0o7777 } == 0o600, "the replaced file keeps its mode")
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains("hledger journal written by grantledger"))

        // A workbook replaced over a 0600 one stays 0600; a new one gets what any new file gets.
        let book = folder.url.appendingPathComponent("book.xlsx").path
        try folder.write("book.xlsx", "old")
        #expect(chmod(book, 0o600) == 0)
        #expect(try Grantledger.run(["export", "--xlsx", book, "--as-of", "2026-11-25", Self.ledgers], in: folder.url).status == 0)
        #expect(Self.mode(book).map { $0 & 0o7777 } == 0o600)
        let fresh = folder.url.appendingPathComponent("fresh.xlsx").path
        let reference = folder.url.appendingPathComponent("reference").path
        let fd = open(reference, O_CREAT | O_WRONLY, 0o666)
        close(fd)
        #expect(try Grantledger.run(["export", "--xlsx", fresh, "--as-of", "2026-11-25", Self.ledgers], in: folder.url).status == 0)
        #expect(Self.mode(fresh).map { $0 & 0o7777 } == Self.mode(reference).map { $0 & 0o7777 })
        #expect(try Self.temporaries(in: folder.url).isEmpty)
    }

    @Test func aReadOnlyWorkbookIsReplacedAndStaysReadOnly() throws {
        let folder = try ScratchFolder()
        let book = folder.url.appendingPathComponent("book.xlsx").path
        try folder.write("book.xlsx", "old")
        #expect(chmod(book, 0o444) == 0)
        let result = try Grantledger.run(["export", "--xlsx", book, "--as-of", "2026-11-25", Self.ledgers], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.mode(book).map { $0 & 0o7777 } == 0o444)
        #expect(try Data(contentsOf: URL(fileURLWithPath: book)).starts(with: [0x50, 0x4B]), "a zip package")
        #expect(try Self.temporaries(in: folder.url).isEmpty)
    }

    @Test func aWorkbookPastTheFileSizeLimitIsReportedAndTheOldOneKept() throws {
        let folder = try ScratchFolder()
        try folder.write("book.xlsx", "old")
        // 64 KiB: room for the libxlsxwriter scratch files of the first sheets, not the workbook.
        let result = try Self.run(["export", "--xlsx", "book.xlsx", "--as-of", "2026-11-25", Self.ledgers], fileLimitKiB: 64, in: folder.url)
        #expect(result.status == 2, "killed by SIGXFSZ? \(result.status) \(result.stderr)")
        #expect(result.stderr.contains("error[file-size-limit]"), "\(result.stderr)")
        #expect(try String(contentsOf: folder.url.appendingPathComponent("book.xlsx"), encoding: .utf8) == "old")
        #expect(try Self.temporaries(in: folder.url).isEmpty)
    }

    @Test func importIntoASymlinkedLedgerWritesItsTargetAndKeepsItsMode() throws {
        let folder = try ImportCommandTests.books()
        let ledger = folder.url.appendingPathComponent(ImportCommandTests.nwpsFile).path
        let store = folder.url.appendingPathComponent("ledgers/store")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        let real = store.appendingPathComponent("nwps.ledger").path
        #expect(rename(ledger, real) == 0)
        #expect(symlink("../store/nwps.ledger", ledger) == 0)
        #expect(chmod(real, 0o640) == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: real))
        let result = try Grantledger.run(ImportCommandTests.importArguments, in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.mode(ledger).map { $0 & S_IFMT } == S_IFLNK, "the link stays a link")
        #expect(Self.mode(real).map { $0 & 0o7777 } == 0o640)
        let after = try Data(contentsOf: URL(fileURLWithPath: real))
        #expect(after.count > before.count && after.starts(with: before))
    }

    @Test func aDryRunWritesNothingAnywhere() throws {
        let folder = try ImportCommandTests.books()
        let books = folder.url.appendingPathComponent("ledgers/nottinghamshire").path
        let snapshot = try folder.snapshot()
        var info = stat()
        _ = stat(books, &info)
        let modified = info.st_mtim
        // Read-only books: a dry run still works, since it writes nothing (not even a temporary file).
        #expect(chmod(books, 0o555) == 0)
        defer { _ = chmod(books, 0o755) }
        let result = try Grantledger.run(ImportCommandTests.importArguments + ["--dry-run"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("would import 15 transactions"))
        _ = stat(books, &info)
        #expect(info.st_mtim.tv_sec == modified.tv_sec && info.st_mtim.tv_nsec == modified.tv_nsec, "the folder was written to")
        let now = try folder.snapshot()
        #expect(Set(now.keys) == Set(snapshot.keys))
        for (path, (data, _)) in snapshot { #expect(now[path]?.0 == data, "\(path) changed") }
    }

    @Test func aFileSizeLimitIsReportedNotFatalAndTheOldFileKept() throws {
        let folder = try ScratchFolder()
        try folder.write("books.journal", "old\n")
        let result = try Self.run(["export", "--hledger", "books.journal", Self.ledgers], fileLimitKiB: 4, in: folder.url)
        #expect(result.status == 2, "killed by SIGXFSZ? \(result.status) \(result.stderr)")
        #expect(result.stderr.contains("error[file-size-limit]"), "\(result.stderr)")
        #expect(try String(contentsOf: folder.url.appendingPathComponent("books.journal"), encoding: .utf8) == "old\n")
        #expect(try Self.temporaries(in: folder.url).isEmpty)
    }

    @Test func aKilledRunsTemporaryFileIsRemovedByTheNextRun() throws {
        let folder = try ScratchFolder()
        // PID 2^22+1 is above Linux's largest: no such process can be running.
        let stale = ".books.journal.grantledger-4194305-1f2e3d.tmp"
        let staleScratch = ".books.journal.grantledger-4194305-1f2e3d.scratch/tmp.AbCdEfGhIj"
        let other = ".other.journal.grantledger-4194305-1f2e3d.tmp"
        let live = ".books.journal.grantledger-\(getpid())-abc.tmp"
        for name in [stale, staleScratch, other, live] { try folder.write(name, "half-written") }
        // A run still writing holds the lock on its temporary file (here this test does).
        let held = open(folder.url.appendingPathComponent(live).path, O_RDONLY)
        #expect(flock(held, LOCK_EX) == 0)
        defer { close(held) }
        #expect(try Grantledger.run(["export", "--hledger", "books.journal", Self.ledgers], in: folder.url).status == 0)
        let left = try Self.temporaries(in: folder.url)
        #expect(!left.contains(stale), "a dead run's temporary file is removed")
        #expect(!left.contains(".books.journal.grantledger-4194305-1f2e3d.scratch"), "and its scratch folder")
        #expect(left.contains(other), "another file's temporary file is not ours to remove")
        #expect(left.contains(live), "a temporary file whose lock is held is left alone")
    }

    /// A real full disk: a small tmpfs, filled to several levels. Each export either succeeds with
    /// the complete workbook (byte for byte the one written on a roomy disk) or fails as disk-full
    /// with the old workbook untouched and no temporary file left; never a workbook cut short.
    @Test(.enabled(if: Requirement.root.shouldRun, "mounting a small tmpfs needs root"))
    func aFullDiskNeverGivesAHalfWorkbook() throws {
        let folder = try ScratchFolder()
        let text = KilledRunTests.spendLedger(transactions: 20_000)
        try folder.write("big.ledger", text)
        let ledger = folder.url.appendingPathComponent("big.ledger").path
        let arguments = ["export", "--xlsx", "BOOK", "--as-of", "2026-11-25", ledger]
        // The workbook on a roomy disk, to size the small one.
        let reference = folder.url.appendingPathComponent("reference.xlsx").path
        let made = try Grantledger.run(arguments.map { $0 == "BOOK" ? reference : $0 }, in: folder.url)
        #expect(made.status == 0, "\(made.stderr)")
        var complete = try Data(contentsOf: URL(fileURLWithPath: reference))

        let disk = folder.url.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        // Scratch files hold the sheets' XML uncompressed: many times the finished workbook.
        let size = complete.count * 40 + (1 << 20)
        let mounted = try Grantledger.run(["-c", "mount -t tmpfs -o size=\(size) tmpfs \"$0\"", disk.path], in: folder.url,
                                          executable: URL(fileURLWithPath: "/bin/bash"))
        guard mounted.status == 0 else {
            Requirement.recordSkip("full-disk test", because: "cannot mount a tmpfs here: " + mounted.stderr.trimmingCharacters(in: .whitespacesAndNewlines))
            return
        }
        defer { _ = try? Grantledger.run(["-c", "umount \"$0\"", disk.path], in: folder.url, executable: URL(fileURLWithPath: "/bin/bash")) }
        let book = disk.appendingPathComponent("committee.xlsx").path
        // The complete workbook at this path (the command line is on its Provenance sheet), written
        // while the small disk is empty.
        #expect(try Grantledger.run(arguments.map { $0 == "BOOK" ? book : $0 }, in: folder.url).status == 0)
        complete = try Data(contentsOf: URL(fileURLWithPath: book))
        var failures = 0, successes = 0
        for free in [4 << 10, 64 << 10, complete.count / 2, complete.count, complete.count * 4, complete.count * 12, complete.count * 38] {
            try? FileManager.default.removeItem(atPath: disk.appendingPathComponent("filler").path)
            try Data("old workbook".utf8).write(to: URL(fileURLWithPath: book))
            // Fill the disk until `free` bytes are left.
            var fs = statvfs()
            _ = statvfs(disk.path, &fs)
            let available = Int(fs.f_bavail) * Int(fs.f_frsize)
            if available > free {
                let filler = disk.appendingPathComponent("filler").path
                let fd = open(filler, O_CREAT | O_WRONLY, 0o644)
                let chunk = [UInt8](repeating: 0x41, count: 4096)
                var left = available - free
                while left > 0 {
                    let wrote = write(fd, chunk, min(chunk.count, left))
                    if wrote <= 0 { break }
                    left -= wrote
                }
                close(fd)
            }
            let result = try Grantledger.run(arguments.map { $0 == "BOOK" ? book : $0 }, in: folder.url)
            let now = try Data(contentsOf: URL(fileURLWithPath: book))
            if result.status == 0 {
                successes += 1
                #expect(now == complete, "\(free) bytes free: the workbook written is not the complete one")
            } else {
                failures += 1
                #expect(result.status == 2)
                #expect(result.stderr.contains("error[disk-full]"), "\(free) bytes free: \(result.stderr)")
                #expect(now == Data("old workbook".utf8), "\(free) bytes free: the old workbook was changed")
            }
            #expect(try Self.temporaries(in: disk).isEmpty, "\(free) bytes free: a temporary file was left")
            let scratch = try FileManager.default.contentsOfDirectory(atPath: disk.path).filter { !["committee.xlsx", "filler"].contains($0) }
            #expect(scratch.isEmpty, "\(free) bytes free: left behind \(scratch)")
        }
        #expect(failures >= 2 && successes >= 1, "\(failures) failures, \(successes) successes")
    }
}
