/// A text cell of CSV from its bytes: as they are when `CSVCell.text` would leave them so (printable
/// ASCII, where each byte is a character, not starting like a formula and needing no quotes, by
/// `CSVCell`'s own tests), else through `CSVCell.text` itself.
enum CSVText {
    static func put(_ text: UnsafeBufferPointer<UInt8>, _ out: ByteChunks) throws {
        if let first = text.first, ASCII.isPrintable(text), !CSVCell.startsLikeAFormula(first: first), !CSVCell.needsQuotes(text) {
            try out.reserve(text.count)
            out.put(text)
            return
        }
        try out.write(CSVCell.text(String(decoding: text, as: UTF8.self)))
    }
}
