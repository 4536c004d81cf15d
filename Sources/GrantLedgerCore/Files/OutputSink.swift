import Foundation

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
