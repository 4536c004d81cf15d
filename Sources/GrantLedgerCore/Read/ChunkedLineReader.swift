import Foundation

/// Reads a file in large chunks and hands out one line at a time as bytes, so memory stays at one
/// chunk however big the ledger is, and no `String` is made for a line unless it is needed.
final class ChunkedLineReader {
    static let chunkSize = 4 << 20

    private let handle: FileHandle

    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
    }

    /// Calls `body` with each line (without its `\n` or `\r\n`) and its 1-based number.
    /// Throws only what reading the file throws.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) throws {
        var lineNumber = 0
        var buffer: [UInt8] = []
        var carry: [UInt8] = []
        defer { try? handle.close() }
        while true {
            let data = try handle.read(upToCount: Self.chunkSize) ?? Data()
            if data.isEmpty {
                if !carry.isEmpty {
                    lineNumber += 1
                    emit(carry, lineNumber, body)
                    carry.removeAll()
                }
                return
            }
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: carry)
            buffer.append(contentsOf: data)
            carry.removeAll(keepingCapacity: true)
            buffer.withUnsafeBufferPointer { bytes in
                var start = 0
                let count = bytes.count
                while start < count {
                    // memchr finds the newline with the C library's vectorised scan.
                    let end: Int
                    if let base = bytes.baseAddress, let found = memchr(base + start, Int32(ASCII.newline), count - start) {
                        end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    } else {
                        end = count
                    }
                    if end == count {
                        carry.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count]))
                        break
                    }
                    lineNumber += 1
                    var lineEnd = end
                    if lineEnd > start && bytes[lineEnd - 1] == ASCII.carriageReturn { lineEnd -= 1 }
                    body(UnsafeBufferPointer(rebasing: bytes[start..<lineEnd]), lineNumber)
                    start = end + 1
                }
            }
        }
    }

    private func emit(_ line: [UInt8], _ number: Int, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        line.withUnsafeBufferPointer { bytes in
            var end = bytes.count
            if end > 0 && bytes[end - 1] == ASCII.carriageReturn { end -= 1 }
            body(UnsafeBufferPointer(rebasing: bytes[0..<end]), number)
        }
    }
}
