import Foundation

/// How many large ledgers are left on disk (`DiskBytes`), each holding a descriptor open: at most
/// `maximum`, beyond which a file is read whole, so a folder of many large ledgers never runs out
/// of descriptors. Shared by a door and its copies (`SourceFiles.copy`), which hold the same files.
final class OnDiskPlaces: @unchecked Sendable {
    // @unchecked: `taken` is guarded by `lock`.
    /// 64, or a quarter of the descriptors the process may open (`ulimit -n`) when that is fewer:
    /// the rest are for the files being written, the threads' own (libdispatch stops the program
    /// when it cannot have one) and everything else.
    static let maximum: Int = {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        return Int(min(64, limit.rlim_cur / 4))
    }()
    private let lock = NSLock()
    private var taken = 0

    /// A place, if one is free.
    func take() -> Bool {
        lock.withLock {
            guard taken < Self.maximum else { return false }
            taken += 1
            return true
        }
    }

    /// A place taken for a file that was not kept after all.
    func giveBack() {
        lock.withLock { taken = max(0, taken - 1) }
    }
}
