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
/// - A new file gets 0666 less the umask, as any new file would; a replaced file keeps its mode.
/// - Temporary files are named `.NAME.grantledger-PID-RANDOM.tmp` (and a library's scratch folder
///   `.NAME.grantledger-PID-RANDOM.scratch`); one left by a killed run is recognised by its name
///   (its process is gone) and removed by the next write to `NAME`.
public final class OutputFile {
    /// The path as the user named it.
    public let destination: String
    /// The file actually replaced: `destination` with symlinks followed.
    public let target: String
    /// The temporary file the content is written to; a library that writes by path (libxlsxwriter)
    /// is given this.
    public let temporaryPath: String
    /// The folder both are in: where a library's own scratch files belong, so they fill the same disk.
    public let folder: String

    private var descriptor: FileDescriptor?
    private var finished = false
    private var scratch: String?

    /// Reserves the temporary file now, so a missing or read-only folder fails before any work.
    public init(_ destination: String) throws(FileError) {
        guard !destination.isEmpty, !destination.hasSuffix("/") else {
            throw FileError(.notARegularFile, "\(destination.isEmpty ? "an empty path" : destination) does not name a file",
                            hint: "name the file to write, for example out/committee.xlsx")
        }
        self.destination = destination
        target = try Self.followLinks(destination)
        let (folder, name) = FilePaths.split(target)
        self.folder = folder
        var existingMode: mode_t?
        var existingOwner: (uid_t, gid_t)?
        var info = stat()
        if stat(target, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                let what = (info.st_mode & S_IFMT) == S_IFDIR ? "a folder" : SourceFiles.describe(FileType(rawValue: info.st_mode & S_IFMT))
                throw FileError(.notARegularFile, "refusing to write \(destination): it is \(what), not a regular file",
                                hint: "name a regular file to write; nothing was changed")
            }
            existingMode = info.st_mode & 0o7777
            existingOwner = (info.st_uid, info.st_gid)
        }
        Self.removeAbandonedTemporaries(in: folder, for: name)
        var created: (String, FileDescriptor)?
        for _ in 0..<16 {
            let candidate = FilePaths.join(folder, ".\(name).grantledger-\(getpid())-\(String(UInt64.random(in: .min ... .max), radix: 16)).tmp")
            do {
                let fd = try FileDescriptor.open(FilePath(candidate), .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
                                                 permissions: FilePermissions(rawValue: 0o666))
                created = (candidate, fd)
                break
            } catch Errno.fileExists {
                continue
            } catch {
                throw FileError.system(error as? Errno ?? .ioError, "write", destination, written: true)
            }
        }
        guard let (path, fd) = created else {
            throw FileError(.writeFailed, "cannot find a free temporary name beside \(destination)", hint: "remove stray .tmp files in its folder")
        }
        temporaryPath = path
        descriptor = fd
        if let existingMode {
            _ = fchmod(fd.rawValue, existingMode)
            if let (uid, gid) = existingOwner, geteuid() == 0 { _ = fchown(fd.rawValue, uid, gid) }
        }
    }

    deinit { discard() }

    /// A new empty folder beside the destination for a library's scratch files (libxlsxwriter's),
    /// so they fill the destination's disk and not /tmp, and go with the temporary file: removed,
    /// whatever is in it, when the file is committed or discarded, or by the next run after a kill.
    public func scratchFolder() throws(FileError) -> String {
        if let scratch { return scratch }
        let path = String(temporaryPath.dropLast(".tmp".count)) + ".scratch"
        guard mkdir(path, 0o700) == 0 else {
            throw FileError.system(Errno(rawValue: errno), "write", destination, written: true)
        }
        scratch = path
        return path
    }

    private func removeScratch() {
        if let scratch { try? FileManager.default.removeItem(atPath: scratch) }
        scratch = nil
    }

    /// Appends `bytes` to the temporary file.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(FileError) {
        guard let descriptor else { throw FileError(.writeFailed, "\(destination) is already closed", hint: "this is a bug in grantledger") }
        if let fault = Self.injectedFault { throw FileError.system(fault, "write", destination, written: true) }
        do {
            _ = try descriptor.writeAll(bytes)
        } catch {
            throw FileError.system(error as? Errno ?? .ioError, "write", destination, written: true)
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

    /// Flushes the temporary file to disk and renames it over the target. The file cannot be written after.
    public func commit() throws(FileError) {
        guard !finished else { throw FileError(.writeFailed, "\(destination) is already closed", hint: "this is a bug in grantledger") }
        if let fault = Self.injectedFault {
            discard()
            throw FileError.system(fault, "write", destination, written: true)
        }
        let fd: FileDescriptor
        if let descriptor {
            fd = descriptor
        } else {
            do {
                fd = try FileDescriptor.open(FilePath(temporaryPath), .readOnly, options: [.closeOnExec])
            } catch {
                discard()
                throw FileError.system(error as? Errno ?? .ioError, "write", destination, written: true)
            }
        }
        descriptor = nil
        let synced = fsync(fd.rawValue) == 0 ? nil : Errno(rawValue: errno)
        var closed: Errno?
        do { try fd.close() } catch { closed = error as? Errno ?? .ioError }
        if let failure = synced ?? closed {
            discard()
            throw FileError.system(failure, "write", destination, written: true)
        }
        guard rename(temporaryPath, target) == 0 else {
            let failure = Errno(rawValue: errno)
            discard()
            throw FileError.system(failure, "replace", destination, written: true)
        }
        finished = true
        removeScratch()
        // The rename reaches the disk only when the folder is flushed too. Best effort: the file is
        // complete and in place, and some file systems refuse to flush a folder.
        if let folderFD = try? FileDescriptor.open(FilePath(folder), .readOnly, options: [.closeOnExec, .directory]) {
            _ = fsync(folderFD.rawValue)
            try? folderFD.close()
        }
    }

    /// Abandons the file: removes the temporary file; the destination is as it was. Safe to repeat.
    public func discard() {
        guard !finished else { return }
        finished = true
        if let descriptor { try? descriptor.close() }
        descriptor = nil
        _ = unlink(temporaryPath)
        removeScratch()
    }

    /// Writes `destination` with `body`, all or nothing.
    public static func write(to destination: String, _ body: (inout OutputSink) throws(FileError) -> Void) throws(FileError) {
        let file = try OutputFile(destination)
        var sink = OutputSink(file)
        do {
            try body(&sink)
            try sink.finish()
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    // MARK: - Paths

    /// `path` with symlinks followed to the file they lead to (which need not exist yet); a loop of
    /// links is an error.
    static func followLinks(_ path: String) throws(FileError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return current }
            let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = FilePaths.join(FilePaths.split(current).directory, link)
        }
        throw FileError(.notARegularFile, "\(path) is a loop of symbolic links", hint: "name a regular file; nothing was changed")
    }

    /// Removes `.NAME.grantledger-PID-….tmp` files (and `….scratch` folders) in `folder` whose
    /// process has ended (a killed run's leftovers). A live process's, and anything not named so,
    /// is left alone.
    static func removeAbandonedTemporaries(in folder: String, for name: String) {
        let prefix = ".\(name).grantledger-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) && (entry.hasSuffix(".tmp") || entry.hasSuffix(".scratch")) {
            let rest = entry.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: FilePaths.join(folder, entry))
            }
        }
    }

    // MARK: - Fault injection

    /// `GRANTLEDGER_FAULT_WRITE=ENOSPC` (or EFBIG, EROFS, EACCES, EDQUOT, EIO) makes every write fail
    /// as that error would: how the error catalogue and the tests show each write failure on any
    /// machine, without filling a disk. Real failures are tested on a real full disk too.
    static let injectedFault: Errno? = {
        guard let name = ProcessInfo.processInfo.environment["GRANTLEDGER_FAULT_WRITE"] else { return nil }
        let known: [String: Int32] = ["ENOSPC": ENOSPC, "EFBIG": EFBIG, "EROFS": EROFS, "EACCES": EACCES, "EDQUOT": EDQUOT, "EIO": EIO]
        return known[name].map { Errno(rawValue: $0) }
    }()
}

/// A buffered text stream into an `OutputFile`, so a large export is written in megabyte chunks
/// rather than built whole in memory. `TextOutputStream.write` cannot throw, so the first failure is
/// kept and `finish()` throws it.
public struct OutputSink: TextOutputStream {
    private let file: OutputFile
    private var buffer: [UInt8] = []
    private var failure: FileError?
    private static let chunk = 1 << 20

    init(_ file: OutputFile) {
        self.file = file
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    public mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= Self.chunk { flush() }
    }

    public mutating func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunk { flush() }
    }

    mutating func finish() throws(FileError) {
        flush()
        if let failure { throw failure }
    }

    private mutating func flush() {
        guard !buffer.isEmpty, failure == nil else { return }
        do { try file.write(buffer) } catch { failure = error }
        buffer.removeAll(keepingCapacity: true)
    }
}
