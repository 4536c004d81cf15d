/// Bytes gathered in one buffer and handed on a megabyte at a time: a streamed report's output,
/// which may run to hundreds of megabytes and is never held whole.
///
/// Why not `[UInt8]`'s `append`: a register writes eight small pieces a row, millions of rows, and
/// each append checks for room and uniqueness. Here a row asks for room once (`reserve`) and its
/// pieces are copied in unchecked.
final class ByteChunks {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private let send: (UnsafeRawBufferPointer) throws -> Void

    init(capacity: Int = 1 << 20, send: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.capacity = capacity
        self.send = send
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    /// Room for `bytes` more: what is gathered is sent first when they would not fit, and the
    /// buffer grows for a piece bigger than it.
    @inline(__always)
    func reserve(_ bytes: Int) throws {
        guard count + bytes > capacity else { return }
        try flush()
        if bytes > capacity {
            buffer.deallocate()
            capacity = bytes
            buffer = .allocate(capacity: bytes)
        }
    }

    /// Sends what is gathered.
    func flush() throws {
        guard count > 0 else { return }
        let gathered = UnsafeRawBufferPointer(start: buffer, count: count)
        count = 0
        try send(gathered)
    }

    // Each of these assumes the room was reserved.

    @inline(__always)
    func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        (buffer + count).update(from: start, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    func put(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { put($0) }
    }

    @inline(__always)
    func put(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }

    @inline(__always)
    func put(_ byte: UInt8, times: Int) {
        guard times > 0 else { return }
        (buffer + count).update(repeating: byte, count: times)
        count += times
    }

    /// Lets `body` write up to `bytes` (reserved) straight into the buffer; it returns how many it wrote.
    @inline(__always)
    func withSpace(_ bytes: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        count += body(buffer + count)
    }

    /// Reserves the room and copies `text` in: for the few pieces written once (a heading).
    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { utf8 in
            try reserve(utf8.count)
            put(utf8)
        }
    }
}

extension ByteChunks {
    /// An amount as `Money.formatted(style)` spells it (room for `Money.longestFormatted` reserved).
    @inline(__always)
    func putMoney(_ money: Money, _ style: MoneyStyle) {
        withSpace(Money.longestFormatted) { money.write(style, to: $0) }
    }
}
