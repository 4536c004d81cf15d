import Foundation
import ZIPFoundation

/// The parts of a zip file (an .xlsx is one) held in memory, and their contents, unpacked within a
/// budget so that a zip bomb is refused rather than unpacked.
///
/// Why the directory is read here and not by ZIPFoundation's `Archive`: `Archive.extract` (0.9.20,
/// on Linux) loops for ever on a deflated part whose data runs to the end of the file without
/// ending (its inflate loop asks the file for more, gets nothing and asks again), and it feeds zlib
/// a whole buffer's length even when fewer bytes were read. So the central directory (a list of
/// fixed-layout records, ZIP64 sizes included) is read strictly here, and ZIPFoundation does the
/// work that must be right: inflating (`Data.decompress`, zlib) and the CRC-32 check. Its input is
/// served from the part's own bytes, a full buffer each time, and asking past them is an error.
struct ZipDirectory {
    struct Entry {
        let name: String
        let method: UInt16
        let flags: UInt16
        let crc32: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    let bytes: [UInt8]
    let entries: [Entry]
    private let byName: [String: Int]
    private let byLowercasedName: [String: Int]

    /// More parts than any workbook has (a workbook of a thousand sheets has a few thousand).
    static let maximumEntries = 100_000

    /// How much unpacking may give in all: 64 times the file's size (a workbook's XML packs 5 to 20
    /// times; a zip bomb packs thousands of times), at least 16 MiB (a small file cannot hurt), at
    /// most 512 MiB.
    static func unpackingBudget(forFileOf size: Int) -> Int {
        let (scaled, overflow) = size.multipliedReportingOverflow(by: 64)
        return min(512 << 20, max(16 << 20, overflow ? Int.max : scaled))
    }

    init(bytes: [UInt8]) throws(XlsxPartProblem) {
        self.bytes = bytes
        let (count, directoryOffset, directorySize) = try Self.endOfDirectory(bytes)
        guard count <= Self.maximumEntries else {
            throw XlsxPartProblem("the zip lists \(count) parts, more than a workbook has (\(Self.maximumEntries))")
        }
        guard directoryOffset <= bytes.count, directorySize <= bytes.count - directoryOffset else {
            throw XlsxPartProblem("the zip's list of parts lies past the end of the file: the file is cut short or damaged")
        }
        var entries: [Entry] = []
        var offset = directoryOffset
        for _ in 0..<count {
            entries.append(try Self.directoryRecord(bytes, at: &offset))
        }
        var byName: [String: Int] = [:]
        var byLowercasedName: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let name = Self.normalized(entry.name)
            if byName[name] != nil {
                throw XlsxPartProblem("the zip holds \(name) twice, so which one is meant cannot be told")
            }
            byName[name] = index
            if byLowercasedName[name.lowercased()] == nil { byLowercasedName[name.lowercased()] = index }
        }
        self.entries = entries
        self.byName = byName
        self.byLowercasedName = byLowercasedName
    }

    /// A part by name (`xl/workbook.xml`): exactly, else ignoring case (part names are
    /// case-insensitive in a workbook's package).
    func entry(_ name: String) -> Entry? {
        let wanted = Self.normalized(name)
        guard let index = byName[wanted] ?? byLowercasedName[wanted.lowercased()] else { return nil }
        return entries[index]
    }

    private static func normalized(_ name: String) -> String {
        name.hasPrefix("/") ? String(name.dropFirst()) : name
    }

    // MARK: - Reading a part

