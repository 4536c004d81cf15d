import Foundation
import SystemPackage

/// The few system calls the file doors need that swift-system 1.8 does not wrap (fsync, rename,
/// link, mkdir, readlink, fchmod, fchown, flock, realpath, access), each in one place, retried on EINTR
/// and throwing swift-system's `Errno`, so the rest of the code reads like swift-system's own.
enum SystemCalls {
    static func check(_ result: Int32) throws(Errno) {
        if result != 0 { throw Errno(rawValue: errno) }
    }

    static func retrying(_ call: () -> Int32) throws(Errno) {
        while true {
            if call() == 0 { return }
            if errno != EINTR { throw Errno(rawValue: errno) }
        }
    }

    static func fsync(_ fd: FileDescriptor) throws(Errno) { try retrying { Glibc.fsync(fd.rawValue) } }
    static func rename(_ from: String, _ to: String) throws(Errno) { try check(Glibc.rename(from, to)) }
    static func mkdir(_ path: String, mode: mode_t) throws(Errno) { try check(Glibc.mkdir(path, mode)) }
    /// A second name for a file; fails with EEXIST rather than replace a file already at `to`.
    static func link(_ from: String, _ to: String) throws(Errno) { try check(Glibc.link(from, to)) }
    static func unlink(_ path: String) { _ = Glibc.unlink(path) }
    static func fchmod(_ fd: FileDescriptor, _ mode: mode_t) throws(Errno) { try check(Glibc.fchmod(fd.rawValue, mode)) }
    static func fchown(_ fd: FileDescriptor, _ uid: uid_t, _ gid: gid_t) throws(Errno) { try check(Glibc.fchown(fd.rawValue, uid, gid)) }

    /// Flushes the folder at `path` to disk, so a rename or a link into it survives a power cut.
    /// Best effort: the change is made already, and some file systems refuse to flush a folder.
    static func syncFolder(_ path: String) {
        guard let fd = try? FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec, .directory]) else { return }
        try? fsync(fd)
        try? fd.close()
    }

    /// Takes an exclusive lock on `fd` if nobody holds one; false when somebody does.
    static func tryLock(_ fd: FileDescriptor) -> Bool { flock(fd.rawValue, LOCK_EX | LOCK_NB) == 0 }

    /// What the symlink at `path` points to, as written in it.
    static func readLink(_ path: String) throws(Errno) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = Glibc.readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { throw Errno(rawValue: errno) }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The absolute path with `.`, `..` and symlinks resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path.isEmpty ? "." : path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Nil when this process may write in the folder at `path`; else why not.
    static func accessForWriting(_ path: String) -> Errno? {
        Glibc.access(path, W_OK | X_OK) == 0 ? nil : Errno(rawValue: errno)
    }

    /// Nil when this process may list the folder at `path`; else why not.
    static func accessForReading(_ path: String) -> Errno? {
        Glibc.access(path, R_OK | X_OK) == 0 ? nil : Errno(rawValue: errno)
    }

    /// `stat` (or `lstat`, when `following` is false) through swift-system; nil when nothing is there.
    static func status(_ path: String, following: Bool = true) -> Stat? {
        try? FilePath(path).stat(followTargetSymlink: following)
    }

    /// Asks the kernel to back `buffer` with 2 MiB pages where it can (transparent huge pages in
    /// `madvise` mode, Debian's default). A million-transaction ledger fills some 600 MB: in 4 KiB
    /// pages that is 160,000 page faults, a third of `check`'s time spent in the kernel; in huge
    /// pages, a few hundred. Only the whole pages inside the buffer are advised, and only for
    /// buffers of 4 MiB or more; the advice changes no byte, and where it is refused nothing changes.
    static func preferHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        guard buffer.count >= 4 << 20, let base = buffer.baseAddress else { return }
        let page = 2 << 20
        let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(page - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, 14 /* MADV_HUGEPAGE */)
    }

    /// `preferHugePages` for the room an array has reserved (its capacity, not only its elements).
    static func preferHugePages<Element>(forCapacityOf array: inout [Element]) {
        let bytes = array.capacity * MemoryLayout<Element>.stride
        array.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            preferHugePages(UnsafeMutableRawBufferPointer(start: base, count: bytes))
        }
    }

    /// `bytes` of zeroed memory straight from the kernel (an anonymous mapping, advised for huge
    /// pages), or nil when it cannot be had (the caller then uses malloc). Freed by `unmapPages`.
    static func mapPages(_ bytes: Int) -> UnsafeMutableRawPointer? {
        guard bytes > 0 else { return nil }
        let pages = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let pages, pages != MAP_FAILED else { return nil }
        preferHugePages(UnsafeMutableRawBufferPointer(start: pages, count: bytes))
        return pages
    }

    /// Gives memory from `mapPages` back to the kernel.
    static func unmapPages(_ pages: UnsafeMutableRawPointer, _ bytes: Int) {
        _ = munmap(pages, bytes)
    }
}
