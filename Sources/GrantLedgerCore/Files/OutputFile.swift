import Foundation
import SystemPackage

/// The one way the tool writes a file (a workbook, an hledger journal, the ledger `import` appends
/// to): all or nothing. The content goes to a temporary file in the destination's own folder, is
/// flushed to disk, and is renamed over the destination in one step; the folder is flushed too, so
/// the rename survives a power cut. A reader, a crash or a kill sees the old file or the new one,
/// never half of one; on any failure the destination is untouched and the temporary file removed.
///
/// - A destination that exists and is not a regular file (a device, a FIFO, a socket, a folder) is
///   refused: writing "through" `/dev/null` must not replace the device with a file.
/// - Through a symlink, the link's target is written and the link stays a link.
/// - A new file gets 0666 less the umask, as any new file would; a replaced file keeps its mode
///   (and, for root, its owner), set just before the rename so a read-only file can be replaced.
/// - Temporary files are named `.NAME.grantledger-PID-RANDOM.tmp` (and a library's scratch folder
///   `.NAME.grantledger-PID-RANDOM.scratch`). The temporary file is locked while it is in use; one
///   left by a killed run is recognised by its name and by its lock being free, and is removed by
///   the next write to `NAME` (the lock, not the PID, decides: a PID may be reused, or belong to
///   another machine sharing the folder).
public final class OutputFile {
    /// The path as the user named it.
    public let destination: String
    /// The file actually replaced: `destination` with symlinks followed.
    public let target: String
    /// The temporary file the content is written to; a library that writes by path (libxlsxwriter)
    /// is given this.
    public let temporaryPath: String
    /// The folder both are in.
    public let folder: String

    private var descriptor: FileDescriptor?
    /// Held open, and locked, until the file is committed or discarded: see `removeAbandoned`.
    private var lockDescriptor: FileDescriptor?
    private var finished = false
    private var scratch: String?
    private let existing: Stat?

    /// The path messages name: `destination`, unless the file is written somewhere on the way to it
    /// (inside an `OutputFolder`'s temporary folder), when it is the path the user will find it at.
    private let shown: String

    /// Reserves the temporary file now, so a missing or read-only folder fails before any work.
    public convenience init(_ destination: String) throws(FileError) {
        try self.init(destination, shownAs: destination)
    }