    /// The unpacked bytes of `entry`, taking their size from `budget`: a part that says or turns out
    /// to be larger than what is left is refused, as is one whose CRC-32 does not match.
    func contents(of entry: Entry, budget: inout Int) throws(XlsxPartProblem) -> [UInt8] {
        let name = entry.name
        if entry.flags & 1 != 0 {
            throw XlsxPartProblem("\(name) is encrypted", hint: "save the workbook again without a password")
        }
        guard entry.uncompressedSize <= budget else { throw Self.bomb(name, budget) }
        let start = try dataStart(of: entry)
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw XlsxPartProblem("\(name) runs past the end of the file: the file is cut short or damaged")
        }
        let packed = start..<(start + entry.compressedSize)
        var output: [UInt8] = []
        switch entry.method {
        case 0:
            output = Array(bytes[packed])
        case 8:
            output = try inflate(packed, entry: entry, limit: budget)
        default:
            throw XlsxPartProblem("\(name) is packed by method \(entry.method), which only deflate (8) and none (0) are read",
                                  hint: "save the workbook again from a spreadsheet program")
        }
        guard output.count == entry.uncompressedSize else {
            throw XlsxPartProblem("\(name) unpacks to \(output.count) bytes, not the \(entry.uncompressedSize) the zip says: it is damaged")
        }
        guard Data(output).crc32(checksum: 0) == entry.crc32 else {
            throw XlsxPartProblem("\(name) is damaged: its contents do not match the checksum the zip holds")
        }
        budget -= output.count
        return output
    }

    private static func bomb(_ name: String, _ budget: Int) -> XlsxPartProblem {
        XlsxPartProblem("\(name) unpacks to more than the \(InputPolicy.describe(budget)) left to read (a workbook may unpack to 64 times its size, at most 512 MiB): it may be a zip bomb",
                        hint: "check the file; a genuine workbook this large can be saved as CSV and read as that")
    }

    /// Where `entry`'s packed data starts, after its local header.
    private func dataStart(of entry: Entry) throws(XlsxPartProblem) -> Int {
        let at = entry.localHeaderOffset
        guard try Self.le32(bytes, at) == 0x0403_4B50 else {
            throw XlsxPartProblem("\(entry.name) has no local header where the zip's list says: the file is damaged")
        }
        return at + 30 + Int(try Self.le16(bytes, at + 26)) + Int(try Self.le16(bytes, at + 28))
    }

    /// Deflated data through ZIPFoundation (zlib), served a full buffer at a time from `range`
    /// (zero-padded at its end, as zlib is told a whole buffer is there); asking past `range` means
    /// the data never ended. Output past `limit` or past the size the zip says stops it.
    private func inflate(_ range: Range<Int>, entry: Entry, limit: Int) throws(XlsxPartProblem) -> [UInt8] {
        let chunk = 1 << 16
        var output: [UInt8] = []
        output.reserveCapacity(min(entry.uncompressedSize, 64 << 20))
        var next = range.lowerBound
        do {
            _ = try Data.decompress(size: Int64(range.count), bufferSize: chunk, skipCRC32: true, provider: { _, _ in
                guard next < range.upperBound else {
                    throw XlsxPartProblem("\(entry.name) is cut short: its packed data ends before it is complete")
                }
                let end = min(range.upperBound, next + chunk)
                var data = Data(bytes[next..<end])
                if data.count < chunk { data.append(Data(count: chunk - data.count)) }
                next = end
                return data
            }, consumer: { data in
                guard output.count + data.count <= min(limit, entry.uncompressedSize) else {
                    throw output.count + data.count > limit ? Self.bomb(entry.name, limit)
                        : XlsxPartProblem("\(entry.name) unpacks to more than the \(entry.uncompressedSize) bytes the zip says: it is damaged")
                }
                output.append(contentsOf: data)
            })
        } catch {
            throw error as? XlsxPartProblem ?? XlsxPartProblem("\(entry.name) is damaged: its packed data cannot be unpacked")
        }
        return output
    }

    // MARK: - The central directory

    /// The number of parts, and the offset and size of the list of them, from the end-of-directory
    /// record (and its ZIP64 form when a field is full).
    private static func endOfDirectory(_ bytes: [UInt8]) throws(XlsxPartProblem) -> (Int, Int, Int) {
        // The record is 22 bytes and a comment of at most 65,535 follows it.
        var at = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while at >= lowest {
            if bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 0x05, bytes[at + 3] == 0x06 { break }
            at -= 1
        }
        guard at >= lowest else {
            throw XlsxPartProblem("the workbook is cut short or damaged: the list of its parts, at the end of the file, is missing",
                                  hint: "copy or download it again, or open it in a spreadsheet program and save it again as .xlsx")
        }
        let disk = try le16(bytes, at + 4), directoryDisk = try le16(bytes, at + 6)
        var count = Int(try le16(bytes, at + 10))
        var size = Int(try le32(bytes, at + 12))
        var offset = Int(try le32(bytes, at + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            (count, size, offset) = try zip64EndOfDirectory(bytes, locatorEnd: at)
        } else if disk != 0 || directoryDisk != 0 {
            throw XlsxPartProblem("it is one part of a zip split across several files", hint: "put the parts back together, or save the workbook again")
        }
        return (count, offset, size)
    }

    private static func zip64EndOfDirectory(_ bytes: [UInt8], locatorEnd: Int) throws(XlsxPartProblem) -> (Int, Int, Int) {
        let locator = locatorEnd - 20
        guard locator >= 0, try le32(bytes, locator) == 0x0706_4B50 else {
            throw XlsxPartProblem("the zip's list of parts is marked ZIP64 but has no ZIP64 record: the file is damaged")
        }
        let record = try le64(bytes, locator + 8)
        guard try le32(bytes, record) == 0x0606_4B50 else {
            throw XlsxPartProblem("the zip's ZIP64 record is not where it says: the file is damaged")
        }
        return (try le64(bytes, record + 32), try le64(bytes, record + 40), try le64(bytes, record + 48))
    }

    /// One record of the list of parts at `offset`, moving `offset` past it.
    private static func directoryRecord(_ bytes: [UInt8], at offset: inout Int) throws(XlsxPartProblem) -> Entry {
        let at = offset
        guard try le32(bytes, at) == 0x0201_4B50 else {
            throw XlsxPartProblem("the zip's list of parts is damaged")
        }
        let nameLength = Int(try le16(bytes, at + 28))
        let extraLength = Int(try le16(bytes, at + 30))
        let commentLength = Int(try le16(bytes, at + 32))
        guard at + 46 + nameLength <= bytes.count else { throw XlsxPartProblem("the zip's list of parts is cut short") }
        let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
        var compressed = Int(try le32(bytes, at + 20))
        var uncompressed = Int(try le32(bytes, at + 24))
        var local = Int(try le32(bytes, at + 42))
        // ZIP64: a full field's value is in the extra field 0x0001, in this order.
        var extra = at + 46 + nameLength
        let extraEnd = extra + extraLength
        while extra + 4 <= extraEnd {
            let id = try le16(bytes, extra), length = Int(try le16(bytes, extra + 2))
            if id == 1 {
                var field = extra + 4
                if uncompressed == 0xFFFF_FFFF { uncompressed = try le64(bytes, field); field += 8 }
                if compressed == 0xFFFF_FFFF { compressed = try le64(bytes, field); field += 8 }
                if local == 0xFFFF_FFFF { local = try le64(bytes, field) }
            }
            extra += 4 + length
        }
        offset = extraEnd + commentLength
        return Entry(name: name, method: try le16(bytes, at + 10), flags: try le16(bytes, at + 8), crc32: try le32(bytes, at + 16),
                     compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: local)
    }

    static func le16(_ bytes: [UInt8], _ at: Int) throws(XlsxPartProblem) -> UInt16 {
        guard at >= 0, at <= bytes.count - 2 else { throw XlsxPartProblem("the zip is cut short or damaged") }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    static func le32(_ bytes: [UInt8], _ at: Int) throws(XlsxPartProblem) -> UInt32 {
        guard at >= 0, at <= bytes.count - 4 else { throw XlsxPartProblem("the zip is cut short or damaged") }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }

    /// A 64-bit field, refused past what any file here can hold (so sums of offsets cannot overflow).
    static func le64(_ bytes: [UInt8], _ at: Int) throws(XlsxPartProblem) -> Int {
        let low = UInt64(try le32(bytes, at)), high = UInt64(try le32(bytes, at + 4))
        let value = high << 32 | low
        guard value <= 1 << 60 else { throw XlsxPartProblem("the zip's ZIP64 sizes are impossibly large: the file is damaged") }
        return Int(value)
    }
}
