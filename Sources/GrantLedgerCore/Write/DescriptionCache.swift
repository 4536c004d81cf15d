/// The description's table cell, measured once for the postings of its transaction: its width,
/// and, for text that is not printable ASCII, the cell the `String` way made (printable ASCII is
/// written from the ledger's bytes).
struct DescriptionCache {
    private var text: Int32 = .min
    private var width = 0
    private var made: TableCell?

    private mutating func load(_ transaction: Transaction, _ store: TextStore) {
        guard transaction.descriptionText != text else { return }
        text = transaction.descriptionText
        made = store.withBytes(text) { ASCII.isPrintable($0) ? nil : TableCell(String(decoding: $0, as: UTF8.self)) }
        width = made?.width ?? store.withBytes(text, TableCell.width)
    }

    mutating func tableWidth(_ transaction: Transaction, _ store: TextStore) -> Int {
        load(transaction, store)
        return width
    }

    mutating func writeTable(_ transaction: Transaction, _ store: TextStore, width: Int, _ out: ByteChunks) throws {
        load(transaction, store)
        if let made { try made.write(width: width, out) } else { try store.withBytes(text) { try TableCell.write($0, width: width, out) } }
    }
}