    init(_ destination: String, shownAs shown: String) throws(FileError) {
        guard !destination.isEmpty, !destination.hasSuffix("/") else {
            throw FileError(.notARegularFile, "\(destination.isEmpty ? "an empty path" : shown) does not name a file",
                            hint: "name the file to write, for example out/committee.xlsx")
        }
        self.destination = destination
        self.shown = shown
        target = try FilePaths.followingLinks(destination, eachLink: Self.refuseLinksPlantedByOthers)
        let (folder, name) = FilePaths.split(target)
        self.folder = folder
        existing = SystemCalls.status(target)
        if let existing, existing.type != .regular {
            let what = existing.type == .directory ? "a folder" : SourceFiles.describe(existing.type)
            throw FileError(.notARegularFile, "refusing to write \(shown): it is \(what), not a regular file",
                            hint: "name a regular file to write; nothing was changed")
        }
        Self.removeAbandoned(in: folder, for: name)
        var created: (String, FileDescriptor)?
        for _ in 0..<16 {
            let candidate = Self.temporaryCandidate(in: folder, for: name)
            do {
                let fd = try FileDescriptor.open(FilePath(candidate), .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
                                                 permissions: FilePermissions(rawValue: 0o666))
                created = (candidate, fd)
                break
            } catch Errno.fileExists {
                continue
            } catch {
                throw FileError.system(error as? Errno ?? .ioError, "write", shown, written: true)
            }
        }
        guard let (path, fd) = created else {
            throw FileError(.writeFailed, "cannot find a free temporary name beside \(shown)", hint: "remove stray .tmp files in its folder")
        }
        temporaryPath = path
        descriptor = fd
        // A second descriptor holds the lock, so the writing one can be handed over and closed.
        if let lock = try? FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec]) {
            _ = SystemCalls.tryLock(lock)
            lockDescriptor = lock
        }
    }

    deinit { discard() }

    /// A new empty folder beside the destination for a library's scratch files (libxlsxwriter's),
    /// so they fill the destination's disk and not /tmp, and go with the temporary file: removed,
    /// whatever is in it, when the file is committed or discarded, or by the next run after a kill.
    public func scratchFolder() throws(FileError) -> String {
        if let scratch { return scratch }
        let path = String(temporaryPath.dropLast(".tmp".count)) + ".scratch"
        do {
            try SystemCalls.mkdir(path, mode: 0o700)
        } catch {
            throw FileError.system(error, "write", shown, written: true)
        }
        scratch = path
        return path
    }

    /// Appends `bytes` to the temporary file.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(FileError) {
        guard let descriptor else { throw FileError(.writeFailed, "\(shown) is already closed", hint: "this is a bug in grantledger") }
        if let fault = Self.injectedFault { throw FileError.system(fault, "write", shown, written: true) }
        do {
            _ = try descriptor.writeAll(bytes)
        } catch {
            throw FileError.system(error as? Errno ?? .ioError, "write", shown, written: true)
        }
    }

    public func write(_ bytes: [UInt8]) throws(FileError) {
        var failure: FileError?
        bytes.withUnsafeBytes { buffer in
            do throws(FileError) { try write(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Closes the temporary file, leaving it for a library to write by `temporaryPath`.
    public func handOver() {
        if let descriptor { try? descriptor.close() }
        descriptor = nil
    }

    /// Flushes the temporary file to disk, gives it the replaced file's mode, and renames it over
    /// the target. The file cannot be written after. `unless` is asked last, just before the
    /// rename: a problem it gives leaves the target as it was (`import` asks whether the ledger it
    /// appends to was changed meanwhile, which writing a large one gives time for).
    public func commit(unless refusal: (() -> FileError?)? = nil) throws(FileError) {
        guard !finished else { throw FileError(.writeFailed, "\(shown) is already closed", hint: "this is a bug in grantledger") }
        var refused: FileError?
        do throws(Errno) {
            if let fault = Self.injectedFault { throw fault }
            let fd: FileDescriptor
            if let descriptor {
                fd = descriptor
            } else if let lockDescriptor {
                fd = lockDescriptor
            } else {
                do {
                    fd = try FileDescriptor.open(FilePath(temporaryPath), .readOnly, options: [.closeOnExec])
                } catch {
                    throw error as? Errno ?? .ioError
                }
            }
            try SystemCalls.fsync(fd)
            if let existing {
                // Owner first: changing it clears the set-id bits that the mode then puts back.
                if geteuid() == 0 { try SystemCalls.fchown(fd, existing.userID.rawValue, existing.groupID.rawValue) }
                try SystemCalls.fchmod(fd, existing.mode.rawValue & 0o7777)
            }
            if let descriptor {
                self.descriptor = nil
                do { try descriptor.close() } catch { throw error as? Errno ?? .ioError }
            }
            refused = refusal?()
            if refused == nil { try SystemCalls.rename(temporaryPath, target) }
        } catch {
            discard()
            throw FileError.system(error, "write", shown, written: true)
        }
        if let refused {
            discard()
            throw refused
        }
        finished = true
        releaseLock()
        removeScratch()
        // The rename reaches the disk only when the folder is flushed too.
        SystemCalls.syncFolder(folder)
    }

    /// Abandons the file: removes the temporary file; the destination is as it was. Safe to repeat.
    public func discard() {
        guard !finished else { return }
        finished = true
        if let descriptor { try? descriptor.close() }
        descriptor = nil
        SystemCalls.unlink(temporaryPath)
        removeScratch()
        releaseLock()
    }

    private func releaseLock() {
        if let lockDescriptor { try? lockDescriptor.close() }
        lockDescriptor = nil
    }

    private func removeScratch() {
        if let scratch { try? FileManager.default.removeItem(atPath: scratch) }
        scratch = nil
    }

    /// Writes `destination` with `body`, all or nothing; messages name it `shown` (by default, itself).
    /// `unless` as `commit` takes it.
    public static func write(to destination: String, shownAs shown: String? = nil, unless refusal: (() -> FileError?)? = nil,
                             _ body: (inout OutputSink) throws(FileError) -> Void) throws(FileError) {
        let file = try OutputFile(destination, shownAs: shown ?? destination)
        var sink = OutputSink(file)
        do {
            try body(&sink)
            try sink.finish()
            try file.commit(unless: refusal)
        } catch {
            file.discard()
            throw error
        }
    }

    // MARK: - Paths

    /// As the kernel's `protected_symlinks` does, a link in a sticky folder that anyone may write
    /// (`/tmp`) is written through only if it belongs to this user or to the folder's owner: another
    /// user must not be able to plant `/tmp/book.xlsx -> ~/books/main.ledger` and have it replaced.
    static func refuseLinksPlantedByOthers(_ link: String, _ info: Stat) throws(FileError) {
        let folder = FilePaths.split(link).directory
        if let owner = SystemCalls.status(folder), owner.mode.rawValue & S_ISVTX != 0, owner.mode.rawValue & 0o002 != 0,
           info.userID.rawValue != geteuid(), info.userID != owner.userID {
            throw FileError(.permissionDenied, "refusing to write through \(link): a link another user made in a shared folder",
                            hint: "name the file itself, or remove the link; nothing was changed")
        }
    }

    /// `.NAME.grantledger-` (NAME cut to 120 bytes, so the temporary name fits the folder's limit):
    /// how this file's temporary files, and a killed run's, are named.
    static func temporaryPrefix(for name: String) -> String {
        ".\(name.utf8.count > 120 ? String(decoding: Array(name.utf8.prefix(120)), as: UTF8.self) : name).grantledger-"
    }

    /// A fresh `.NAME.grantledger-PID-RANDOM.tmp` in `folder`, for a temporary file or folder.
    static func temporaryCandidate(in folder: String, for name: String) -> String {
        FilePaths.join(folder, temporaryPrefix(for: name) + "\(getpid())-\(String(UInt64.random(in: .min ... .max), radix: 16)).tmp")
    }

    /// Removes `.NAME.grantledger-PID-….tmp` files and folders (and the `….scratch` folders beside them) in
    /// `folder` that no run holds: a killed run's leftovers. A file whose lock is held (a run still
    /// writing it, here or on another machine) and anything not named so are left alone.
    static func removeAbandoned(in folder: String, for name: String) {
        let prefix = temporaryPrefix(for: name)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
            let path = FilePaths.join(folder, entry)
            guard let fd = try? FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec, .noFollow]) else { continue }
            defer { try? fd.close() }
            guard SystemCalls.tryLock(fd) else { continue }
            if (try? fd.stat())?.type == .directory {
                // An `OutputFolder`'s temporary folder, with the files written into it so far.
                try? FileManager.default.removeItem(atPath: path)
            } else {
                SystemCalls.unlink(path)
            }
            try? FileManager.default.removeItem(atPath: String(path.dropLast(".tmp".count)) + ".scratch")
        }
        // A scratch folder whose temporary file has gone (killed between the two removals).
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".scratch") {
            let path = FilePaths.join(folder, entry)
            if !entries.contains(String(entry.dropLast(".scratch".count)) + ".tmp") {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }

    // MARK: - Fault injection

    /// `GRANTLEDGER_FAULT_WRITE=ENOSPC` (or EFBIG, EROFS, EACCES, EDQUOT, EIO) makes every write fail
    /// as that error would: how the error catalogue and the tests show each write failure on any
    /// machine, without filling a disk. Real failures are tested on a real full disk too.
    static let injectedFault: Errno? = {
        guard let name = ProcessInfo.processInfo.environment["GRANTLEDGER_FAULT_WRITE"] else { return nil }
        let known: [String: Errno] = ["ENOSPC": .noSpace, "EFBIG": .fileTooLarge, "EROFS": .readOnlyFileSystem,
                                      "EACCES": .permissionDenied, "EDQUOT": .diskQuotaExceeded, "EIO": .ioError]
        return known[name]
    }()
}
