/// A text's cell in a register table: its bytes as shown (cut to `TableWriter.textWidth` with `…`,
/// as `TableWriter.shortened` cuts it) and its width in characters.
struct TableCell {
    let bytes: [UInt8]
    let width: Int

    /// The `String` way, for any text (nil is a blank cell).
    init(_ text: String?) {
        let shown = TableWriter.shortened(text ?? "")
        bytes = Array(shown.utf8)
        width = shown.count
    }

    /// The `String` way's bytes and width, as `NamedCells` keeps them.
    static func made(_ text: String?) -> (bytes: [UInt8], width: Int) {
        let cell = TableCell(text)
        return (cell.bytes, cell.width)
    }

    private static let ellipsis: [UInt8] = Array("…".utf8)

    /// How wide `text` is once shortened: its bytes when it is printable ASCII (one character each).
    static func width(of text: UnsafeBufferPointer<UInt8>) -> Int {
        ASCII.isPrintable(text) ? Swift.min(text.count, TableWriter.textWidth) : TableCell(String(decoding: text, as: UTF8.self)).width
    }

    /// `text` (nil: a blank) shortened and padded to `width`, then the gap.
    static func write(_ text: UnsafeBufferPointer<UInt8>?, width: Int, _ out: ByteChunks) throws {
        guard let text else {
            try out.reserve(width + 2)
            out.put(ASCII.space, times: width + 2)
            return
        }
        guard ASCII.isPrintable(text) else { return try TableCell(String(decoding: text, as: UTF8.self)).write(width: width, out) }
        try out.reserve(text.count + width + 2)
        if text.count <= TableWriter.textWidth {
            out.put(text)
            out.put(ASCII.space, times: width - text.count + 2)
        } else {
            out.put(text.slice(0..<TableWriter.textWidth - 1))
            out.put(ellipsis)
            out.put(ASCII.space, times: width - TableWriter.textWidth + 2)
        }
    }

    /// This cell padded to `width`, then the gap.
    func write(width: Int, _ out: ByteChunks) throws {
        try out.reserve(bytes.count + width + 2)
        out.put(bytes)
        out.put(ASCII.space, times: width - self.width + 2)
    }
}
