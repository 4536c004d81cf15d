/// A zip of stored (unpacked) parts with correct CRC-32s, so a harness can hand the .xlsx reader a
/// workbook whose container is sound and whose XML is the fuzzer's.
public enum StoredZip {
    public static func make(_ parts: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        var zip: [UInt8] = []
        var directory: [UInt8] = []
        for part in parts {
            let name = Array(part.name.utf8)
            let crc = crc32(part.bytes)
            let offset = zip.count
            zip += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc)
            zip += le32(part.bytes.count) + le32(part.bytes.count) + le16(name.count) + le16(0) + name + part.bytes
            directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc)
            directory += le32(part.bytes.count) + le32(part.bytes.count) + le16(name.count) + le16(0) + le16(0)
            directory += le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let start = zip.count
        zip += directory
        zip += le32(0x0605_4B50) + le16(0) + le16(0) + le16(parts.count) + le16(parts.count)
        zip += le32(directory.count) + le32(start) + le16(0)
        return zip
    }

    static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    static func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16 & 0xFFFF) }
    static func le32(_ value: UInt32) -> [UInt8] { le32(Int(value)) }

    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
