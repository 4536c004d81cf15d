/// The description's table cell, measured once for the postings of its transaction.
struct DescriptionCache {
    private var text: Int32 = .min
    private var cell = TableCell(nil)
    private var fast = true

    private mutating func load(_ transaction: Transaction, _ store: TextStore) {
        guard transaction.descriptionText != text else { return }
        text = transaction.descriptionText
        (fast, cell) = store.withBytes(text) { bytes in
            ASCII.isPrintable(bytes) ? (true, TableCell(width: Swift.min(bytes.count, TableWriter.textWidth)))
                : (false, TableCell(String(decoding: bytes, as: UTF8.self)))
        }
    }

    mutating func tableWidth(_ transaction: Transaction, _ store: TextStore) -> Int {
        load(transaction, store)
        return cell.width
    }

    mutating func writeTable(_ transaction: Transaction, _ store: TextStore, width: Int, _ out: ByteChunks) throws {
        load(transaction, store)
        if fast { try store.withBytes(text) { try TableCell.write($0, width: width, out) } } else { try cell.write(width: width, out) }
    }
}
