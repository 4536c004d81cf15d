import Foundation

/// Writing an output file so that a failure leaves every file as it was: the content goes to a new
/// temporary file beside the target (`FILE.tmp-PID-RANDOM`), is flushed to disk, and is renamed
/// over the target in one step; on any failure the temporary file is removed.
///
/// Lives in the CLI because it touches the file system by POSIX calls; the workbook export can use
/// `write(to:using:)` with libxlsxwriter writing the temporary path.
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Streams text into `path`.
    static func write(to path: String, _ body: (inout FileSink) throws -> Void) throws {
        try write(to: path) { temporary in
            let descriptor = open(temporary, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard descriptor >= 0 else { throw Failure(description: "cannot open \(temporary): \(errorText())") }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            var sink = FileSink(handle)
            try body(&sink)
            try sink.finish()
            try handle.synchronize()
            try handle.close()
        }
    }

    /// Runs `body` with the path of a new, empty temporary file beside `path`, then renames it into place.
    static func write(to path: String, using body: (String) throws -> Void) throws {
        let temporary = "\(path).tmp-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot create a file beside \(path): \(errorText())")
        }
        close(descriptor)
        do {
            // Keep the permissions of the file being replaced, if there is one.
            if let mode = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] {
                try? FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: temporary)
            }
            try body(temporary)
            guard rename(temporary, path) == 0 else {
                throw Failure(description: "cannot replace \(path): \(errorText())")
            }
            // The rename itself reaches the disk only when the folder is flushed too.
            let folder = open((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent,
                              O_RDONLY | O_CLOEXEC)
            if folder >= 0 {
                fsync(folder)
                close(folder)
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Runs `body` with a new temporary file beside `path`, removed afterwards whatever happens.
    static func withTemporaryFile(beside path: String, _ body: (String) throws -> Void) throws {
        let temporary = "\(path).tmp-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot create a file beside \(path): \(errorText())") }
        close(descriptor)
        defer { unlink(temporary) }
        try body(temporary)
    }

    /// Writes `bytes` to the existing file at `path` and flushes them to disk.
    static func writeFlushed(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(description: "cannot open \(path): \(errorText())") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(descriptor, base + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write \(path): \(errorText())")
            }
            offset += written
        }
        guard fsync(descriptor) == 0 else { throw Failure(description: "cannot flush \(path) to disk: \(errorText())") }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
