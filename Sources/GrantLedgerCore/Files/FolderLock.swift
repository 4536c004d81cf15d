import Foundation
import SystemPackage

/// An exclusive lock on a folder, held until released: two imports into one folder at once would
/// each append to the ledger as it was before the other.
public final class FolderLock {
    private let descriptor: FileDescriptor

    /// How long to wait for another holder before giving up.
    public static let patience = 30

    /// Waits up to `patience` seconds for the lock on `folder`; nil when the folder cannot be
    /// opened, or somebody else holds the lock all that time.
    public init?(_ folder: String) {
        guard let fd = try? FileDescriptor.open(FilePath(folder.isEmpty ? "." : folder), .readOnly, options: [.closeOnExec, .directory]) else {
            return nil
        }
        var waited = 0
        while !SystemCalls.tryLock(fd) {
            if waited >= Self.patience * 10 {
                try? fd.close()
                return nil
            }
            usleep(100_000)
            waited += 1
        }
        descriptor = fd
    }

    deinit { try? descriptor.close() }
}
