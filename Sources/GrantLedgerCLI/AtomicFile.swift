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
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
