import Foundation

/// A buffered text stream into an open file, so a large export is written in megabyte chunks
/// rather than built whole in memory. `TextOutputStream.write` cannot throw, so the first failure
/// is kept and reported by `finish()`.
struct FileSink: TextOutputStream {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private(set) var failure: (any Error)?
    private static let chunk = 1 << 20

    init(_ handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= Self.chunk { flush() }
    }

    mutating func finish() throws {
        flush()
        if let failure { throw failure }
    }

    private mutating func flush() {
        guard !buffer.isEmpty, failure == nil else { return }
        do { try handle.write(contentsOf: buffer) } catch { failure = error }
        buffer.removeAll(keepingCapacity: true)
    }
}
