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

    /// A width alone, for text written from its own bytes.
    init(width: Int) {
        bytes = []
        self.width = width
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

/// The cells of the names a posting points at (its account, grant, line and area), made once per
/// name for the whole register rather than once per row.
struct NamedCells<Cell> {
    private let accounts: [Cell]
    private let grants: [Cell]
    private let lines: [[Cell]]
    private let areas: [Cell]
    private let none: Cell

    init(_ ledger: Ledger, _ make: (String?) -> Cell) {
        accounts = ledger.accounts.map { make($0.name) }
        grants = ledger.grants.map { make($0.id) }
        lines = ledger.grants.map { $0.lines.map { make($0.id) } }
        areas = ledger.areas.map { make($0.id) }
        none = make(nil)
    }

    @inline(__always)
    func cells(of posting: Posting) -> (account: Cell, grant: Cell, line: Cell, area: Cell) {
        let grant = Int(posting.grant), line = Int(posting.grantLine)
        return (accounts[Int(posting.account)], grant >= 0 ? grants[grant] : none,
                grant >= 0 && line >= 0 && line < lines[grant].count ? lines[grant][line] : none,
                posting.area >= 0 ? areas[Int(posting.area)] : none)
    }
}

/// A text cell of CSV from its bytes: as they are when `CSVCell.text` would leave them so (printable
/// ASCII, not starting like a formula, needing no quotes), else through `CSVCell.text` itself.
enum CSVText {
    static func put(_ text: UnsafeBufferPointer<UInt8>, _ out: ByteChunks) throws {
        if let first = text.first, let last = text.last, ASCII.isPrintable(text) {
            let formula = first == ASCII.equals || first == ASCII.plus || first == ASCII.minus || first == 0x40
            if !formula && first != ASCII.space && last != ASCII.space && !text.contains(where: { $0 == ASCII.comma || $0 == 0x22 }) {
                try out.reserve(text.count)
                out.put(text)
                return
            }
        }
        try out.write(CSVCell.text(String(decoding: text, as: UTF8.self)))
    }
}

/// A JSON string from text's bytes, escaped as `JSONWriter.string` escapes its scalars: quotes,
/// backslashes and control characters; every other byte (the rest of ASCII, and UTF-8, which the
/// reader checked) as it is.
enum JSONText {
    static func put(_ text: UnsafeBufferPointer<UInt8>, _ out: ByteChunks) throws {
        // At most six bytes for each (`\u001f`), and the quotes.
        try out.reserve(text.count * 6 + 2)
        out.put(0x22)
        if !mayNeedEscape(text) {
            out.put(text)
        } else {
            for byte in text {
                switch byte {
                case 0x22: out.put(0x5C); out.put(0x22)
                case 0x5C: out.put(0x5C); out.put(0x5C)
                case ASCII.newline: out.put(0x5C); out.put(0x6E)
                case ASCII.carriageReturn: out.put(0x5C); out.put(0x72)
                case ASCII.tab: out.put(0x5C); out.put(0x74)
                case ..<0x20:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    for piece in [0x5C, 0x75, ASCII.zero, ASCII.zero, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]] { out.put(piece) }
                default: out.put(byte)
                }
            }
        }
        out.put(0x22)
    }

    /// Whether some byte is a quote, a backslash or a control character, eight at a time.
    private static func mayNeedEscape(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        let raw = UnsafeRawPointer(base), ones: UInt64 = 0x0101_0101_0101_0101
        var offset = 0
        while offset + 8 <= text.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if (word &- ones &* 0x20) & ~word & (ones &* 0x80) != 0 || ASCII.has(0x22, in: word) || ASCII.has(0x5C, in: word) { return true }
            offset += 8
        }
        while offset < text.count {
            let byte = base[offset]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
            offset += 1
        }
        return false
    }
}
