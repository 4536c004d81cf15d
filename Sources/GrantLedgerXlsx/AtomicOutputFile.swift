#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file beside the destination that becomes the destination only on `commit()`.
///
/// Same directory, so the final `rename(2)` is atomic: a reader sees the old workbook or the new one,
/// never half of one, and a failed export leaves whatever was there before untouched.
struct AtomicOutputFile {
    let destination: String
    let temporary: String

    /// Creates the (empty) temporary file now, so a missing or read-only directory fails before
    /// any work is done, and `O_EXCL` guarantees the name is ours alone.
    static func reserve(destination: String) throws(WorkbookError) -> AtomicOutputFile {
        guard !destination.isEmpty, !destination.hasSuffix("/") else {
            throw .invalidArgument("output path '\(destination)' does not name a file")
        }
        var info = stat()
        if stat(destination, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw .io(operation: "cannot replace directory", path: destination, errno: EISDIR,
                      message: systemMessage(EISDIR))
        }
        let (directory, name) = split(destination)
        for _ in 0..<16 {
            let suffix = String(UInt64.random(in: .min ... .max), radix: 16)
            let candidate = directory + "/." + name + "." + suffix + ".tmp"
            // 0666 before umask: the finished workbook gets the permissions any new file would.
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 {
                close(fd)
                return AtomicOutputFile(destination: destination, temporary: candidate)
            }
            let error = errno
            if error != EEXIST {
                throw .io(operation: "cannot create temporary file for", path: destination, errno: error,
                          message: systemMessage(error))
            }
        }
        throw .io(operation: "cannot find a free temporary name for", path: destination, errno: EEXIST,
                  message: systemMessage(EEXIST))
    }

    /// Flushes the finished temporary file to disk and renames it over the destination.
    func commit() throws(WorkbookError) {
        let fd = open(temporary, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("cannot reopen temporary file", path: temporary) }
        let synced = fsync(fd)
        let syncError = errno
        close(fd)
        guard synced == 0 else {
            throw .io(operation: "cannot flush", path: temporary, errno: syncError, message: systemMessage(syncError))
        }
        guard rename(temporary, destination) == 0 else { throw failure("cannot rename into place", path: destination) }
        // Make the rename itself durable. Best effort: some file systems refuse fsync on a directory,
        // and the workbook is already complete and in place.
        let directoryFD = open(Self.split(destination).directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            _ = fsync(directoryFD)
            close(directoryFD)
        }
    }

    /// Removes the temporary file; the destination is left as it was.
    func discard() {
        _ = unlink(temporary)
    }

    private func failure(_ operation: String, path: String) -> WorkbookError {
        let error = errno
        return .io(operation: operation, path: path, errno: error, message: systemMessage(error))
    }

    /// Directory (`.` when none is given) and last path component.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }
}

func systemMessage(_ error: Int32) -> String {
    guard let text = strerror(error) else { return "error \(error)" }
    return String(cString: text)
}
