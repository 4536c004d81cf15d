import Foundation
import SystemPackage

/// A large ledger's bytes left on disk, read a window at a time through the descriptor it was
/// opened by, rather than held whole.
///
/// Why: a million-transaction ledger is 220 MB of text, and held whole it was two fifths of what
/// `check` kept in memory, for bytes that are parsed once and afterwards wanted only to show the
/// odd line with a problem. Read through the descriptor kept open, the windows are the bytes of the
/// file that was opened and checked, even if another program saves a new file by its name
/// meanwhile (an editor saves by renaming a new file into place). A file changed where it lies (cut
/// short, or written over) is found by its size and modification time and never accepted: the
/// command stops with a `read-failed` error saying it changed (see `problem`).
final class DiskBytes: @unchecked Sendable {
    // @unchecked: the descriptor and the facts are immutable; `firstProblem` is guarded by `lock`.
    let path: String
    let size: Int
    let identity: FileIdentity
    private let descriptor: FileDescriptor
    private let lock = NSLock()
    private var firstProblem: FileError?

    init(path: String, descriptor: FileDescriptor, identity: FileIdentity) {
        self.path = path
        self.descriptor = descriptor
        self.identity = identity
        size = Int(identity.size)
    }

    deinit { try? descriptor.close() }

    /// The first problem met reading the file, or found when `checkUnchanged` looked; nil if none.
    var problem: FileError? { lock.withLock { firstProblem } }

    private func note(_ problem: FileError) {
        lock.withLock { if firstProblem == nil { firstProblem = problem } }
    }

    /// Reads bytes `range` (within the file) to the start of `buffer`, which has room for them.
    /// A read that fails or comes up short (the file was cut) is noted and thrown.
    func read(_ range: Range<Int>, into buffer: UnsafeMutableRawBufferPointer) throws(FileError) {
        var done = 0
        while done < range.count {
            let read: Int
            do {
                if let fault = SourceFiles.readFault { throw fault }
                read = try descriptor.read(fromAbsoluteOffset: Int64(range.lowerBound + done),
                                           into: UnsafeMutableRawBufferPointer(rebasing: buffer[done..<range.count]))
            } catch {
                let problem = FileError.system(error as? Errno ?? .ioError, "read", path, written: false)
                note(problem)
                throw problem
            }
            if read == 0 {
                let problem = changed()
                note(problem)
                throw problem
            }
            done += read
        }
    }

    /// Bytes `range` (within the file) as an array of their own.
    func bytes(_ range: Range<Int>) throws(FileError) -> [UInt8] {
        var failure: FileError?
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, count in
            do throws(FileError) { try read(range, into: UnsafeMutableRawBufferPointer(buffer)) } catch { failure = error }
            count = failure == nil ? range.count : 0
        }
        if let failure { throw failure }
        return bytes
    }

    /// Every byte, read again: for the rare reader that wants the whole file (an import appending
    /// to it), checked unchanged after.
    func whole() throws(FileError) -> [UInt8] {
        let bytes = try bytes(0..<size)
        try checkUnchanged()
        return bytes
    }

    /// Throws (and notes) that the file was changed since it was opened, when its size or
    /// modification time say so.
    func checkUnchanged() throws(FileError) {
        let now: Stat
        do {
            now = try descriptor.stat()
        } catch {
            let problem = FileError.system(error, "read", path, written: false)
            note(problem)
            throw problem
        }
        guard FileIdentity(now) == identity else {
            let problem = changed()
            note(problem)
            throw problem
        }
    }

    private func changed() -> FileError {
        FileError(.readFailed, "\(path) was changed by another program while it was being read",
                  hint: "run the command again once the file is saved; nothing was written")
    }

    /// Calls `body` with each window of bytes from `range` in turn (at most `window` bytes, the
    /// last shorter), read into one buffer; stops at a read that fails (noted, see `problem`) or
    /// when `body` returns false. Returns false when a read failed.
    @discardableResult
    func forEachWindow(_ range: Range<Int>, window: Int = SourceFile.validationWindow,
                       _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool) -> Bool {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, window), alignment: 16)
        defer { buffer.deallocate() }
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(range.upperBound, start + window)
            do { try read(start..<end, into: buffer) } catch { return false }
            if !body(UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: end - start), start) { return true }
            start = end
        }
        return true
    }
}
