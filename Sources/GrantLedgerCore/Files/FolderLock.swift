import Foundation
import SystemPackage

/// An exclusive lock on a folder, held until released: two imports into one folder at once would
/// each append to the ledger as it was before the other.
public final class FolderLock {
    private let descriptor: FileDescriptor

    /// Waits for the lock on `folder`; nil when the folder cannot be opened or locked (then the
    /// write that follows reports why it cannot be written).
    public init?(_ folder: String) {
        guard let fd = try? FileDescriptor.open(FilePath(folder.isEmpty ? "." : folder), .readOnly, options: [.closeOnExec, .directory]) else {
            return nil
        }
        do {
            try SystemCalls.lock(fd)
        } catch {
            try? fd.close()
            return nil
        }
        descriptor = fd
    }

    deinit { try? descriptor.close() }
}
