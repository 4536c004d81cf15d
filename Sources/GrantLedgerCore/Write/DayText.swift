/// Each day's text, made once for the run of postings on it, and written from where it is kept
/// (handing out its array would touch a reference count every row).
struct DayText {
    private var day: Day?
    private var bytes: [UInt8] = []

    private mutating func load(_ date: Day) {
        guard date != day else { return }
        day = date
        bytes = Array(date.description.utf8)
    }

    /// How many characters the day's text has (it is ASCII).
    mutating func count(_ date: Day) -> Int {
        load(date)
        return bytes.count
    }

    /// The day's text, between two `quote`s (JSON's; none for a table or CSV), then `spaces` spaces.
    mutating func write(_ date: Day, _ out: ByteChunks, quoted quote: [UInt8] = [], spaces: Int = 0) throws {
        load(date)
        try out.reserve(bytes.count + 2 * quote.count + max(0, spaces))
        out.put(quote)
        bytes.withUnsafeBufferPointer { out.put($0) }
        out.put(quote)
        out.put(ASCII.space, times: spaces)
    }
}
